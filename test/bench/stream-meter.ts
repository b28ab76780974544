// What one viewer's WebSocket receives about given posts, byte for byte as sent (a raw socket,
// not the harness recorder), and the render lag from each gateway delta to its text on screen.
import type { ReplyRender } from '../e2e/browser/reply-watch';

export interface Frame {
  at: number;
  bytes: number;
  event: string;
  data: Record<string, unknown>;
}

export interface Meter {
  frames: Frame[];
  close(): void;
}

export async function rawSocket(serverUrl: string, token: string): Promise<Meter> {
  const frames: Frame[] = [];
  const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/api/v4/websocket`);
  ws.addEventListener('message', (msg: MessageEvent) => {
    const raw = String(msg.data);
    try {
      const parsed = JSON.parse(raw) as { event?: unknown; data?: unknown };
      if (typeof parsed.event !== 'string') return;
      const data = typeof parsed.data === 'object' && parsed.data !== null ? (parsed.data as Record<string, unknown>) : {};
      frames.push({ at: Date.now(), bytes: Buffer.byteLength(raw), event: parsed.event, data });
    } catch {
      // not JSON: not an event
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error('WebSocket connection failed')), { once: true });
  });
  ws.send(JSON.stringify({ seq: 1, action: 'authentication_challenge', data: { token } }));
  return { frames, close: () => ws.close() };
}

/** The post a posted/post_edited frame carries (its data.post is JSON text). */
export function framePost(f: Frame): { id: string; user_id: string; channel_id: string; message: string; type: string; props?: Record<string, unknown> } | undefined {
  if ((f.event !== 'posted' && f.event !== 'post_edited') || typeof f.data.post !== 'string') return undefined;
  try {
    return JSON.parse(f.data.post) as ReturnType<typeof framePost>;
  } catch {
    return undefined;
  }
}

/** Frames about any of `postIds`: our plugin events by post_id, and the posts' own events. */
export function framesAbout(frames: Frame[], postIds: Set<string>): Frame[] {
  return frames.filter((f) => {
    if (f.event.startsWith('custom_openclaw_')) return typeof f.data.post_id === 'string' && postIds.has(f.data.post_id);
    const p = framePost(f);
    return !!p && postIds.has(p.id);
  });
}

export interface GatewayDelta {
  at: number;
  /** The reply's text so far. */
  text: string;
}

// The fake model's long replies are numbered paragraphs and code lines: the last one a delta
// completes names a place in the text that is on screen once that delta is.
const MARK = /(Paragraph \d+:|code \d+\.\d+ \/\/)/g;

function lastMark(text: string): string | undefined {
  // Only the end of the text: matching all of a 128k-character text for each delta is quadratic.
  return text.slice(-4_000).match(MARK)?.at(-1) ?? text.match(MARK)?.at(-1);
}

export interface Lags {
  /** Gateway delta → its text on screen. */
  lags: number[];
  /** The two parts of each: gateway delta → the viewer's socket (plugin and Mattermost), and socket → screen (the page). */
  toSocket: number[];
  toScreen: number[];
  never: number;
}

/** `arrivals`: the reply's live text as the viewer's socket had it after each delta frame (empty for methods without one). */
export function lagsMs(deltas: GatewayDelta[], renders: ReplyRender[], arrivals: GatewayDelta[] = []): Lags {
  const out: Lags = { lags: [], toSocket: [], toScreen: [], never: 0 };
  let previous = '';
  // A later delta's mark shows no earlier than an earlier one's: the searches go on from there
  // (hundreds of deltas against hundreds of renders of a long reply).
  let from = 0;
  let arrivedFrom = 0;
  for (const d of deltas) {
    const mark = lastMark(d.text);
    if (!mark || mark === previous) continue;
    previous = mark;
    const at = renders.findIndex((r, i) => i >= from && r.text.includes(mark));
    if (at < 0) {
      out.never++;
      continue;
    }
    from = at;
    out.lags.push(renders[at].at - d.at);
    const arrived = arrivals.findIndex((a, i) => i >= arrivedFrom && a.text.includes(mark));
    if (arrived < 0 || arrivals[arrived].at > renders[at].at) continue;
    arrivedFrom = arrived;
    out.toSocket.push(arrivals[arrived].at - d.at);
    out.toScreen.push(renders[at].at - arrivals[arrived].at);
  }
  return out;
}

export function percentiles(xs: number[]): { p50: number | null; p95: number | null } {
  if (!xs.length) return { p50: null, p95: null };
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { p50: at(50), p95: at(95) };
}
