// Slash command registration and responses (model.Command, model.AutocompleteData,
// model.CommandArgs, model.CommandResponse).
import { t } from '../gob';
import { SlackAttachmentType } from './attachment';

export const AutocompleteArgType = t.struct('AutocompleteArg', () => [
  ['Name', t.string],
  ['HelpText', t.string],
  ['Type', t.string],
  ['Required', t.bool],
  ['Data', t.interface],
]);

export const AutocompleteDataType: ReturnType<typeof t.struct> = t.struct('AutocompleteData', () => [
  ['Trigger', t.string],
  ['Hint', t.string],
  ['HelpText', t.string],
  ['RoleID', t.string],
  ['Arguments', t.slice(AutocompleteArgType)],
  ['SubCommands', t.slice(AutocompleteDataType)],
]);

export const CommandType = t.struct('Command', () => [
  ['Id', t.string],
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

export interface AutocompleteArg {
  Name?: string;
  HelpText: string;
  Type: 'TextInput' | 'StaticList' | 'DynamicList';
  Required?: boolean;
  Data?: unknown;
}

export interface AutocompleteData {
  Trigger: string;
  Hint?: string;
  HelpText?: string;
  RoleID?: string;
  Arguments?: AutocompleteArg[];
  SubCommands?: AutocompleteData[];
}

export interface Command {
  Trigger: string;
  TeamId?: string;
  DisplayName?: string;
  Description?: string;
  AutoComplete?: boolean;
  AutoCompleteDesc?: string;
  AutoCompleteHint?: string;
  AutocompleteData?: AutocompleteData;
  AutocompleteIconData?: string;
}

export interface CommandArgs {
  UserId?: string;
  ChannelId?: string;
  TeamId?: string;
  RootId?: string;
  ParentId?: string;
  TriggerId?: string;
  Command?: string;
  SiteURL?: string;
  UserMentions?: Record<string, string>;
  ChannelMentions?: Record<string, string>;
}

export const CommandResponseType: ReturnType<typeof t.struct> = t.struct('CommandResponse', () => [
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
  ['ExtraResponses', t.slice(CommandResponseType)],
]);

export interface CommandResponse {
  ResponseType?: 'ephemeral' | 'in_channel';
  Text?: string;
  Username?: string;
  ChannelId?: string;
  IconURL?: string;
  Type?: string;
  Props?: Record<string, unknown>;
  GotoLocation?: string;
  TriggerId?: string;
  SkipSlackParsing?: boolean;
  Attachments?: unknown[];
  ExtraResponses?: CommandResponse[];
}
