import { fakeRequest, fakeResponse } from '../../testing/fake-plugin-api';
import { botRoute } from './bot-route';

test("answers the bot's user id as it is at request time; 503 before activation created the bot", async () => {
  let id = '';
  const route = botRoute(() => id);
  const before = fakeResponse();
  await route({}, fakeRequest('GET', '/api/v1/bot', 'u1'), before.res);
  expect(before.answers).toEqual([{ code: 503, body: { error: 'the OpenClaw bot is not set up yet' } }]);

  id = 'bot-user-id';
  const after = fakeResponse();
  await route({}, fakeRequest('GET', '/api/v1/bot', 'u1'), after.res);
  expect(after.answers).toEqual([{ code: 200, body: { user_id: 'bot-user-id' } }]);
});
