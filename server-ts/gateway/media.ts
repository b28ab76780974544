// Files the agent attached to a message (a `MEDIA:` line in its reply). No live event
// carries them: they appear in the transcript shortly after the run's final (~0.15 s,
// gateway-probe-2 §Q3) as image/attachment parts with an artifact id, and the bytes come
// from `artifacts.download` (inline base64, or a ticket URL on the gateway's HTTP port).
import { z } from 'zod';
import { fetchGatewayFile, type GatewayHttpOptions } from './media-http';
import { readMediaParts, readMessageText, type MediaPart } from './message-content';
import { protocol } from './protocol';
import { tolerantReader } from './protocol-events';

export interface MediaFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export interface MediaResult {
  files: MediaFile[];
  /** Files the gateway could not attach or we could not fetch, with a short reason. */
  failed: Array<{ fileName?: string; reason: string }>;
}

export interface MediaOptions {
  /**
   * Files to wait for (a run's `mediaCount`). Unset for a run: read once. Unset for a message
   * (an AgentMessage, whose files no live event announces): an entry without text is waited
   * for until it shows a file or `waitMs` passes, since files are all such an entry can carry.
   */
  expected?: number;
  /** How long to wait for the transcript to show them, ms (default 5000). */
  waitMs?: number;
  /** Largest file to fetch, bytes (default 50 MiB). */
  maxBytes?: number;
}

export interface MediaDeps {
  request(method: string, params: Record<string, unknown>): Promise<unknown>;
  http: Pick<GatewayHttpOptions, 'gatewayUrl' | 'tlsFingerprint'>;
}

const readDownload = tolerantReader(() => protocol().schema.ArtifactsDownloadResultSchema);
const readMessageGet = tolerantReader(() => protocol().schema.ChatMessageGetResultSchema);
// Stricter than the protocol (history messages are unknown there): the run that wrote each entry.
const History = z.object({ messages: z.array(z.object({ role: z.string().optional(), __openclaw: z.object({ runId: z.string().optional() }).passthrough().optional() }).passthrough()) });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function partsOfRun(deps: MediaDeps, sessionKey: string, runId: string): Promise<MediaPart[]> {
  const h = History.safeParse(await deps.request('chat.history', { sessionKey, limit: 20 }));
  if (!h.success) return [];
  return h.data.messages.filter((m) => m.role === 'assistant' && m.__openclaw?.runId === runId).flatMap((m) => readMediaParts(m));
}

interface Read {
  parts: MediaPart[];
  /** The entry has no text, so files are its only content. */
  textless: boolean;
}

async function partsOfMessage(deps: MediaDeps, sessionKey: string, messageId: string): Promise<Read> {
  const got = readMessageGet(await deps.request('chat.message.get', { sessionKey, messageId }));
  if (!got?.ok) return { parts: [], textless: false };
  return { parts: readMediaParts(got.message), textless: readMessageText(got.message).text.trim() === '' };
}

/** Media of a run (by run id) or of one transcript entry (by message id). */
export async function fetchMedia(deps: MediaDeps, sessionKey: string, target: { runId: string } | { messageId: string },
  opts: MediaOptions = {}): Promise<MediaResult> {
  const read = async (): Promise<Read> => ('runId' in target
    ? { parts: await partsOfRun(deps, sessionKey, target.runId), textless: false }
    : partsOfMessage(deps, sessionKey, target.messageId));
  const deadline = Date.now() + (opts.waitMs ?? 5_000);
  const first = await read();
  let parts = first.parts;
  const expected = opts.expected ?? 0;
  const waitFor = opts.expected ?? (first.textless ? 1 : 0);
  // At least one more look, however late the first read returned on a busy machine.
  for (let tries = 0; parts.length < waitFor && (tries === 0 || Date.now() < deadline); tries += 1) {
    await sleep(150);
    parts = (await read()).parts;
  }
  const result: MediaResult = { files: [], failed: [] };
  for (const part of parts) {
    if (part.kind === 'error') result.failed.push({ fileName: part.fileName, reason: `the gateway could not attach it (${part.code})` });
    else await download(deps, sessionKey, part, opts.maxBytes ?? 50 * 1024 * 1024, result);
  }
  const missing = expected - parts.length;
  if (missing > 0) result.failed.push({ reason: `${missing} file(s) did not appear in the transcript in time` });
  return result;
}

async function download(deps: MediaDeps, sessionKey: string, part: Extract<MediaPart, { artifactId: string }>, maxBytes: number,
  into: MediaResult): Promise<void> {
  try {
    const res = readDownload(await deps.request('artifacts.download', { sessionKey, artifactId: part.artifactId }));
    if (!res) throw new Error('unexpected artifacts.download answer');
    let bytes: Buffer;
    let contentType: string | undefined;
    let headerName: string | undefined;
    if (res.encoding === 'base64' && res.data !== undefined) {
      bytes = Buffer.from(res.data, 'base64');
      if (bytes.length > maxBytes) throw new Error(`the file is larger than ${maxBytes} bytes`);
    } else if (res.url) {
      ({ bytes, contentType, fileName: headerName } = await fetchGatewayFile(res.url, { ...deps.http, maxBytes, timeoutMs: 60_000 }));
    } else {
      throw new Error(`the gateway offers no download for it (${res.artifact.download.mode})`);
    }
    into.files.push({
      fileName: part.fileName || res.artifact.title || headerName || part.artifactId,
      mimeType: part.mimeType ?? res.artifact.mimeType ?? contentType ?? 'application/octet-stream',
      bytes,
    });
  } catch (err) {
    into.failed.push({ fileName: part.fileName, reason: err instanceof Error ? err.message : String(err) });
  }
}
