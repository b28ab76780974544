// What the gateway offers, as lists: its slash commands (`commands.list`, skills among them)
// and its models (`models.list`). Results are read with the protocol's own schemas, tolerant
// of fields a newer gateway adds; an answer that does not fit is an error, not an empty list,
// so a caller never mistakes a broken answer for "everything was removed".
import { z } from 'zod';
import { GatewayLinkError } from './errors';
import { tolerantReader } from './protocol-events';
import { checkedParams } from './protocol-params';
import { protocol } from './protocol';

type Request = (method: string, params: Record<string, unknown>) => Promise<unknown>;

export interface GatewayCommand {
  name: string;
  /** How the command is typed in a message, e.g. "/weather". */
  text: string;
  description: string;
  source: 'native' | 'skill' | 'plugin';
  acceptsArgs: boolean;
}

export interface ThinkingLevel { id: string; label: string }

export interface GatewayModel {
  id: string;
  name: string;
  provider: string;
  alias?: string;
  /** Empty when the gateway does not say which levels the model supports. */
  thinkingLevels: ThinkingLevel[];
  thinkingDefault?: string;
  /** The agent's default model (tagged `default` by the gateway). */
  isDefault: boolean;
}

const readCommands = tolerantReader(() => protocol().root.CommandsListResultSchema);
const readModels = tolerantReader(() => protocol().schema.ModelsListResultSchema);

export async function listCommands(request: Request, agentId: string): Promise<GatewayCommand[]> {
  const params = checkedParams('commands.list', (p) => p.root.validateCommandsListParams, { agentId, scope: 'text' as const });
  const result = readCommands(await request('commands.list', params));
  if (!result) throw new GatewayLinkError('rejected', 'commands.list answered outside the protocol');
  return result.commands.map((c) => ({
    name: c.name,
    text: c.textAliases?.find((a) => a.startsWith('/')) ?? `/${c.name}`,
    description: c.description,
    source: c.source,
    acceptsArgs: c.acceptsArgs,
  }));
}

export async function listModels(request: Request, agentId: string): Promise<GatewayModel[]> {
  const params = checkedParams('models.list', (p) => p.root.validateModelsListParams, { agentId });
  const result = readModels(await request('models.list', params));
  if (!result) throw new GatewayLinkError('rejected', 'models.list answered outside the protocol');
  return result.models.map((m) => ({
    id: m.id, name: m.name, provider: m.provider,
    ...(m.alias ? { alias: m.alias } : {}),
    thinkingLevels: m.thinkingLevels ?? [],
    ...(m.thinkingDefault ? { thinkingDefault: m.thinkingDefault } : {}),
    isDefault: m.tags?.includes('default') ?? false,
  }));
}

// The protocol leaves sessions.describe's session row open; we read the one part we use.
const DescribedLevels = z.object({ session: z.object({
  thinkingLevels: z.array(z.object({ id: z.string().min(1), label: z.string().min(1) })).max(50),
}) });

/**
 * The thinking levels of the model a session uses now (sessions.describe); for a session the
 * gateway does not know yet, those of the agent's default model.
 */
export async function sessionThinkingLevels(request: Request, sessionKey: string, agentId: string): Promise<ThinkingLevel[]> {
  const params = checkedParams('sessions.describe', (p) => p.root.validateSessionsDescribeParams, { key: sessionKey });
  const described = DescribedLevels.safeParse(await request('sessions.describe', params).catch(() => undefined));
  if (described.success && described.data.session.thinkingLevels.length > 0) return described.data.session.thinkingLevels;
  const models = await listModels(request, agentId);
  return (models.find((m) => m.isDefault) ?? models[0])?.thinkingLevels ?? [];
}
