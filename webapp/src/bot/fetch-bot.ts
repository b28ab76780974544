// GET /api/v1/bot: our bot's user id. Only its posts get our rich rendering (live replies,
// buttons, confirmations); anyone can create a post of a custom_ type.
import * as z from 'zod/mini';
import { pluginUrl, requestOptions } from '../http/plugin-request';

const botInfo = z.object({ user_id: z.string().check(z.minLength(1)) });

export async function fetchBotUserId(): Promise<string> {
  const response = await fetch(pluginUrl('/bot'), requestOptions('GET'));
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`Loading the bot identity failed with HTTP ${response.status}`);
  const parsed = botInfo.safeParse(body);
  if (!parsed.success) throw new Error('the server sent a malformed bot identity');
  return parsed.data.user_id;
}
