import { realClientFactory } from './client-port';

it('loads the bundled reference client', () => {
  expect(typeof realClientFactory).toBe('function');
});
