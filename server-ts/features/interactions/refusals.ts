// Why a click was refused: a code for logs and tests, and the sentence the clicker sees.
export type RefusalCode =
  | 'malformed' | 'unsigned' | 'bad-signature' | 'unknown-kind' | 'expired' | 'channel-mismatch'
  | 'post-missing' | 'not-our-post' | 'action-missing' | 'no-channel-access' | 'not-allowed' | 'used';

const sentences: Record<RefusalCode, string> = {
  malformed: 'this button is not one of ours (its data is incomplete).',
  unsigned: 'this button carries no OpenClaw signature.',
  'bad-signature': 'this button\'s signature does not match (it was changed or made elsewhere).',
  'unknown-kind': 'this button belongs to a feature this plugin does not know.',
  expired: 'this button has expired.',
  'channel-mismatch': 'this button was made for another channel.',
  'post-missing': 'the post holding this button no longer exists.',
  'not-our-post': 'this button is on a post the OpenClaw bot did not write.',
  'action-missing': 'this button is not on the post it claims to be on.',
  'no-channel-access': 'you cannot read this channel.',
  'not-allowed': 'you are not allowed to use this button.',
  used: 'this button was already used.',
};

export class Refusal {
  constructor(readonly code: RefusalCode, readonly detail?: string) {}
  get text(): string {
    return `OpenClaw refused this click: ${this.detail ?? sentences[this.code]}`;
  }
}
