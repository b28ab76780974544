import { z } from 'zod';
test('toolchain runs TypeScript under Node 24', () => {
  expect(process.versions.node.split('.')[0]).toBe('24');
  expect(z.string().parse('ok')).toBe('ok');
});
