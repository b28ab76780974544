import { HeldNotifications, type NotifiedPost, type NotifyArgs } from './desktop-notifications';

const BOT = 'bot-id';
const ARGS: NotifyArgs = { title: 'openclaw', body: '@openclaw: OpenClaw is answering…', silent: false, soundName: 'Bing', url: '/t/messages/@openclaw', notify: true };
const streaming = (over: Partial<NotifiedPost> = {}): NotifiedPost => ({
  id: 'p1', user_id: BOT, type: 'custom_openclaw_reply', message: '_OpenClaw is answering…_', props: { openclaw_state: 'streaming', openclaw_seq: 0 }, ...over,
});

function setup(message: Promise<string> = Promise.resolve('**Done**: all 3 services are up.')) {
  const shown: Array<[NotifyArgs, unknown, string]> = [];
  const held = new HeldNotifications({
    bot: { userId: BOT }, fetchMessage: () => message, logError: () => undefined,
    show: (args, channel, teamId) => shown.push([args, channel, teamId]),
  });
  return { held, shown };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

test('a live reply\'s notification is held, then shown once with the answer when its stream ends', async () => {
  const { held, shown } = setup();
  expect(await held.hook(streaming(), {}, { id: 'dm' }, 'team', ARGS)).toEqual({ args: { ...ARGS, notify: false } });
  held.ended('p1');
  held.ended('p1');
  await flush();
  expect(shown).toEqual([[{ ...ARGS, body: '@openclaw: Done: all 3 services are up.' }, { id: 'dm' }, 'team']]);
});

test('other posts, finished replies, posts of another author and malformed args pass unchanged', async () => {
  const { held, shown } = setup();
  expect(await held.hook(streaming({ type: '' }), {}, {}, 't', ARGS)).toEqual({ args: ARGS });
  expect(await held.hook(streaming({ props: { openclaw_state: 'done' } }), {}, {}, 't', ARGS)).toEqual({ args: ARGS });
  expect(await held.hook(streaming({ user_id: 'mallory' }), {}, {}, 't', ARGS)).toEqual({ args: ARGS });
  expect(await held.hook(streaming(), {}, {}, 't', { title: 1 })).toEqual({ args: { title: 1 } });
  held.ended('p1');
  await flush();
  expect(shown).toEqual([]);
});

test('when the answer cannot be loaded, the notification is still shown, as the host had it', async () => {
  const { held, shown } = setup(Promise.reject(new Error('offline')));
  await held.hook(streaming(), {}, {}, 't', ARGS);
  held.ended('p1');
  await flush();
  expect(shown).toEqual([[ARGS, {}, 't']]);
});
