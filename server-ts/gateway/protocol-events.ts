// Reads the gateway's broadcast `chat` and `agent` events with the protocol package's own
// schemas. The schemas are closed objects, but the protocol grows by adding fields first,
// so unknown fields are dropped from a copy (TypeBox Clean) before the check: a newer
// gateway's additions never make us lose an event, a changed or missing field does.
import { AgentEventSchema, ChatEventSchema, type AgentEvent, type ChatEvent } from '@openclaw/gateway-protocol';
import type { Static, TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import { Value } from 'typebox/value';
import { z } from 'zod';

export type { AgentEvent, ChatEvent };

export function tolerantReader<S extends TSchema>(schema: S): (payload: unknown) => Static<S> | undefined {
  // Compiled on first use: most schemas of the package are never needed.
  let checker: Validator<Record<never, never>, S> | undefined;
  return (payload) => {
    if (payload === null || typeof payload !== 'object') return undefined;
    // Clean works in place; other listeners still see the frame the gateway sent.
    const copy: unknown = Value.Clean(schema, structuredClone(payload));
    checker ??= Compile<S>(schema);
    return checker.Check(copy) ? copy : undefined;
  };
}

export const readChatEvent: (payload: unknown) => ChatEvent | undefined = tolerantReader(ChatEventSchema);
const readAgent: (payload: unknown) => AgentEvent | undefined = tolerantReader(AgentEventSchema);

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
