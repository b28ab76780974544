// What conversations need from the gateway link, as a narrow port: the feature is written
// and unit-tested against this, and gateway-port.ts adapts the real GatewayLink to it.
import type { RunEvent } from '../../gateway';

export type AgentRunEvent = RunEvent;

/** A file for `chat.send` (gateway-probe-2 §3): base64 content, images as `image`. */
export interface ChatAttachment {
  type: 'image' | 'file';
  mimeType: string;
  fileName: string;
  content: string;
}

/** `hello-ok.policy.attachments`: the gateway refuses a request with anything bigger. */
export interface AttachmentLimits {
  maxBytes: number;
  maxImageBytes: number;
}

/** How a run ended: the slice of the gateway's RunOutcome this feature reads. */
export type AgentOutcome =
  | { status: 'final'; text: string }
  | { status: 'aborted'; text: string }
  | { status: 'error'; kind: 'model' | 'gateway' | 'timeout'; message: string };

/** A file the agent produced (MEDIA: in its reply), fetched through artifacts.download. */
export interface AgentMedia {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface AgentMediaResult {
  files: AgentMedia[];
  /** One short line per file that could not be fetched. */
  failed: string[];
}

export const NO_MEDIA: AgentMediaResult = { files: [], failed: [] };

export interface AgentRun {
  runId: string;
  done: Promise<AgentOutcome>;
  /** The files of the final message (waits for the run to end; never rejects for one bad file). */
  media(): Promise<AgentMediaResult>;
  /** Every event of the run from the first, then live ones (a streaming preview follows them); returns the unsubscribe. */
  listen?(listener: (event: AgentRunEvent) => void): () => void;
  /** Stops the run (chat.abort); it then ends `aborted` with its partial text. */
  abort?(): Promise<void>;
}

/** Text the agent produced in a session outside a Mattermost person's turn. */
export interface AgentMessage {
  sessionKey: string;
  /** Unique per transcript entry: the same message seen twice (two sockets, two nodes) has one id. */
  messageId: string;
  runId?: string;
  text: string;
  /** Files of that transcript entry. */
  media?: () => Promise<AgentMediaResult>;
}

export interface AgentPort {
  isConnected(): boolean;
  /** undefined when the link cannot carry files. */
  attachmentLimits(): AttachmentLimits | undefined;
  /** Rejects with GatewayLinkError (`not-connected`, `disconnected`, `rejected`, …). */
  sendChat(req: { sessionKey: string; message: string; idempotencyKey: string; attachments?: ChatAttachment[] }): Promise<AgentRun>;
  /** A system event for the session (no model turn by itself), e.g. a reaction. */
  sendSystemEvent(sessionKey: string, text: string): Promise<void>;
  /** Agent-initiated messages; the port resubscribes after every reconnect. */
  onAgentMessage(listener: (m: AgentMessage) => void): () => void;
  /** Called whenever the link (re)connects. */
  onConnected(listener: () => void): () => void;
}
