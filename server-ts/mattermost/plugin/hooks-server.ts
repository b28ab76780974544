// The "Plugin" net/rpc service the server calls hooks on (the dispensed "hooks" stream).
// Arguments are checked against their declared schema before a hook sees them; a hook call
// whose arguments are off fails alone (notification hooks log it, others answer an error).
import { t, check, GobInterface, type GobType, type GobValue, type Infer } from '../gob';
import type { RpcMethod, RpcMethods } from '../netrpc/server';
import { EmptyStructType } from '../netrpc/frames';
import { AppError, AppErrorType, ErrorStringType } from '../model/app-error';
import { CommandResponseType } from '../model/command';
import { implementedHooks, type Hooks } from './hooks';
// Values read from the server may hold any type Mattermost registers; writing them back needs their schemas.
import '../model/interfaces';
import { serveHTTP, type HttpStreams } from './http-serve';
import { describeError } from './stderr-log';
import {
  ClusterEventArgsType, ExecuteCommandArgsType, JoinedChannelArgsType, LeftChannelArgsType, OnActivateArgsType, PostArgsType, PostUpdatedArgsType,
  PushArgsType, PushReturnsType, ReactionArgsType, ServeHTTPArgsType,
} from './hook-args';

const ErrorReturnsType = t.struct('Z_ErrorReturns', () => [['A', t.interface]]);
const ExecuteCommandReturnsType = t.struct('Z_ExecuteCommandReturns', () => [
  ['A', CommandResponseType],
  ['B', AppErrorType],
]);

/** Go plugins return a plain `error` as *plugin.ErrorString inside the interface. */
function errorReturn(err: unknown): { A: GobInterface | null } {
  if (!err) return { A: null };
  if (err instanceof AppError) return { A: new GobInterface('*model.AppError', err.toWire(), AppErrorType) };
  const message = err instanceof Error ? err.message : describeError(err);
  return { A: new GobInterface('*plugin.ErrorString', { Code: 0, Err: message }, ErrorStringType) };
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
  connectApi(args: Infer<typeof OnActivateArgsType>): Promise<void>;
  http: HttpStreams;
  onHookError(hook: string, err: unknown): void;
}

export function hookMethods(deps: HookServerDeps): RpcMethods {
  const { hooks } = deps;
  // Notification hooks: the server ignores their (empty) replies, so failures are only logged.
  const notify = <G extends GobType>(hook: string, argsType: G, run: (args: Infer<G>) => Promise<void> | undefined): RpcMethod => ({
    reply: EmptyStructType,
    handle: async (args: GobValue) => {
      try {
        await run(check(argsType, args ?? {}, `${hook} arguments`));
      } catch (err) {
        deps.onHookError(hook, err);
      }
      return {};
    },
  });

  return {
    'Plugin.Implemented': { reply: t.slice(t.string), handle: () => implementedHooks(hooks) },
    'Plugin.OnActivate': {
      reply: ErrorReturnsType,
      handle: async (args) => {
        try {
          await deps.connectApi(check(OnActivateArgsType, args ?? {}, 'OnActivate arguments'));
        } catch (err) {
          return errorReturn(err);
        }
        // As Go's hooksRPCServer.OnActivate: configuration is loaded first, and its failure is
        // logged without stopping activation.
        const configured = await lifecycle(hooks.onConfigurationChange?.bind(hooks));
        if (configured.A) deps.onHookError('OnConfigurationChange', new Error(`call to OnConfigurationChange failed: ${describe(configured.A)}`));
        return lifecycle(hooks.onActivate?.bind(hooks));
      },
    },
    'Plugin.OnDeactivate': { reply: ErrorReturnsType, handle: () => lifecycle(hooks.onDeactivate?.bind(hooks)) },
    'Plugin.OnConfigurationChange': { reply: ErrorReturnsType, handle: () => lifecycle(hooks.onConfigurationChange?.bind(hooks)) },
    'Plugin.ExecuteCommand': {
      reply: ExecuteCommandReturnsType,
      handle: async (args) => {
        try {
          const { A: ctx = {}, B: command = {} } = check(ExecuteCommandArgsType, args ?? {}, 'ExecuteCommand arguments');
          if (!hooks.executeCommand) throw new Error('ExecuteCommand is not implemented');
          return { A: await hooks.executeCommand(ctx, command) };
        } catch (err) {
          deps.onHookError('ExecuteCommand', err);
          const appErr = err instanceof AppError ? err
            : new AppError({ Id: 'plugin.command.failed', Message: err instanceof Error ? err.message : String(err), StatusCode: 500 });
          return { B: appErr.toWire() };
        }
      },
    },
    'Plugin.MessageHasBeenPosted': notify('MessageHasBeenPosted', PostArgsType, (a) => hooks.messageHasBeenPosted?.(a.A ?? {}, a.B ?? {})),
    'Plugin.MessageHasBeenUpdated': notify('MessageHasBeenUpdated', PostUpdatedArgsType, (a) => hooks.messageHasBeenUpdated?.(a.A ?? {}, a.B ?? {}, a.C ?? {})),
    'Plugin.MessageHasBeenDeleted': notify('MessageHasBeenDeleted', PostArgsType, (a) => hooks.messageHasBeenDeleted?.(a.A ?? {}, a.B ?? {})),
    'Plugin.ReactionHasBeenAdded': notify('ReactionHasBeenAdded', ReactionArgsType, (a) => hooks.reactionHasBeenAdded?.(a.A ?? {}, a.B ?? {})),
    'Plugin.ReactionHasBeenRemoved': notify('ReactionHasBeenRemoved', ReactionArgsType, (a) => hooks.reactionHasBeenRemoved?.(a.A ?? {}, a.B ?? {})),
    'Plugin.OnPluginClusterEvent': notify('OnPluginClusterEvent', ClusterEventArgsType, (a) => hooks.onPluginClusterEvent?.(a.A ?? {}, a.B ?? {})),
    'Plugin.UserHasJoinedChannel': notify('UserHasJoinedChannel', JoinedChannelArgsType, (a) => hooks.userHasJoinedChannel?.(a.A ?? {}, a.B ?? {}, a.C)),
    'Plugin.UserHasLeftChannel': notify('UserHasLeftChannel', LeftChannelArgsType, (a) => hooks.userHasLeftChannel?.(a.A ?? {}, a.B ?? {}, a.C)),
    'Plugin.NotificationWillBePushed': {
      reply: PushReturnsType,
      // A failing hook must not cost the user the notification: it goes out unchanged.
      handle: async (args) => {
        try {
          const { A: notification = {}, B: userId = '' } = check(PushArgsType, args ?? {}, 'NotificationWillBePushed arguments');
          const verdict = await hooks.notificationWillBePushed?.(notification, userId);
          if (!verdict) return {};
          return 'reject' in verdict ? { B: verdict.reject } : { A: verdict.replace };
        } catch (err) {
          deps.onHookError('NotificationWillBePushed', err);
          return {};
        }
      },
    },
    'Plugin.ServeHTTP': {
      reply: EmptyStructType,
      handle: (args) => serveHTTP(hooks, deps.http, check(ServeHTTPArgsType, args ?? {}, 'ServeHTTP arguments'), rawUrlOf(args), (hook, err) => deps.onHookError(hook, err)),
    },
  };
}

function describe(err: GobInterface): string {
  const inner = err.value;
  if (typeof inner === 'object' && inner !== null) {
    if ('Message' in inner && typeof inner.Message === 'string' && inner.Message) return inner.Message;
    if ('Err' in inner) return String(inner.Err);
  }
  return err.name;
}

/** Request.URL differs in type between server versions (see hook-args.ts), so it is read raw. */
function rawUrlOf(args: GobValue): unknown {
  if (typeof args !== 'object' || args === null || !('Request' in args)) return undefined;
  const request: unknown = args.Request;
  return typeof request === 'object' && request !== null && 'URL' in request ? request.URL : undefined;
}
