// The browser bed's plugin registry: Mattermost's calling conventions (positional or named
// arguments), registrations landing in the store, every call recorded, and a method the bed does
// not implement failing loudly instead of being silently ignored.
import { record } from '../../browser-bed/app/record';
import { createRegistry } from '../../browser-bed/app/registry/registry';
import { store } from '../../browser-bed/app/store/store';

type Registry = Record<string, (...args: unknown[]) => unknown>;

beforeEach(() => {
  record.registryCalls.length = 0;
  record.errors.length = 0;
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

const Reply = (): null => null;

test('registerPostTypeComponent, positional or named, registers the component for its type and is recorded', () => {
  const registry = createRegistry('p1') as Registry;
  const id = registry.registerPostTypeComponent('custom_p1_reply', Reply);
  expect(typeof id).toBe('string');
  expect(store.getState().plugins.postTypes.custom_p1_reply).toMatchObject({ id, pluginId: 'p1', component: Reply });
  registry.registerPostTypeComponent({ type: 'custom_p1_other', component: Reply });
  expect(store.getState().plugins.postTypes.custom_p1_other?.pluginId).toBe('p1');
  expect(record.registryCalls.map((c) => [c.pluginId, c.method, c.args[0]])).toEqual([
    ['p1', 'registerPostTypeComponent', 'custom_p1_reply'],
    ['p1', 'registerPostTypeComponent', '{type, component}'],
  ]);
  expect(record.errors).toEqual([]);
});

test('a post type without the custom_ prefix is recorded as an error', () => {
  (createRegistry('p2') as Registry).registerPostTypeComponent('reply', Reply);
  expect(record.errors).toEqual([expect.stringContaining('must start with custom_')]);
});

test('a registry method the bed does not implement throws and is recorded', () => {
  const registry = createRegistry('p3') as Registry;
  expect(() => registry.registerChannelHeaderButtonAction('icon', () => undefined)).toThrow(/not implemented by the browser test bed/);
  expect(record.errors).toEqual([expect.stringContaining('registry.registerChannelHeaderButtonAction is not implemented')]);
  // Plain property reads stay harmless (feature checks, `await registry`).
  expect((registry as Record<string, unknown>).then).toBeUndefined();
});

test('a component that is not a component is refused loudly', () => {
  const registry = createRegistry('p4') as Registry;
  expect(() => registry.registerRootComponent('not a component')).toThrow(/needs a React component/);
  expect(record.errors).toEqual([expect.stringContaining('registry.registerRootComponent failed')]);
});
