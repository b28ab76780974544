// Slash command registration and responses (model.Command, model.AutocompleteData,
// model.CommandArgs, model.CommandResponse).
import { t, type Infer, type StructType, type StructValue } from '../gob';
import { SlackAttachmentType } from './attachment';

export const AutocompleteArgType = t.struct('AutocompleteArg', () => [
  ['Name', t.string],
  ['HelpText', t.string],
  // 'TextInput' | 'StaticList' | 'DynamicList'; Data holds the matching *model.Autocomplete…Arg.
  ['Type', t.string],
  ['Required', t.bool],
  ['Data', t.interface],
]);
export type AutocompleteArg = Infer<typeof AutocompleteArgType>;

export const AutocompleteTextArgType = t.struct('AutocompleteTextArg', () => [['Hint', t.string], ['Pattern', t.string]]);
const AutocompleteListItemType = t.struct('AutocompleteListItem', () => [['Item', t.string], ['Hint', t.string], ['HelpText', t.string]]);
export const AutocompleteStaticListArgType = t.struct('AutocompleteStaticListArg', () => [['PossibleArguments', t.slice(AutocompleteListItemType)]]);
export const AutocompleteDynamicListArgType = t.struct('AutocompleteDynamicListArg', () => [['FetchURL', t.string]]);

const autocompleteDataFields = () => [
  ['Trigger', t.string],
  ['Hint', t.string],
  ['HelpText', t.string],
  ['RoleID', t.string],
  ['Arguments', t.slice(AutocompleteArgType)],
] as const;
// Recursive: the one field TypeScript cannot infer through the self-reference is added by hand.
export type AutocompleteData = StructValue<ReturnType<typeof autocompleteDataFields>> & { SubCommands?: AutocompleteData[] };
export const AutocompleteDataType: StructType<AutocompleteData> = t.struct('AutocompleteData', () => [
  ...autocompleteDataFields(),
  ['SubCommands', t.slice(AutocompleteDataType)],
]);

export const CommandType = t.struct('Command', () => [
  ['Id', t.string],
  ['Token', t.string],
  ['CreateAt', t.int],
  ['UpdateAt', t.int],
  ['DeleteAt', t.int],
  ['CreatorId', t.string],
  ['TeamId', t.string],
  ['Trigger', t.string],
  ['Method', t.string],
  ['Username', t.string],
  ['IconURL', t.string],
  ['AutoComplete', t.bool],
  ['AutoCompleteDesc', t.string],
  ['AutoCompleteHint', t.string],
  ['DisplayName', t.string],
  ['Description', t.string],
  ['URL', t.string],
  ['PluginId', t.string],
  ['AutocompleteData', AutocompleteDataType],
  ['AutocompleteIconData', t.string],
]);
export type Command = Infer<typeof CommandType>;

export const CommandArgsType = t.struct('CommandArgs', () => [
  ['UserId', t.string],
  ['ChannelId', t.string],
  ['TeamId', t.string],
  ['RootId', t.string],
  ['ParentId', t.string],
  ['TriggerId', t.string],
  ['Command', t.string],
  ['SiteURL', t.string],
  ['UserMentions', t.map(t.string, t.string)],
  ['ChannelMentions', t.map(t.string, t.string)],
  ['ConnectionId', t.string],
]);
export type CommandArgs = Infer<typeof CommandArgsType>;

const commandResponseFields = () => [
  ['ResponseType', t.string],
  ['Text', t.string],
  ['Username', t.string],
  ['ChannelId', t.string],
  ['IconURL', t.string],
  ['Type', t.string],
  ['Props', t.map(t.string, t.interface)],
  ['GotoLocation', t.string],
  ['TriggerId', t.string],
  ['SkipSlackParsing', t.bool],
  ['Attachments', t.slice(SlackAttachmentType)],
] as const;
export type CommandResponse = StructValue<ReturnType<typeof commandResponseFields>> & { ExtraResponses?: CommandResponse[] };
export const CommandResponseType: StructType<CommandResponse> = t.struct('CommandResponse', () => [
  ...commandResponseFields(),
  ['ExtraResponses', t.slice(CommandResponseType)],
]);
