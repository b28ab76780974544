// Autocomplete data for a command. Mattermost only suggests entries whose RoleID matches
// the user's role (system_user) — an empty RoleID hides the command from non-admins.
// Fixed choices are offered as sub-commands: Mattermost rejects optional positional
// arguments, and every choice here is optional (no argument shows the current value).
import type { AutocompleteData } from '../../mattermost/model/command';
import type { CommandSpec } from './catalog';

const SYSTEM_USER_ROLE = 'system_user';

export function autocompleteFor(spec: CommandSpec): AutocompleteData {
  return {
    Trigger: spec.trigger,
    Hint: spec.hint,
    HelpText: spec.description,
    RoleID: SYSTEM_USER_ROLE,
    SubCommands: (spec.choices ?? []).map((choice) => ({ Trigger: choice, HelpText: `${spec.description}: ${choice}`, RoleID: SYSTEM_USER_ROLE })),
  };
}
