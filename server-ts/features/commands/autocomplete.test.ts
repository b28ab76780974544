import { GobInterface } from '../../mattermost/gob';
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
  const verbose = autocompleteFor(spec('oc_verbose'));
  expect(verbose.SubCommands!.map((s) => s.Trigger)).toEqual(['on', 'off']);
  expect(verbose.Arguments).toBeUndefined();
});

test('values the gateway knows are one optional dynamic list argument on our route, and no sub-commands', () => {
  for (const [trigger, list] of [['oc_model', 'models'], ['oc_models', 'providers'], ['oc_think', 'thinking']]) {
    const data = autocompleteFor(spec(trigger));
    expect(data.SubCommands).toEqual([]);
    expect(data.Arguments).toHaveLength(1);
    const arg = data.Arguments![0];
    expect(arg).toMatchObject({ Type: 'DynamicList', Required: false });
    expect(arg.Data).toBeInstanceOf(GobInterface);
    expect(arg.Data).toMatchObject({ name: '*model.AutocompleteDynamicListArg', value: { FetchURL: `/api/v1/autocomplete/${list}` } });
  }
});
