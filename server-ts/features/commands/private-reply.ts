// One ephemeral post per command invocation, updated in place as the answer arrives.
import type { PluginAPI } from '../../mattermost/plugin';

export class PrivateReply {
  private postId: string | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: PluginAPI,
    private readonly botUserId: string,
    private readonly userId: string,
    private readonly channelId: string,
    private readonly rootId?: string,
  ) {}

  /** Creates the ephemeral post, or replaces its text; calls run in order. */
  show(message: string): Promise<void> {
    this.chain = this.chain.then(() => this.write(message)).catch(() => undefined);
    return this.chain;
  }

  private async write(message: string): Promise<void> {
    const post = { UserId: this.botUserId, ChannelId: this.channelId, RootId: this.rootId, Message: message };
    if (!this.postId) {
      const created = await this.api.sendEphemeralPost(this.userId, post);
      this.postId = created?.Id;
      return;
    }
    await this.api.updateEphemeralPost(this.userId, { ...post, Id: this.postId });
  }
}
