// The API stream: Mattermost serves every API method as "Plugin.<Name>" with args
// Z_<Name>Args{A, B, C...} and replies Z_<Name>Returns{A, B...} (fields named by position).
// Results are checked against their schema here, so callers get the declared types.
import { t, check, isRecord, GobInterface, type GobType, type Infer } from '../gob';
import type { RpcClient } from '../netrpc/client';
// Values read from the server may hold any type Mattermost registers; writing them back needs their schemas.
import '../model/interfaces';
import { AppError, AppErrorType } from '../model/app-error';

/** One positional argument: its schema and a value of that schema's type. */
export type Param = readonly [GobType, unknown];
export function arg<G extends GobType>(type: G, value: Infer<G>): Param {
  return [type, value];
}

type Returns = { A?: unknown; B?: unknown };
const argTypeCache = new Map<string, GobType>();
const letters = 'ABCDEFGH';

/** Z_<Method>Args, built once per method: this runs on every API call. */
function argsType(method: string, params: readonly Param[]): GobType {
  let type = argTypeCache.get(method);
  if (!type) {
    const fields = params.map(([p], i) => [letters[i], p] as const);
    type = t.struct(`Z_${method}Args`, () => fields);
    argTypeCache.set(method, type);
  }
  return type;
}

/** Converts an `error` interface value, or a *model.AppError struct, into a thrown-ready Error. */
export function wireError(value: unknown): Error | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof GobInterface) {
    if (value.name === '*model.AppError') return new AppError(check(AppErrorType, value.value));
    const inner = value.value;
    const text = typeof inner === 'object' && inner !== null && 'Err' in inner ? String(inner.Err) : 'unknown plugin API error';
    return new Error(text);
  }
  return new AppError(check(AppErrorType, value));
}

export class ApiTransport {
  private rpc: RpcClient | undefined;

  /** The API stream exists only from OnActivate on; hooks are built before that. */
  attach(rpc: RpcClient): void {
    this.rpc?.close();
    this.rpc = rpc;
  }

  /** Calls an API method with positional params; returns the raw Returns struct. */
  async call(method: string, params: readonly Param[]): Promise<Returns> {
    const type = argsType(method, params);
    const value: Record<string, unknown> = {};
    params.forEach(([, v], i) => { value[letters[i]] = v; });
    if (!this.rpc) throw new AppError({ Id: 'plugin.api.not_connected', Message: `Mattermost API called before activation: ${method}` });
    const reply = await this.rpc.call(`Plugin.${method}`, type, value);
    return isRecord(reply) ? reply : {};
  }

  /** For methods returning (T, *AppError) or (T, error): throws the error, returns T. */
  async result<G extends GobType>(method: string, params: readonly Param[], returns: G): Promise<Infer<G>> {
    const reply = await this.call(method, params);
    const err = wireError(reply.B);
    if (err) throw err;
    return check(returns, reply.A, `${method} result`);
  }

  /** Like result, for methods whose T may be nil (a missing KV key, an empty list). */
  async optional<G extends GobType>(method: string, params: readonly Param[], returns: G): Promise<Infer<G> | undefined> {
    const reply = await this.call(method, params);
    const err = wireError(reply.B);
    if (err) throw err;
    return reply.A === undefined || reply.A === null ? undefined : check(returns, reply.A, `${method} result`);
  }

  /** For methods whose only return is an error (A). */
  async check(method: string, params: readonly Param[]): Promise<void> {
    const err = wireError((await this.call(method, params)).A);
    if (err) throw err;
  }

  close(): void {
    this.rpc?.close();
  }
}
