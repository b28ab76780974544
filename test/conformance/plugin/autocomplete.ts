// /confauto: autocomplete arguments of every kind (harness/command.go has the same command).
// Each argument's Data travels as a *model.Autocomplete…Arg inside an interface.
import { GobInterface } from '../../../server-ts/mattermost/gob';
import type { Command } from '../../../server-ts/mattermost/model/command';

const role = 'system_user';
const textArg = (hint: string, pattern: string) => new GobInterface('*model.AutocompleteTextArg', { Hint: hint, Pattern: pattern });

export function autocompleteCommand(): Command {
  return {
    Trigger: 'confauto', DisplayName: 'Conformance autocomplete', Description: 'Autocomplete arguments of every kind',
    AutoComplete: true, AutoCompleteDesc: 'Arguments of every kind', AutoCompleteHint: '[say|pick|fetch]',
    AutocompleteIconData: 'data:image/svg+xml;base64,PHN2Zy8+',
    AutocompleteData: {
      Trigger: 'confauto', Hint: '[say|pick|fetch]', HelpText: 'Arguments of every kind', RoleID: role,
      SubCommands: [
        { Trigger: 'say', Hint: '[text]', HelpText: 'Say something ✓', RoleID: role, Arguments: [
          { HelpText: 'What to say', Type: 'TextInput', Required: true, Data: textArg('text', '.+') },
          { Name: 'times', HelpText: 'How often', Type: 'TextInput', Data: textArg('1-9', '^[1-9]$') },
        ] },
        { Trigger: 'pick', HelpText: 'Pick a colour', RoleID: role, Arguments: [
          { Name: 'color', HelpText: 'The colour', Type: 'StaticList', Data: new GobInterface('*model.AutocompleteStaticListArg', {
            PossibleArguments: [{ Item: 'red', Hint: 'warm', HelpText: 'Red ✓' }, { Item: 'blue', HelpText: 'Blue' }],
          }) },
        ] },
        { Trigger: 'fetch', HelpText: 'Fetch choices', RoleID: role, Arguments: [
          { HelpText: 'A choice from the plugin', Type: 'DynamicList', Required: true,
            Data: new GobInterface('*model.AutocompleteDynamicListArg', { FetchURL: '/plugins/conformance/autocomplete' }) },
        ] },
      ],
    },
  };
}
