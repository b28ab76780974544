// Reads the parts of `hello-ok` we use: what admins see (version, scopes) and the limits
// the gateway enforces on what we send. The frame is the gateway's; read it defensively
// (zod, not the protocol's closed HelloOk schema) so a newer gateway's extra fields or a
// missing optional block never cost us the connection.
import { z } from 'zod';

const HelloSchema = z.object({
  server: z.object({ version: z.string() }).partial().optional(),
  auth: z.object({ scopes: z.array(z.string()), method: z.string(), role: z.string() }).partial().optional(),
  policy: z.object({
    attachments: z.object({ maxBytes: z.number().int().positive(), maxImageBytes: z.number().int().positive() }).optional(),
  }).optional(),
});

/** `hello-ok.policy.attachments`: a chat.send with more is refused (INVALID_REQUEST). */
export interface AttachmentLimits {
  /** All attachments of one message together, decoded bytes. */
  maxBytes: number;
  /** Each image, decoded bytes. */
  maxImageBytes: number;
}

export interface HelloSummary {
  gatewayVersion: string;
  scopes: string[];
  authMethod: string;
  /** undefined when the gateway announced no attachment policy (then we send none). */
  attachments?: AttachmentLimits;
}

export function summarizeHello(hello: unknown): HelloSummary {
  const h = HelloSchema.safeParse(hello);
  const data = h.success ? h.data : {};
  return {
    gatewayVersion: data.server?.version ?? 'unknown',
    scopes: data.auth?.scopes ?? [],
    authMethod: data.auth?.method ?? 'unknown',
    attachments: data.policy?.attachments,
  };
}
