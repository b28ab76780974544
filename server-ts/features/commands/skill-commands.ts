// Keeps the gateway's skills registered as /oc_<skill> commands on this node. The gateway
// announces no change of its skills (gateway-probe-2 §Q6: no event on add, remove or
// toggle), so the list is read on every connection and then polled. Registrations live in
// this server's memory: on a cluster every node runs this from its own link.
import type { GatewayLink } from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';
import type { ServerLogger } from '../logging/server-logger';
import type { CommandSpec } from './catalog';
import { registerCommands } from './register';
import { skillSpecs } from './skill-specs';

export interface SkillCommandsDeps {
  api: Pick<PluginAPI, 'registerCommand' | 'unregisterCommand' | 'logError'>;
  /** The live link (undefined while not configured) and the agent whose skills count. */
  link(): GatewayLink | undefined;
  agentId(): string;
  /** Triggers the plugin registers itself; a skill never takes one of them. */
  reserved: ReadonlySet<string>;
  log: ServerLogger;
  pollMs?: number;
}

const POLL_MS = 15_000;

export class SkillCommands {
  private readonly registered = new Map<string, CommandSpec>();
  private readonly skipLogged = new Set<string>();
  private enabled = true;
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: SkillCommandsDeps) {}

  start(): void {
    this.timer ??= setInterval(() => void this.refresh(), this.deps.pollMs ?? POLL_MS).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The skill command for a trigger, while it is registered. */
  find(trigger: string): CommandSpec | undefined {
    return this.registered.get(trigger);
  }

  list(): CommandSpec[] {
    return [...this.registered.values()];
  }

  /** The *Skill commands* setting: off removes every skill command at once. */
  setEnabled(enabled: boolean): Promise<void> {
    this.enabled = enabled;
    return this.refresh();
  }

  /** Reads the gateway's skills and registers/unregisters the difference; never throws. */
  refresh(): Promise<void> {
    const run = this.queue.then(() => this.sync());
    this.queue = run.catch(() => undefined);
    return this.queue;
  }

  private async sync(): Promise<void> {
    if (!this.enabled) return this.apply([]);
    const link = this.deps.link();
    // While the gateway is away the commands stay: they answer that it is not reachable.
    if (!link || link.state.status !== 'connected') return;
    let commands;
    try {
      commands = await link.commandsList(this.deps.agentId());
    } catch (err) {
      this.deps.log.warn(`could not read the gateway's skills (kept the current skill commands): ${(err as Error).message}`);
      return;
    }
    const { specs, skipped } = skillSpecs(commands, this.deps.reserved);
    for (const s of skipped) {
      if (this.skipLogged.has(s.name)) continue;
      this.skipLogged.add(s.name);
      this.deps.log.warn(`skill ${JSON.stringify(s.name.slice(0, 60))} has no Mattermost command: ${s.reason}`);
    }
    await this.apply(specs);
  }

  private async apply(wanted: CommandSpec[]): Promise<void> {
    const next = new Map(wanted.map((s) => [s.trigger, s]));
    const gone = [...this.registered.keys()].filter((trigger) => !next.has(trigger));
    for (const trigger of gone) {
      // UnregisterCommand removes any plugin's command with this trigger: only ever ours.
      await this.deps.api.unregisterCommand('', trigger).catch((err: Error) => this.deps.log.error(`could not unregister /${trigger}: ${err.message}`));
      this.registered.delete(trigger);
    }
    if (gone.length) this.deps.log.info(`skill commands removed: ${gone.map((t) => `/${t}`).join(' ')}`);
    const changed = wanted.filter((s) => JSON.stringify(this.registered.get(s.trigger)) !== JSON.stringify(s));
    if (changed.length === 0) return;
    const failed = new Set(await registerCommands(this.deps.api, changed));
    for (const s of changed) if (!failed.has(s.trigger)) this.registered.set(s.trigger, s);
    const added = changed.filter((s) => !failed.has(s.trigger)).map((s) => `/${s.trigger}`);
    if (added.length) this.deps.log.info(`skill commands registered: ${added.join(' ')}`);
  }
}
