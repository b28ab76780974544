import { answerDialog } from './dialog-route';
import { sealState } from './dialog-state';
import { ALICE, BOB, CHANNEL, fakes, NOW } from './testing';

async function setup(opts: Parameters<typeof fakes>[0] = {}) {
  const f = fakes(opts);
  const state = sealState(await f.deps.secrets.get('buttons'), {
    user_id: ALICE, channel_id: CHANNEL, root_id: '', expires_at: String(NOW + 60_000), nonce: '0123456789abcdef0123456789abcdef',
  });
  const body = (submission: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ({ type: 'dialog_submission', callback_id: 'model', state, user_id: ALICE, channel_id: CHANNEL, team_id: 't', submission, cancelled: false, ...extra });
  return { ...f, state, body };
}

test('choosing a provider refreshes the dialog with only that provider\'s models', async () => {
  const { deps, body, ran } = await setup();
  const answer = await answerDialog(deps, ALICE, body({ provider: 'alt' }, { type: 'refresh' }));
  expect(answer.type).toBe('form');
  expect(answer.form?.elements[0]).toMatchObject({ name: 'provider', default: 'alt', refresh: true });
  expect(answer.form?.elements[1].options).toEqual([{ text: 'alt-1 — Alt One', value: 'alt/alt-1' }, { text: 'alt-2 — Alt Two', value: 'alt/alt-2' }]);
  expect(ran).toEqual([]);
});

test('a submission applies the model in the conversation\'s session and confirms privately; a replay is refused', async () => {
  const { deps, body, ran, ephemeral } = await setup();
  expect(await answerDialog(deps, ALICE, body({ provider: 'alt', model: 'alt/alt-2' }))).toEqual({});
  expect(ran).toEqual([{ sessionKey: `agent:main:mattermost:channel:${CHANNEL}`, command: '/model alt/alt-2' }]);
  expect(ephemeral).toHaveLength(1);
  expect(ephemeral[0]).toMatchObject({ userId: ALICE, post: { ChannelId: CHANNEL } });
  expect(ephemeral[0].post.Message).toContain('now uses **alt/alt-2** (Alt Two)');
  expect((await answerDialog(deps, ALICE, body({ model: 'alt/alt-2' }))).error).toContain('already submitted');
  expect(ran).toHaveLength(1);
});

test('a failed change gives the error in the dialog and can be submitted again', async () => {
  let fail = true;
  const { deps, body, ran } = await setup({ answer: () => (fail ? Promise.reject(new Error('gateway busy')) : Promise.resolve('ok')) });
  expect((await answerDialog(deps, ALICE, body({ model: 'fake/fake-2' }))).error).toBe('OpenClaw could not change the model: gateway busy');
  fail = false;
  expect(await answerDialog(deps, ALICE, body({ model: 'fake/fake-2' }))).toEqual({});
  expect(ran).toHaveLength(2);
});

test.each([
  ['a model the gateway does not offer', ALICE, { model: 'evil/x\n/new' }, {}, 'errors.model', 'does not offer'],
  ['a model of another provider than chosen', ALICE, { provider: 'alt', model: 'fake/fake-2' }, {}, 'errors.model', 'fake/fake-2 is not a model of alt.'],
  ['another user submitting the state', BOB, { model: 'fake/fake-2' }, {}, 'error', 'opened by someone else'],
  ['a tampered state', ALICE, { model: 'fake/fake-2' }, { state: '{"kind":"model-dialog"}' }, 'error', 'signature does not match'],
  ['a body without state', ALICE, { model: 'fake/fake-2' }, { state: undefined }, 'error', 'incomplete'],
])('%s is refused and nothing reaches the gateway', async (_what, user, submission, extra, field, text) => {
  const { deps, body, ran } = await setup();
  const answer = await answerDialog(deps, user, body(submission, extra));
  expect(Object.keys(answer)).toEqual([field.split('.')[0]]);
  expect(field === 'error' ? answer.error : answer.errors?.model).toContain(text);
  expect(ran).toEqual([]);
});

test('someone who cannot read the channel is refused', async () => {
  const { deps, body, ran } = await setup({ readers: [BOB] });
  expect((await answerDialog(deps, ALICE, body({ model: 'fake/fake-2' }))).error).toContain('cannot read this channel');
  expect(ran).toEqual([]);
});

test('a cancelled dialog does nothing', async () => {
  const { deps, body, ran } = await setup();
  expect(await answerDialog(deps, ALICE, body({}, { cancelled: true }))).toEqual({});
  expect(ran).toEqual([]);
});
