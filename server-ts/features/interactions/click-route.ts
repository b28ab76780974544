// The plugin route every button of ours points at. Mattermost calls it in-process with the
// clicker's id and the stored context; the answer is always HTTP 200 with one JSON body
// (Mattermost keeps only the last Write), refusals as a private line to the clicker.
import type { Route } from '../http/router';
import type { ServerLogger } from '../logging/server-logger';
import { verifyClick, type Authorize, type VerifiedClick, type VerifierDeps } from './verify-click';
import type { NonceLedger } from './nonces';
import type { ScriptClick } from './verify-script-click';
import type { ClickDelivery, DurableClicks } from './durable-clicks';
import type { PluginAPI } from '../../mattermost/plugin';
import { readJsonValue } from '../http/json-body';

export interface ClickHandler {
  kind: string;
  authorize: Authorize;
  /**
   * Acts on a verified click (the handler updates the post itself once the decision is
   * accepted). Resolves an optional private line for the clicker; a throw gives the click
   * back (the nonce is released) and tells the clicker why. With `delivery`, this is only the
   * Mattermost part: resolving undefined hands the click to the durable queue.
   */
  handle(click: VerifiedClick): Promise<string | undefined>;
  /** The part that needs the gateway, for kinds whose clicks must survive its absence. */
  delivery?: ClickDelivery;
}

export interface ScriptClickHandler {
  /** Same contract as ClickHandler.handle, for buttons external scripts posted. */
  handle(click: ScriptClick): Promise<string | undefined>;
}

export interface ClickRouteDeps extends Omit<VerifierDeps, 'authorizers' | 'acceptScripts'> {
  nonces: Pick<NonceLedger, 'consume' | 'release'>;
  handlers: ClickHandler[];
  scripts?: ScriptClickHandler;
  durable?: Pick<DurableClicks, 'submit'>;
  api: VerifierDeps['api'] & Pick<PluginAPI, 'getUser'>;
  log: ServerLogger;
  now?: () => number;
}

export const QUEUED_NOTE = 'The OpenClaw gateway is not reachable right now: your click is queued and will be delivered once it is back.';
const DROPPED_NOTE = 'The OpenClaw gateway no longer accepts this decision (it was decided elsewhere or expired); the post says so.';

async function handleOurs(deps: ClickRouteDeps, handler: ClickHandler | undefined, click: VerifiedClick): Promise<string | undefined> {
  const note = await handler?.handle(click);
  if (note !== undefined || !handler?.delivery || !deps.durable) return note;
  const user = await deps.api.getUser(click.userId);
  const outcome = await deps.durable.submit({
    id: click.context.nonce, kind: handler.kind, context: click.context, clicker: { userId: click.userId, username: user.Username ?? click.userId },
    postId: click.post.Id ?? '', channelId: click.post.ChannelId ?? '', queuedAt: (deps.now ?? Date.now)(), failures: 0,
  });
  return outcome === 'queued' ? QUEUED_NOTE : outcome === 'dropped' ? DROPPED_NOTE : undefined;
}

export function clickRoute(deps: ClickRouteDeps): Route {
  const authorizers = new Map(deps.handlers.map((h) => [h.kind, h.authorize] as const));
  const handlers = new Map(deps.handlers.map((h) => [h.kind, h] as const));
  return async (_ctx, req, res) => {
    const userId = req.userId ?? '';
    const body = await readJsonValue(req);
    const verdict = await verifyClick({ ...deps, authorizers, acceptScripts: !!deps.scripts }, userId, body).catch((err: Error) => {
      deps.log.error(`interactions: verifying a click failed: ${err.message}`);
      return undefined;
    });
    if (!verdict) return res.json(200, { ephemeral_text: 'OpenClaw could not check this click; try again in a moment.' });
    if (!verdict.ok) {
      deps.log.warn('interactions: click refused', { reason: verdict.refusal.code, user_id: userId });
      return res.json(200, { ephemeral_text: verdict.refusal.text });
    }
    const kind = verdict.click ? verdict.click.context.kind : 'script';
    try {
      const note = verdict.click ? await handleOurs(deps, handlers.get(kind), verdict.click) : await deps.scripts?.handle(verdict.script);
      return res.json(200, note ? { ephemeral_text: note } : {});
    } catch (err) {
      const nonce = verdict.click ? verdict.click.context.nonce : `script${verdict.script.post.Id ?? ''}`;
      await deps.nonces.release(nonce).catch(() => undefined);
      deps.log.warn('interactions: click not carried out', { kind, error: (err as Error).message });
      return res.json(200, { ephemeral_text: `OpenClaw could not carry out this click: ${(err as Error).message}` });
    }
  };
}
