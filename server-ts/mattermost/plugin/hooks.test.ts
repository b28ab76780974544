import { implementedHooks, type Hooks } from './hooks';

test('Implemented reports exactly the hooks the plugin has, with Go names', () => {
  const hooks: Hooks = { onActivate: async () => {}, serveHTTP: async () => {}, executeCommand: async () => ({}) };
  expect(implementedHooks(hooks).sort()).toEqual(['ExecuteCommand', 'OnActivate', 'ServeHTTP']);
  expect(implementedHooks({})).toEqual([]);
});
