// The API script: a fixed sequence of API calls whose results the Go twin reports identically
// (test/bench/goplugin/script.go); the suite compares both with what the harness must answer.
import { z } from 'zod';
import { AppError } from '../../../server-ts/mattermost/plugin/api';

/** The fixed world's ids, sent by the suite (harness/world.go), never compiled in. */
export const WorldSchema = z.object({
  alice: z.string(), bob: z.string(), team: z.string(), teamName: z.string(), group: z.string(), groupName: z.string(),
  channel: z.string(), root: z.string(), reply: z.string(), rich: z.string(), file: z.string(), missing: z.string(),
});
export type World = z.infer<typeof WorldSchema>;

type StepError = { id: string; status: number } | { message: string };
export type Step = { step: string; ok: unknown } | { step: string; error: StepError };

function describe(err: unknown): StepError {
  if (err instanceof AppError) return { id: err.id, status: err.statusCode };
  return { message: err instanceof Error ? err.message : String(err) };
}

/** Runs steps in order; each records a JSON summary of its result or the error it raised. */
export class Script {
  readonly steps: Step[] = [];

  /** Returns the raw result for later steps (undefined when the call failed). */
  async run<T>(step: string, call: () => Promise<T>, summary: (v: T) => unknown = (v) => v): Promise<T | undefined> {
    try {
      const value = await call();
      this.steps.push({ step, ok: summary(value) ?? null });
      return value;
    } catch (err) {
      this.steps.push({ step, error: describe(err) });
      return undefined;
    }
  }
}

export const text = (bytes: Uint8Array | undefined): string | null => (bytes ? Buffer.from(bytes).toString('utf8') : null);
