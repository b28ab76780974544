// Reads a JSON request body against a zod schema: one sentence for the caller when it does not fit.
import type { z } from 'zod';
import type { PluginRequest } from '../../mattermost/plugin';

export type BodyResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** The body parsed as JSON, or undefined when it is not JSON (the caller's schema says what is wrong). */
export async function readJsonValue(req: PluginRequest): Promise<unknown> {
  try {
    return JSON.parse((await req.body()).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export async function readJsonBody<S extends z.ZodType>(req: PluginRequest, schema: S): Promise<BodyResult<z.infer<S>>> {
  const text = (await req.body()).toString('utf8');
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    return { ok: false, error: 'the request body is not JSON' };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid request body: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'does not match'}` };
  }
  return { ok: true, value: parsed.data };
}
