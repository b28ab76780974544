// What the gateway offers, as lists: its slash commands (`commands.list`, skills among them)
// and its models (`models.list`). Results are read with the protocol's own schemas, tolerant
// of fields a newer gateway adds; an answer that does not fit is an error, not an empty list,
// so a caller never mistakes a broken answer for "everything was removed".
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
  }));
}
