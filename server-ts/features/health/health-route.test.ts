import { fakeRequest, fakeResponse } from '../../testing/fake-plugin-api';
import { healthRoute } from './health-route';

test('answers ids, versions and the activation count as they are at request time', async () => {
  let serverVersion = '';
  let activations = 0;
  const route = healthRoute({ pluginId: 'openclaw', pluginVersion: '1.2.3', serverVersion: () => serverVersion, activations: () => activations });

  // The route is built before activation; what it reports must follow what activation learned.
  serverVersion = '11.1.0';
  activations = 3;
  const { res, answers } = fakeResponse();
  await route({}, fakeRequest('GET', '/api/v1/health', 'u1'), res);
  expect(answers).toEqual([{
    code: 200,
    body: { status: 'ok', plugin: { id: 'openclaw', version: '1.2.3' }, server: { version: '11.1.0' }, activations: 3 },
  }]);
});
