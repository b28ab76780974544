import { BotIdentity } from './bot-identity';

test('learns the bot id, retrying with growing pauses while the server cannot say; subscribers hear of it', async () => {
  const bot = new BotIdentity();
  let heard = 0;
  bot.subscribe(() => void heard++);
  const answers = [new Error('HTTP 503'), new Error('HTTP 503'), 'bot-id'];
  const waits: number[] = [];
  const errors: string[] = [];
  await bot.load(
    () => {
      const next = answers.shift()!;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    (m) => void errors.push(m),
    (ms) => (waits.push(ms), Promise.resolve()),
  );
  expect(bot.userId).toBe('bot-id');
  expect(heard).toBe(1);
  expect(waits).toEqual([1_000, 2_000]);
  expect(errors).toHaveLength(1); // said once, not on every retry
});
