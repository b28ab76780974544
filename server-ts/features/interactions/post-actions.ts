// The buttons a stored post really holds. Mattermost hands props back either as its structs
// (Go field names: Actions, Integration, Context) or as the JSON it stored (actions,
// integration, context), so both spellings are read.
import { z } from 'zod';
import { toPlain, type GobValue } from '../../mattermost/gob';
import type { Post } from '../../mattermost/model/post';

export interface StoredAction {
  id: string;
  name: string;
  url: string;
  context: Record<string, unknown>;
}

const record = z.record(z.string(), z.unknown());

function field(obj: Record<string, unknown>, name: string): unknown {
  return obj[name] ?? obj[name[0].toUpperCase() + name.slice(1)] ?? obj[name.toUpperCase()];
}

export function postActions(post: Pick<Post, 'Props'>): StoredAction[] {
  const raw = post.Props?.attachments;
  const attachments = z.array(record).safeParse(raw === undefined ? [] : toPlain(raw as GobValue));
  if (!attachments.success) return [];
  const out: StoredAction[] = [];
  for (const attachment of attachments.data) {
    const actions = z.array(record).safeParse(field(attachment, 'actions') ?? []);
    if (!actions.success) continue;
    for (const action of actions.data) {
      const integration = record.safeParse(field(action, 'integration') ?? {});
      const id = field(action, 'id');
      if (!integration.success || typeof id !== 'string') continue;
      const url = field(integration.data, 'url');
      const name = field(action, 'name');
      const context = record.safeParse(field(integration.data, 'context') ?? {});
      out.push({ id, name: typeof name === 'string' ? name : '', url: typeof url === 'string' ? url : '', context: context.success ? context.data : {} });
    }
  }
  return out;
}
