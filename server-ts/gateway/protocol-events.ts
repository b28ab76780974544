// Reads the gateway's broadcast `chat` and `agent` events with the protocol package's own
// schemas. The schemas are closed objects, but the protocol grows by adding fields first,
// so unknown fields are dropped from a copy (TypeBox Clean) before the check: a newer
// gateway's additions never make us lose an event, a changed or missing field does.
import type { AgentEvent, ChatEvent } from '@openclaw/gateway-protocol';
import type { Static, TSchema } from 'typebox';
import type { Validator } from 'typebox/compile';
import { z } from 'zod';
import { protocol } from './protocol';

export type { AgentEvent, ChatEvent };

/** `schema` is read on first use (see protocol.ts); compiled once then. */
export function tolerantReader<S extends TSchema>(schemaOf: () => S): (payload: unknown) => Static<S> | undefined {
  let compiled: { schema: S; checker: Validator<Record<never, never>, S> } | undefined;
  return (payload) => {
    if (payload === null || typeof payload !== 'object') return undefined;
    const { compile, value } = protocol();
    if (!compiled) {
      const schema = schemaOf();
      compiled = { schema, checker: compile.Compile<S>(schema) };
    }
    // Clean works in place; other listeners still see the frame the gateway sent.
    const copy: unknown = value.Value.Clean(compiled.schema, structuredClone(payload));
    return compiled.checker.Check(copy) ? copy : undefined;
  };
}

export const readChatEvent: (payload: unknown) => ChatEvent | undefined = tolerantReader(() => protocol().root.ChatEventSchema);
const readAgent: (payload: unknown) => AgentEvent | undefined = tolerantReader(() => protocol().root.AgentEventSchema);

// Stricter than the protocol: its AgentEvent has no sessionKey, which the gateway sends on
// every agent event (2026.9.6) and which we need to route other clients' runs.
const AgentRouting = z.object({ sessionKey: z.string().min(1).optional() });

export interface AgentEventWithSession extends AgentEvent {
  sessionKey?: string;
}

export function readAgentEvent(payload: unknown): AgentEventWithSession | undefined {
  const event = readAgent(payload);
  if (!event) return undefined;
  const routing = AgentRouting.safeParse(payload);
  return routing.success && routing.data.sessionKey ? { ...event, sessionKey: routing.data.sessionKey } : event;
}
