import type { FakeModel } from './bed.cjs';
export function startFakeModel(opts?: { port?: number; delayMs?: number }): Promise<FakeModel>;
export function script(messages: unknown[]): { text: string } | { toolCall: { name: string; args: unknown } };
