// The few facts of a Mattermost post the relay decision reads. Props come from the poster
// (hostile input): only three flags are read, each compared with an exact value.
import { GobInterface } from '../../mattermost/gob';
import type { Post } from '../../mattermost/model';
import type { PostFacts } from './decide';

function flag(props: Record<string, unknown> | undefined, key: string): boolean {
  const v = props?.[key];
  const plain = v instanceof GobInterface ? v.value : v;
  return plain === 'true' || plain === true;
}

const NO_FILES: string[] = [];

export function emptyFacts(): PostFacts {
  return { id: '', userId: '', channelId: '', rootId: '', message: '', type: '', editAt: 0, deleteAt: 0,
    fromBot: false, fromWebhook: false, fromPlugin: false, fileIds: NO_FILES };
}

/**
 * Fills `into` (reused by the hook for every post, so deciding "not for us" allocates
 * nothing) and returns it. Copy it before keeping it past the current post.
 */
export function readPostFacts(p: Post, into: PostFacts): PostFacts {
  const props = p.Props;
  into.id = p.Id ?? '';
  into.userId = p.UserId ?? '';
  into.channelId = p.ChannelId ?? '';
  into.rootId = p.RootId ?? '';
  into.message = p.Message ?? '';
  into.type = p.Type ?? '';
  into.editAt = p.EditAt ?? 0;
  into.deleteAt = p.DeleteAt ?? 0;
  into.fromBot = flag(props, 'from_bot');
  into.fromWebhook = flag(props, 'from_webhook');
  into.fromPlugin = flag(props, 'from_plugin');
  into.fileIds = p.FileIds ?? NO_FILES;
  return into;
}
