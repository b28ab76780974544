// What an exec approval looks like in Mattermost: the command, folder and host in the
// message (readable on every client), and the buttons the gateway allows.
import type { ExecApprovalRequest, ExecDecision } from '../../gateway';
import type { ButtonSpec } from './signed-buttons';

function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
}

export function approvalText(req: ExecApprovalRequest): string {
  const { command, cwd, host } = req.request;
  const where = [cwd ? `Folder: \`${cwd.replace(/`/g, "'")}\`` : '', host ? `Host: ${host.replace(/[`*_]/g, '')}` : ''].filter(Boolean).join(' · ');
  return ['**OpenClaw asks to run a command**', fenced(command.slice(0, 4000)), where].filter(Boolean).join('\n');
}

const buttonOf: Record<ExecDecision, ButtonSpec> = {
  'allow-once': { id: 'allowonce', name: 'Approve once', style: 'primary' },
  'allow-always': { id: 'allowalways', name: 'Always', style: 'default' },
  deny: { id: 'deny', name: 'Deny', style: 'danger' },
};

export function approvalButtons(approvalId: string, decisions: ExecDecision[]): ButtonSpec[] {
  return decisions.map((d) => ({ ...buttonOf[d], data: { decision: d, ref: approvalId } }));
}
