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

export function postFacts(p: Post): PostFacts {
  const props = p.Props;
  return {
    id: p.Id ?? '',
    userId: p.UserId ?? '',
    channelId: p.ChannelId ?? '',
    rootId: p.RootId ?? '',
    message: p.Message ?? '',
    type: p.Type ?? '',
    editAt: p.EditAt ?? 0,
    deleteAt: p.DeleteAt ?? 0,
    fromBot: flag(props, 'from_bot'),
    fromWebhook: flag(props, 'from_webhook'),
    fromPlugin: flag(props, 'from_plugin'),
    fileIds: p.FileIds ?? [],
  };
}
