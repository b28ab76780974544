// Autocomplete data for a command. Mattermost only suggests entries whose RoleID matches
// the user's role (system_user) — an empty RoleID hides the command from non-admins.
import { GobInterface } from '../../mattermost/gob';
import {
  AutocompleteArgNames, AutocompleteStaticListArgType, AutocompleteTextArgType, type AutocompleteArg,
  type AutocompleteData,
} from '../../mattermost/model/command';
import type { CommandSpec } from './catalog';

const SYSTEM_USER_ROLE = 'system_user';

function argumentsFor(spec: CommandSpec): AutocompleteArg[] {
  if (spec.choices) {
    const list = { PossibleArguments: spec.choices.map((c) => ({ Item: c, Hint: '', HelpText: '' })) };
    return [{ HelpText: spec.hint, Type: 'StaticList', Data: new GobInterface(AutocompleteArgNames.StaticList, list, AutocompleteStaticListArgType) }];
  }
  if (spec.hint) {
    return [{ HelpText: spec.hint, Type: 'TextInput', Data: new GobInterface(AutocompleteArgNames.TextInput, { Hint: spec.hint, Pattern: '' }, AutocompleteTextArgType) }];
  }
  return [];
}

export function autocompleteFor(spec: CommandSpec): AutocompleteData {
  return { Trigger: spec.trigger, Hint: spec.hint, HelpText: spec.description, RoleID: SYSTEM_USER_ROLE, Arguments: argumentsFor(spec) };
}
