import { GobInterface } from '../../mattermost/gob';
import { autocompleteFor } from './autocomplete';
import { commandCatalog } from './catalog';

const spec = (trigger: string) => commandCatalog.find((c) => c.trigger === trigger)!;

test('every command is visible to ordinary users (RoleID system_user)', () => {
  for (const c of commandCatalog) expect(autocompleteFor(c).RoleID).toBe('system_user');
});

test('fixed choices become a static list, free text a text argument, no hint no argument', () => {
  const think = autocompleteFor(spec('oc_think')).Arguments![0];
  expect(think.Type).toBe('StaticList');
  expect((think.Data as GobInterface).name).toBe('*model.AutocompleteStaticListArg');
  expect(((think.Data as GobInterface).value as { PossibleArguments: Array<{ Item: string }> }).PossibleArguments.map((p) => p.Item))
    .toEqual(['off', 'low', 'medium', 'high']);
  const model = autocompleteFor(spec('oc_model')).Arguments![0];
  expect(model.Type).toBe('TextInput');
  expect((model.Data as GobInterface).name).toBe('*model.AutocompleteTextArg');
  expect(autocompleteFor(spec('oc_status')).Arguments).toEqual([]);
});
