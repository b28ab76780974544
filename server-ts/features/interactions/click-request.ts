// What Mattermost POSTs to a button's plugin URL (model.PostActionIntegrationRequest), and
// the fields our own signed contexts carry. Anything else in the body is ignored.
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]{26}$/, 'not a Mattermost id');

export const ClickRequestSchema = z.object({
  user_id: z.string().optional(),
  user_name: z.string().optional(),
  channel_id: id,
  team_id: z.string().optional(),
  post_id: id,
  trigger_id: z.string().optional(),
  context: z.record(z.string(), z.unknown()),
});
export type ClickRequest = z.infer<typeof ClickRequestSchema>;

/** Signed into every button of our own posts; values are strings so every JSON codec agrees on the bytes. */
export const OurContextSchema = z.object({
  action_id: z.string().regex(/^[A-Za-z0-9]{1,64}$/),
  kind: z.string().regex(/^[a-z][a-z-]{0,31}$/),
  channel_id: id,
  expires_at: z.string().regex(/^\d{1,15}$/),
  nonce: z.string().regex(/^[A-Za-z0-9]{16,64}$/),
  _token: z.string(),
}).passthrough();
export type OurContext = z.infer<typeof OurContextSchema>;
