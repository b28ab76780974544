// What issue 3 expects of the plugin, checked the same way in every e2e file.
import type { Client4 } from '@mattermost/client';
import type { Channel } from '@mattermost/types/channels';
import { z } from 'zod';
import { executeCommand, rawRequest, type TestBed, type World } from '../../harness';

export const HEALTH_PATH = '/plugins/openclaw/api/v1/health';

export const healthSchema = z.object({
  plugin: z.object({ id: z.literal('openclaw'), version: z.string().min(1) }),
  server: z.object({ version: z.string().min(1) }),
});

/** /oc_help answers with text naming the plugin's commands. */
export async function expectHelpWorks(user: Client4, channel: Channel): Promise<string> {
  const res = await executeCommand(user, channel, '/oc_help');
  const text = res.text ?? '';
  expect(text).toMatch(/\/oc_help\b/);
  return text;
}

export async function expectHealthy(bed: TestBed, world: World): Promise<z.infer<typeof healthSchema>> {
  const user = world.users[0];
  if (!user) throw new Error('world has no users');
  const res = await rawRequest(bed.url, HEALTH_PATH, user.token);
  expect(res.status).toBe(200);
  return healthSchema.parse(await res.json());
}
