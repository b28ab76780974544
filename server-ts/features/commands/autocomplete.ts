// Autocomplete data for a command. Mattermost only suggests entries whose RoleID matches
// the user's role (system_user) — an empty RoleID hides the command from non-admins.
// Fixed choices are offered as sub-commands: Mattermost rejects optional positional text
// arguments, and every choice here is optional (no argument shows the current value).
// Values only the gateway knows are an optional DynamicList argument instead (a command
// cannot have both): Mattermost fetches them from our route as the user types, and turns
// the relative URL into /plugins/<id>/… itself.
import { GobInterface } from '../../mattermost/gob';
import type { AutocompleteData } from '../../mattermost/model/command';
import type { CommandSpec } from './catalog';

export const AUTOCOMPLETE_PATH = '/api/v1/autocomplete';

const SYSTEM_USER_ROLE = 'system_user';

export function autocompleteFor(spec: CommandSpec): AutocompleteData {
  return {
    Trigger: spec.trigger,
    Hint: spec.hint,
    HelpText: spec.description,
    RoleID: SYSTEM_USER_ROLE,
    ...(spec.list ? {
      Arguments: [{ HelpText: spec.hint, Type: 'DynamicList', Required: false,
        Data: new GobInterface('*model.AutocompleteDynamicListArg', { FetchURL: `${AUTOCOMPLETE_PATH}/${spec.list}` }) }],
    } : {}),
    SubCommands: (spec.choices ?? []).map((choice) => ({ Trigger: choice, HelpText: `${spec.description}: ${choice}`, RoleID: SYSTEM_USER_ROLE })),
  };
}
