// One ephemeral post per command invocation, updated in place as the answer arrives.
import type { PluginAPI } from '../../mattermost/plugin';
import type { Post } from '../../mattermost/model/post';

export class PrivateReply {
  /** The post as the server created it: updates must carry its CreateAt, or clients show 1970. */
  private created: Post | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: PluginAPI,
    private readonly botUserId: string,
    private readonly userId: string,
    private readonly channelId: string,
    private readonly rootId?: string,
    private readonly onError: (err: Error) => void = () => undefined,
  ) {}

  /** Creates the ephemeral post, or replaces its text; calls run in order. */
  show(message: string): Promise<void> {
    this.chain = this.chain.then(() => this.write(message)).catch((err: Error) => this.onError(err));
    return this.chain;
  }

  private async write(message: string): Promise<void> {
    if (!this.created) {
      const post = { UserId: this.botUserId, ChannelId: this.channelId, RootId: this.rootId, Message: message };
      this.created = (await this.api.sendEphemeralPost(this.userId, post)) ?? { ...post };
      return;
    }
    await this.api.updateEphemeralPost(this.userId, { ...this.created, Message: message });
  }
}
