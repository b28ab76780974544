import { autocompleteFor } from './autocomplete';
import { commandCatalog } from './catalog';

const spec = (trigger: string) => commandCatalog.find((c) => c.trigger === trigger)!;

test('every command and choice is visible to ordinary users (RoleID system_user)', () => {
  for (const c of commandCatalog) {
    const data = autocompleteFor(c);
    expect(data.RoleID).toBe('system_user');
    for (const sub of data.SubCommands ?? []) expect(sub.RoleID).toBe('system_user');
  }
});

test('fixed choices become optional sub-commands; no positional arguments (Mattermost rejects optional ones)', () => {
  const think = autocompleteFor(spec('oc_think'));
  expect(think.SubCommands!.map((s) => s.Trigger)).toEqual(['off', 'low', 'medium', 'high']);
  expect(think.Arguments).toBeUndefined();
  expect(autocompleteFor(spec('oc_model'))).toMatchObject({ Hint: '[model-name]', SubCommands: [] });
});
