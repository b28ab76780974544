// Helpers for the end-to-end tests through both real peers (Mattermost + OpenClaw gateway):
// plugin settings over the admin API, the admin status route, and running an /oc_* command
// the way a user does, then reading the private answer off the user's WebSocket.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client4 } from '@mattermost/client';
import type { Channel } from '@mattermost/types/channels';
import { executeCommand, postOf, rawRequest, waitFor, type EventRecorder, type WsEvent } from '../../harness';
export { setPluginSettings, type OpenclawSettings } from '../../harness';

export const STATUS_PATH = '/plugins/openclaw/api/v1/status';
export const RESET_PATH = '/plugins/openclaw/api/v1/gateway/reset-device';

export interface LinkStatus {
  status: 'disabled' | 'connecting' | 'pairing-required' | 'connected' | 'error';
  requestId?: string;
  deviceId?: string;
  approveCommand?: string;
  pairingReason?: string;
  gatewayVersion?: string;
  scopes?: string[];
  authMethod?: string;
  reason?: string;
  retrying?: boolean;
  url?: string;
  summary: string;
}

/** GET the status route with a token; returns the HTTP status and the body text. */
export async function statusResponse(url: string, token: string): Promise<{ code: number; body: string }> {
  const res = await rawRequest(url, STATUS_PATH, token);
  return { code: res.status, body: await res.text() };
}

export async function getStatus(url: string, token: string): Promise<LinkStatus> {
  const { code, body } = await statusResponse(url, token);
  if (code !== 200) throw new Error(`status route answered ${code}: ${body}`);
  return JSON.parse(body) as LinkStatus;
}

/** Every status body the tests saw, for the secret scan at the end. */
export const seenStatusBodies: string[] = [];

/** Polls the status route until `accept` holds; fails with the last status seen. */
export async function waitForStatus(url: string, token: string, accept: (s: LinkStatus) => boolean, timeoutMs: number,
  what = 'the link status'): Promise<LinkStatus> {
  let last: LinkStatus | undefined;
  try {
    return await waitFor(what, async () => {
      const { code, body } = await statusResponse(url, token);
      seenStatusBodies.push(body);
      if (code !== 200) throw new Error(`status route answered ${code}: ${body}`);
      last = JSON.parse(body) as LinkStatus;
      return accept(last) ? last : undefined;
    }, timeoutMs, 200);
  } catch (err) {
    throw new Error(`${(err as Error).message}; last status: ${JSON.stringify(last)}`, { cause: err });
  }
}

export const waitForLink = (url: string, token: string, status: LinkStatus['status'], timeoutMs: number) =>
  waitForStatus(url, token, (s) => s.status === status, timeoutMs, `status ${status}`);

export const ACK = /^:hourglass_flowing_sand: Asking OpenClaw/;

interface EphemeralPost { id: string; message: string; channel_id: string; user_id?: string; root_id?: string }

/** An ephemeral post carried by an `ephemeral_message`, `post_edited` (UpdateEphemeralPost) or `posted` event. */
export function ephemeralOf(e: WsEvent): EphemeralPost | undefined {
  if (!['ephemeral_message', 'post_edited', 'posted'].includes(e.event)) return undefined;
  return postOf(e);
}

/** Waits (polling every few ms, for timing) for an event recorded at or after index `from`. */
export async function waitForNew(ws: EventRecorder, from: number, match: (e: WsEvent) => boolean, timeoutMs: number,
  what: string): Promise<{ event: WsEvent; index: number; at: number }> {
  const deadline = Date.now() + timeoutMs;
  let i = from;
  for (;;) {
    for (; i < ws.events.length; i += 1) {
      const e = ws.events[i];
      if (match(e)) return { event: e, index: i, at: performance.now() };
    }
    if (Date.now() > deadline) {
      const recent = ws.events.slice(from).map((e) => `${e.event} ${ephemeralOf(e)?.message?.slice(0, 120) ?? ''}`);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; events since: ${JSON.stringify(recent)}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

export interface CommandResult {
  /** The first private post (the acknowledgement, or the answer itself when no ack was needed). */
  first: EphemeralPost;
  /** The final private text the invoker sees. */
  answer: EphemeralPost;
  /** Which WebSocket event carried the final text. */
  answerEvent: string;
  /** ms from the request until the first post / the answer arrived on the WebSocket. */
  firstMs: number;
  answerMs: number;
  /** Every event about that post the invoker received. */
  events: WsEvent[];
}

/**
 * Runs `/oc_… args` as the user (POST /api/v4/commands/execute) and follows the invoker's
 * private reply: the first ephemeral post in that channel, then, when it is the "Asking
 * OpenClaw" acknowledgement, the update of that same post (whatever event carries it).
 */
export async function runCommand(user: Client4, ws: EventRecorder, channel: Pick<Channel, 'id' | 'team_id'>, command: string,
  timeoutMs = 60_000): Promise<CommandResult> {
  const from = ws.events.length;
  const t0 = performance.now();
  // A gateway command answers with an empty response; an inline response (local /oc_help)
  // reaches the invoker as an ephemeral post too, so both are read off the WebSocket.
  await executeCommand(user, channel, command);
  const first = await waitForNew(ws, from, (e) => e.event === 'ephemeral_message' && ephemeralOf(e)?.channel_id === channel.id,
    timeoutMs, `the private reply to ${command}`);
  const firstPost = ephemeralOf(first.event)!;
  let answer = first;
  if (ACK.test(firstPost.message)) {
    answer = await waitForNew(ws, first.index + 1, (e) => {
      const p = ephemeralOf(e);
      return p?.id === firstPost.id && !ACK.test(p.message);
    }, timeoutMs, `the answer to ${command} (update of post ${firstPost.id})`);
  }
  const events = ws.events.slice(from).filter((e) => ephemeralOf(e)?.id === firstPost.id);
  return {
    first: firstPost,
    answer: ephemeralOf(answer.event)!,
    answerEvent: answer.event.event,
    firstMs: first.at - t0,
    answerMs: answer.at - t0,
    events,
  };
}

/** Collects every string of `secrets` found in `haystack` (by its first 8 chars, for the message). */
export function leakedSecrets(haystack: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets).filter(([, v]) => v && haystack.includes(v)).map(([k, v]) => `${k} (${v.slice(0, 4)}…)`);
}

/**
 * A plugin KV value read straight from the bed's PostgreSQL (there is no REST API for plugin
 * KV): the database named in the server's config.json, read with the bed's psql.
 */
export function pluginKv(serverDir: string, key: string, pluginId = 'openclaw'): string | undefined {
  return bedSql(serverDir, `select convert_from(pvalue, 'UTF8') from pluginkeyvaluestore where pluginid = '${pluginId}' and pkey = '${key}'`);
}

/** One value selected from the bed's database (trusted test SQL only), or undefined for no row. */
export function bedSql(serverDir: string, sql: string): string | undefined {
  const config = JSON.parse(readFileSync(join(serverDir, 'config.json'), 'utf8')) as { SqlSettings: { DataSource: string } };
  const ds = new URL(config.SqlSettings.DataSource);
  const bin = process.env.PG_BIN ?? join('/usr/lib/postgresql', execFileSync('ls', ['/usr/lib/postgresql']).toString().trim().split('\n').sort((a, b) => Number(b) - Number(a))[0], 'bin');
  const out = execFileSync(join(bin, 'psql'), ['-h', ds.hostname, '-p', ds.port, '-U', decodeURIComponent(ds.username),
    '-d', ds.pathname.slice(1), '-At', '-c', sql], { encoding: 'utf8' });
  return out.trim();
}
