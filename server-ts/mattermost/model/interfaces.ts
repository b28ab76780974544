// Mattermost registers these types for interface values (plugin/client_rpc.go init()); our
// encoder must know each one's schema so a value read from the server can be written back.
import { registerInterfaceType, t } from '../gob';
import { AppErrorType, ErrorStringType } from './app-error';
import { SlackAttachmentsType } from './attachment';
import { AutocompleteDynamicListArgType, AutocompleteStaticListArgType, AutocompleteTextArgType } from './command';
import { PreviewPostType } from './post';

const PqErrorType = t.struct('Error', () => (
  ['Severity', 'Code', 'Message', 'Detail', 'Hint', 'Position', 'InternalPosition', 'InternalQuery', 'Where', 'Schema',
    'Table', 'Column', 'DataTypeName', 'Constraint', 'File', 'Line', 'Routine'].map((name) => [name, t.string] as const)
));

const MODEL_PATH = 'github.com/mattermost/mattermost/server/public/model';
const PluginPropertyOptionType = t.struct('PluginPropertyOption', () => [['Data', t.map(t.string, t.string)]]);

/** Name → schema, exactly as the server registers them (newer servers keep the SlackAttachment name). */
export const MATTERMOST_INTERFACE_TYPES = {
  '[]*model.SlackAttachment': SlackAttachmentsType,
  '*model.AppError': AppErrorType,
  '*pq.Error': PqErrorType,
  '*plugin.ErrorString': ErrorStringType,
  '*model.AutocompleteDynamicListArg': AutocompleteDynamicListArgType,
  '*model.AutocompleteStaticListArg': AutocompleteStaticListArgType,
  '*model.AutocompleteTextArg': AutocompleteTextArgType,
  '*model.PreviewPost': PreviewPostType,
  // A named non-pointer type: gob.Register qualifies it with its full import path.
  [`${MODEL_PATH}.PropertyOptions[*${MODEL_PATH}.PluginPropertyOption]`]: t.slice(PluginPropertyOptionType),
} as const;

for (const [name, type] of Object.entries(MATTERMOST_INTERFACE_TYPES)) registerInterfaceType(name, type);
