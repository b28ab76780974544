// Plugin lifecycle over the REST API, plus finding the plugin's OS process.
import type { Client4 } from '@mattermost/client';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { z } from 'zod';
import { pluginLog } from './logs';
import { GiveUp, waitFor } from './net';

export const PLUGIN_ID = 'openclaw';

// Mirrors model.PluginState in the server.
export const PluginState = {
  NotRunning: 0,
  Starting: 1,
  Running: 2,
  FailedToStart: 3,
  FailedToStayRunning: 4,
  Stopping: 5,
} as const;

const statusSchema = z.object({ plugin_id: z.string(), state: z.number(), version: z.string().optional() });
export type PluginStatus = z.infer<typeof statusSchema>;

export async function uploadBundle(admin: Client4, bundle: Buffer | Uint8Array, fileName = 'plugin.tar.gz'): Promise<{ id: string; version?: string }> {
  const file = new File([new Uint8Array(bundle)], fileName, { type: 'application/gzip' });
  const manifest = await admin.uploadPlugin(file, true);
  return { id: manifest.id, version: manifest.version };
}

export async function pluginStatus(admin: Client4, id = PLUGIN_ID): Promise<PluginStatus | undefined> {
  const all = z.array(statusSchema).parse(await admin.getPluginStatuses());
  return all.find((s) => s.plugin_id === id);
}

export async function waitForPluginState(admin: Client4, state: number, id = PLUGIN_ID, timeoutMs = 60_000): Promise<PluginStatus> {
  return waitFor(`plugin ${id} to reach state ${state}`, async () => {
    const s = await pluginStatus(admin, id);
    // Activation happens inside the enable request, so FailedToStart is final;
    // FailedToStayRunning is not (the health check may still restart it).
    if (s?.state === PluginState.FailedToStart && state === PluginState.Running) {
      throw new GiveUp(`plugin ${id} failed to start (state ${s.state})`);
    }
    return s?.state === state ? s : undefined;
  }, timeoutMs, 300);
}

export interface InstallOptions {
  timeoutMs?: number;
  /** Server log (local beds): its plugin error lines are added to a failure, which saves a trip to the log. */
  logFile?: string;
}

/** A log field as text: strings as they are, anything else (wrapped extras are objects) as JSON. */
const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** Uploads (replacing any previous version), enables, and waits until the plugin runs. */
export async function installPlugin(admin: Client4, bundle: Buffer | Uint8Array, opts: InstallOptions = {}): Promise<PluginStatus> {
  const { id } = await uploadBundle(admin, bundle);
  await admin.enablePlugin(id);
  try {
    return await waitForPluginState(admin, PluginState.Running, id, opts.timeoutMs ?? 90_000);
  } catch (err) {
    const errors = opts.logFile
      ? pluginLog(opts.logFile, id)
          .filter((l) => l.level === 'error')
          .slice(-5)
          .map((l) => `  ${l.msg}: ${asText(l.error ?? l.wrapped_extras ?? '')}`)
      : [];
    if (errors.length === 0) throw err;
    throw new Error(`${err instanceof Error ? err.message : String(err)}\nplugin errors in ${opts.logFile}:\n${errors.join('\n')}`, { cause: err });
  }
}

/**
 * PIDs of processes whose executable (or argv[0]) lives under the plugin's
 * folder in the server's plugins directory. Only works for a local server.
 */
export function pluginProcesses(pluginsDir: string, id = PLUGIN_ID): number[] {
  const prefix = `${pluginsDir}/${id}/`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      let exe = '';
      try {
        exe = readlinkSync(`/proc/${entry}/exe`);
      } catch {
        // Not ours to read; fall back to argv[0].
      }
      const argv0 = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')[0] ?? '';
      if (exe.startsWith(prefix) || argv0.startsWith(prefix)) pids.push(Number(entry));
    } catch {
      // Process vanished while we looked.
    }
  }
  return pids;
}

