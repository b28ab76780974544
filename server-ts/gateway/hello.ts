// Reads the parts of `hello-ok` we show to admins. The frame is the gateway's; read it
// defensively instead of trusting the declared type.
import { z } from 'zod';

const HelloSchema = z.object({
  server: z.object({ version: z.string() }).partial().optional(),
  auth: z.object({ scopes: z.array(z.string()), method: z.string(), role: z.string() }).partial().optional(),
});

export interface HelloSummary {
  gatewayVersion: string;
  scopes: string[];
  authMethod: string;
}

export function summarizeHello(hello: unknown): HelloSummary {
  const h = HelloSchema.safeParse(hello);
  const data = h.success ? h.data : {};
  return {
    gatewayVersion: data.server?.version ?? 'unknown',
    scopes: data.auth?.scopes ?? [],
    authMethod: data.auth?.method ?? 'unknown',
  };
}
