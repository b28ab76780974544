// GET /api/v1/bot: the bot's user id, for the webapp to tell our reply posts from look-alikes
// (anyone may create a post of our custom_ type; only the bot's are rendered as live replies).
// Any signed-in user may ask: the id is no secret, every post of the bot carries it.
import type { Route } from '../http/router';

export function botRoute(botUserId: () => string): Route {
  return (_ctx, _req, res) => {
    const id = botUserId();
    // Before activation created the bot there is no id yet; the webapp retries.
    if (!id) return res.json(503, { error: 'the OpenClaw bot is not set up yet' });
    return res.json(200, { user_id: id });
  };
}
