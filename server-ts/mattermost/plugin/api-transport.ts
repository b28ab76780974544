// The API stream: Mattermost serves every API method as "Plugin.<Name>" with args
// Z_<Name>Args{A, B, C...} and replies Z_<Name>Returns{A, B...} (fields named by position).
import { t, GobInterface, type GobType } from '../gob';
import { RpcClient } from '../netrpc/client';
import { AppError, type AppErrorFields } from '../model/app-error';

type Returns = { A?: unknown; B?: unknown };
const argTypeCache = new Map<string, GobType>();
const letters = 'ABCDEFGH';

/** Z_<Method>Args, built once per method: this runs on every API call. */
function argsType(method: string, params: Array<[GobType, unknown]>): GobType {
  let type = argTypeCache.get(method);
  if (!type) {
    const fields = params.map(([p], i) => [letters[i], p] as [string, GobType]);
    type = t.struct(`Z_${method}Args`, () => fields);
    argTypeCache.set(method, type);
  }
  return type;
}

/** Converts an `error` interface value from the wire into a thrown-ready Error. */
export function wireError(value: unknown): Error | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof GobInterface) {
    const inner = value.value as Record<string, unknown> | null;
    if (value.name === '*model.AppError') return new AppError((inner ?? {}) as AppErrorFields);
    return new Error(String(inner?.Err ?? inner?.Message ?? 'unknown plugin API error'));
  }
  if (typeof value === 'object') return new AppError(value as AppErrorFields);
  return new Error(String(value));
}

export class ApiTransport {
  private rpc: RpcClient | undefined;

  /** The API stream exists only from OnActivate on; hooks are built before that. */
  attach(rpc: RpcClient): void {
    this.rpc?.close();
    this.rpc = rpc;
  }

  /** Calls an API method with positional params; returns the raw Returns struct. */
  async call(method: string, params: Array<[GobType, unknown]>): Promise<Returns> {
    const type = argsType(method, params);
    const value: Record<string, unknown> = {};
    params.forEach(([, v], i) => { value[letters[i]] = v; });
    if (!this.rpc) throw new AppError({ Id: 'plugin.api.not_connected', Message: `Mattermost API called before activation: ${method}` });
    return ((await this.rpc.call(`Plugin.${method}`, type, value)) ?? {}) as Returns;
  }

  /** For methods returning (T, *AppError) or (T, error): throws the error, returns T. */
  async result<T>(method: string, params: Array<[GobType, unknown]>): Promise<T> {
    const reply = await this.call(method, params);
    const err = wireError(reply.B);
    if (err) throw err;
    return reply.A as T;
  }

  /** For methods whose only return is an error (A). */
  async check(method: string, params: Array<[GobType, unknown]>): Promise<void> {
    const err = wireError((await this.call(method, params)).A);
    if (err) throw err;
  }

  close(): void {
    this.rpc?.close();
  }
}
