// Builds the attachment of one of our interactive posts: every button points at the plugin's
// click route and carries a signed context bound to its channel, an expiry and a nonce that
// all buttons of the post share (one decision per post).
import { randomBytes } from 'node:crypto';
import { GobInterface } from '../../mattermost/gob';
import { SlackAttachmentsType, type SlackAttachment } from '../../mattermost/model/attachment';
import { signed } from './signature';

export const CLICK_PATH = '/api/v1/interactions/click';

export interface ButtonSpec {
  /** Alphanumeric: Mattermost's click route accepts nothing else in an action id. */
  id: string;
  name: string;
  style?: 'default' | 'primary' | 'success' | 'good' | 'warning' | 'danger';
  /** Extra string fields, signed with the rest (e.g. the decision a button stands for). */
  data?: Record<string, string>;
}

export interface SignedPostSpec {
  pluginId: string;
  secret: string;
  kind: string;
  channelId: string;
  expiresAtMs: number;
  text: string;
  buttons: ButtonSpec[];
  nonce?: string;
}

export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

export function signedAttachment(spec: SignedPostSpec): SlackAttachment {
  const nonce = spec.nonce ?? newNonce();
  return {
    Text: spec.text,
    Actions: spec.buttons.map((b) => {
      if (!/^[A-Za-z0-9]{1,64}$/.test(b.id)) throw new Error(`button id must be alphanumeric: ${b.id}`);
      const context = signed(spec.secret, {
        ...b.data, action_id: b.id, kind: spec.kind, channel_id: spec.channelId, expires_at: String(spec.expiresAtMs), nonce,
      });
      return {
        Id: b.id, Type: 'button', Name: b.name, Style: b.style ?? 'default',
        Integration: { URL: `/plugins/${spec.pluginId}${CLICK_PATH}`, Context: context },
      };
    }),
  };
}

/** Post.Props["attachments"] as the server registers it. */
export function attachmentsProp(attachments: SlackAttachment[]): GobInterface {
  return new GobInterface('[]*model.SlackAttachment', attachments, SlackAttachmentsType);
}
