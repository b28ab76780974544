// Types for the fake model's helpers used by TypeScript tests.
import type { FakeModel } from './bed.cjs';
export function startFakeModel(opts?: { port?: number; delayMs?: number }): Promise<FakeModel>;
/** The scripted reply to "long reply <n>": deterministic Markdown with fenced code blocks. */
export function longReply(size: number): string;
/** The scripted reply to "slow reply <n> <ms>" and "fail after <n>": n words, a paragraph break every 10. */
export function slowReply(words: number): string;
/** The pieces the fake model streams `text` in (`big`: about 40 pieces, as for `long reply`). */
export function chunksFor(text: string, big?: boolean, count?: number): string[];
export const REASONING: string;
export const REASONED_ANSWER: string;
