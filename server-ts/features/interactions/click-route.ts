// The plugin route every button of ours points at. Mattermost calls it in-process with the
// clicker's id and the stored context; the answer is always HTTP 200 with one JSON body
// (Mattermost keeps only the last Write), refusals as a private line to the clicker.
import type { Route } from '../http/router';
import type { ServerLogger } from '../logging/server-logger';
import { verifyClick, type Authorize, type VerifiedClick, type VerifierDeps } from './verify-click';
import type { NonceLedger } from './nonces';

export interface ClickHandler {
  kind: string;
  authorize: Authorize;
  /**
   * Acts on a verified click (the handler updates the post itself once the decision is
   * accepted). Resolves an optional private line for the clicker; a throw gives the click
   * back (the nonce is released) and tells the clicker why.
   */
  handle(click: VerifiedClick): Promise<string | undefined>;
}

export interface ClickRouteDeps extends Omit<VerifierDeps, 'authorizers'> {
  nonces: Pick<NonceLedger, 'consume' | 'release'>;
  handlers: ClickHandler[];
  log: ServerLogger;
}

export function clickRoute(deps: ClickRouteDeps): Route {
  const authorizers = new Map(deps.handlers.map((h) => [h.kind, h.authorize] as const));
  const handlers = new Map(deps.handlers.map((h) => [h.kind, h] as const));
  return async (_ctx, req, res) => {
    const userId = req.userId ?? '';
    let body: unknown;
    try {
      body = JSON.parse((await req.body()).toString('utf8'));
    } catch {
      body = undefined;
    }
    const verdict = await verifyClick({ ...deps, authorizers }, userId, body).catch((err: Error) => {
      deps.log.error(`interactions: verifying a click failed: ${err.message}`);
      return undefined;
    });
    if (!verdict) return res.json(200, { ephemeral_text: 'OpenClaw could not check this click; try again in a moment.' });
    if (!verdict.ok) {
      deps.log.warn('interactions: click refused', { reason: verdict.refusal.code, user_id: userId });
      return res.json(200, { ephemeral_text: verdict.refusal.text });
    }
    const { click } = verdict;
    const handler = handlers.get(click.context.kind);
    try {
      const note = await handler?.handle(click);
      return res.json(200, note ? { ephemeral_text: note } : {});
    } catch (err) {
      await deps.nonces.release(click.context.nonce).catch(() => undefined);
      deps.log.warn('interactions: click not carried out', { kind: click.context.kind, error: (err as Error).message });
      return res.json(200, { ephemeral_text: `OpenClaw could not carry out this click: ${(err as Error).message}` });
    }
  };
}
