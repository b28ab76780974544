// The *Skill commands* setting (plugin.json `SkillCommands`, default on). Keys match
// case-insensitively, as Mattermost lower-cases them in older configs.
import { z } from 'zod';

const Flag = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

export function skillCommandsEnabled(raw: unknown): boolean {
  if (!raw || typeof raw !== 'object') return true;
  const entry = Object.entries(raw).find(([k]) => k.toLowerCase() === 'skillcommands');
  const parsed = Flag.safeParse(entry?.[1]);
  return parsed.success ? parsed.data : true;
}
