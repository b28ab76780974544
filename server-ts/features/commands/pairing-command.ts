// /oc_pairing: system admins approve, list and revoke the people who may DM OpenClaw under
// the `pairing` DM policy. Answered privately to the admin; an approved person also gets a
// DM from the bot saying so.
import type { CommandArgs, CommandResponse } from '../../mattermost/model';
import type { PairingStore } from '../conversations/pairing-store';
import type { CommandSpec } from './catalog';

export const pairingCommandSpec: CommandSpec = {
  trigger: 'oc_pairing',
  hint: 'approve <code> | list | revoke <@user>',
  description: 'Approve, list or revoke people who may DM OpenClaw (system admins)',
  choices: ['approve', 'list', 'revoke'],
};

export interface PairingCommandDeps {
  pairing: PairingStore;
  isSystemAdmin: (userId: string) => Promise<boolean>;
  /** `@name`, `name` or a user id → the user, or undefined. */
  findUser: (ref: string) => Promise<{ id: string; username: string } | undefined>;
  username: (userId: string) => Promise<string>;
  /** Tells the approved person (a DM from the bot). */
  tellApproved: (userId: string) => Promise<void>;
  /** Other cluster nodes re-read the approvals. */
  changed: () => void;
  now?: () => number;
}

const USAGE = [
  '#### /oc_pairing',
  '- `/oc_pairing approve <code>`: let the person who got this code DM OpenClaw',
  '- `/oc_pairing approve @user`: let someone in without a code',
  '- `/oc_pairing list`: pending codes and approved people',
  '- `/oc_pairing revoke @user`: take an approval back',
].join('\n');

const reply = (text: string): CommandResponse => ({ ResponseType: 'ephemeral', Text: text });

function ago(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  return min < 1 ? 'just now' : min < 60 ? `${min} min ago` : `${Math.round(min / 60)} h ago`;
}

export async function pairingCommand(deps: PairingCommandDeps, args: CommandArgs): Promise<CommandResponse> {
  const userId = args.UserId ?? '';
  if (!(await deps.isSystemAdmin(userId))) return reply('Only system admins can use /oc_pairing.');
  const [, action = '', target = ''] = (args.Command ?? '').trim().split(/\s+/);
  const now = deps.now ?? Date.now;
  switch (action.toLowerCase()) {
    case 'approve': {
      if (!target) return reply('Usage: `/oc_pairing approve <code>` or `/oc_pairing approve @user`.');
      const looksLikeUser = target.startsWith('@');
      const pending = looksLikeUser ? undefined : await deps.pairing.approve(target, userId);
      let approvedId = pending?.userId;
      if (!approvedId) {
        const user = await deps.findUser(target);
        if (!user) {
          return reply(looksLikeUser
            ? `There is no user ${target}.`
            : `No pending pairing has the code \`${target}\` (codes expire after one hour). \`/oc_pairing list\` shows the pending ones.`);
        }
        await deps.pairing.approveUser(user.id, userId);
        approvedId = user.id;
      }
      deps.changed();
      await deps.tellApproved(approvedId).catch(() => undefined);
      return reply(`Approved @${await deps.username(approvedId)}: OpenClaw now answers their direct messages.`);
    }
    case 'revoke': {
      const user = target ? await deps.findUser(target) : undefined;
      if (!user) return reply(target ? `There is no user ${target}.` : 'Usage: `/oc_pairing revoke @user`.');
      const was = await deps.pairing.revoke(user.id);
      deps.changed();
      return reply(was ? `Revoked: @${user.username} can no longer DM OpenClaw (unless the DM allowlist names them).` : `@${user.username} was not approved.`);
    }
    case 'list': {
      const { pending, approved } = await deps.pairing.list();
      const lines = ['#### Pending pairing codes'];
      if (pending.length === 0) lines.push('_none_');
      for (const p of pending.slice(-50)) lines.push(`- \`${p.code}\` @${await deps.username(p.userId)} (${ago(now() - p.createdAt)})`);
      lines.push('#### Approved');
      if (approved.length === 0) lines.push('_none_');
      for (const a of approved.slice(-100)) lines.push(`- @${await deps.username(a.userId)} (by @${await deps.username(a.approvedBy)}, ${ago(now() - a.approvedAt)})`);
      return reply(lines.join('\n'));
    }
    default:
      return reply(USAGE);
  }
}
