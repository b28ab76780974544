// The "Plugin" net/rpc service the server calls hooks on (the dispensed "hooks" stream).
import { t, GobInterface, type GobValue } from '../gob';
import type { RpcMethods } from '../netrpc/server';
import { EmptyStructType } from '../netrpc/frames';
import { AppError, AppErrorType, ErrorStringType } from '../model/app-error';
import { CommandResponseType } from '../model/command';
import type { PluginContext } from '../model/context';
import { implementedHooks, type Hooks } from './hooks';
import { serveHTTP, type HttpStreams } from './http-serve';

type Args = { A?: unknown; B?: unknown; C?: unknown };

const ErrorReturnsType = t.struct('Z_ErrorReturns', () => [['A', t.interface]]);
const ExecuteCommandReturnsType = t.struct('Z_ExecuteCommandReturns', () => [
  ['A', CommandResponseType],
  ['B', AppErrorType],
]);

/** Go plugins return a plain `error` as *plugin.ErrorString inside the interface. */
function errorReturn(err: unknown): { A: GobInterface | null } {
  if (!err) return { A: null };
  if (err instanceof AppError) return { A: new GobInterface('*model.AppError', err.toWire(), AppErrorType) };
  return { A: new GobInterface('*plugin.ErrorString', { Code: 0, Err: (err as Error).message ?? String(err) }, ErrorStringType) };
}

async function lifecycle(run: (() => Promise<void>) | undefined): Promise<{ A: GobInterface | null }> {
  try {
    await run?.();
    return errorReturn(undefined);
  } catch (err) {
    return errorReturn(err);
  }
}

export interface HookServerDeps {
  hooks: Hooks;
  /** Dials the API and driver streams and wires the API client (OnActivate args). */
  connectApi(args: { APIMuxId?: number; DriverMuxId?: number }): Promise<void>;
  http: HttpStreams;
  onHookError(hook: string, err: unknown): void;
}

export function hookMethods(deps: HookServerDeps): RpcMethods {
  const { hooks } = deps;
  // Notification hooks: the server ignores their (empty) replies, so failures are only logged.
  const notify = (hook: string, run: (a: Args) => Promise<void> | undefined) => ({
    reply: EmptyStructType,
    handle: async (args: GobValue) => {
      try {
        await run((args ?? {}) as Args);
      } catch (err) {
        deps.onHookError(hook, err);
      }
      return {};
    },
  });
  const ctx = (args: GobValue | Args) => ((args as Args).A ?? {}) as PluginContext;

  return {
    'Plugin.Implemented': { reply: t.slice(t.string), handle: () => implementedHooks(hooks) },
    'Plugin.OnActivate': {
      reply: ErrorReturnsType,
      handle: async (args) => {
        try {
          await deps.connectApi(args as { APIMuxId?: number; DriverMuxId?: number });
        } catch (err) {
          return errorReturn(err);
        }
        // Like Go plugins: configuration is loaded before OnActivate runs.
        const configured = await lifecycle(hooks.onConfigurationChange?.bind(hooks));
        if (configured.A) return configured;
        return lifecycle(hooks.onActivate?.bind(hooks));
      },
    },
    'Plugin.OnDeactivate': { reply: ErrorReturnsType, handle: () => lifecycle(hooks.onDeactivate?.bind(hooks)) },
    'Plugin.OnConfigurationChange': { reply: ErrorReturnsType, handle: () => lifecycle(hooks.onConfigurationChange?.bind(hooks)) },
    'Plugin.ExecuteCommand': {
      reply: ExecuteCommandReturnsType,
      handle: async (args) => {
        const a = args as Args;
        try {
          const response = await hooks.executeCommand!(ctx(args), (a.B ?? {}) as never);
          return { A: response };
        } catch (err) {
          deps.onHookError('ExecuteCommand', err);
          const appErr = err instanceof AppError ? err : new AppError({ Id: 'plugin.command.failed', Message: (err as Error).message, StatusCode: 500 });
          return { B: appErr.toWire() };
        }
      },
    },
    'Plugin.MessageHasBeenPosted': notify('MessageHasBeenPosted', (a) => hooks.messageHasBeenPosted?.(ctx(a), (a.B ?? {}) as never)),
    'Plugin.MessageHasBeenUpdated': notify('MessageHasBeenUpdated', (a) => hooks.messageHasBeenUpdated?.(ctx(a), (a.B ?? {}) as never, (a.C ?? {}) as never)),
    'Plugin.OnPluginClusterEvent': notify('OnPluginClusterEvent', (a) => hooks.onPluginClusterEvent?.(ctx(a), (a.B ?? {}) as never)),
    'Plugin.UserHasJoinedChannel': notify('UserHasJoinedChannel', (a) => hooks.userHasJoinedChannel?.(ctx(a), (a.B ?? {}) as never, a.C as never)),
    'Plugin.ServeHTTP': { reply: EmptyStructType, handle: (args) => serveHTTP(hooks, deps.http, args as never, deps.onHookError) },
  } as RpcMethods;
}
