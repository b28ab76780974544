// The System Console's view of DM pairing: pending codes and approved people, with approve
// and revoke. The same store and side effects as /oc_pairing (a DM to the approved person,
// other cluster nodes told), so the two never disagree.
import { z } from 'zod';
import type { PairingCommandDeps } from '../commands/pairing-command';
import { readJsonBody } from '../http/json-body';
import type { Route } from '../http/router';

export type PairingRouteDeps = Pick<PairingCommandDeps, 'pairing' | 'username' | 'tellApproved' | 'changed'>;

const ApproveSchema = z.union([z.object({ code: z.string().min(1).max(64) }).strict(), z.object({ userId: z.string().regex(/^[a-z0-9]{26}$/) }).strict()]);
const RevokeSchema = z.object({ userId: z.string().regex(/^[a-z0-9]{26}$/) }).strict();

/** A name for display; a deleted user still shows as their id. */
async function nameOf(deps: PairingRouteDeps, userId: string): Promise<string> {
  return deps.username(userId).catch(() => userId);
}

export function pairingListRoute(deps: PairingRouteDeps): Route {
  return async (_ctx, _req, res) => {
    const { pending, approved } = await deps.pairing.list();
    res.json(200, {
      pending: await Promise.all(pending.map(async (p) => ({ code: p.code, userId: p.userId, username: await nameOf(deps, p.userId), createdAt: p.createdAt }))),
      approved: await Promise.all(approved.map(async (a) => ({
        userId: a.userId, username: await nameOf(deps, a.userId), approvedBy: await nameOf(deps, a.approvedBy), approvedAt: a.approvedAt,
      }))),
    });
  };
}

export function pairingApproveRoute(deps: PairingRouteDeps): Route {
  return async (_ctx, req, res) => {
    const body = await readJsonBody(req, ApproveSchema);
    if (!body.ok) return res.json(400, { error: body.error });
    const adminId = req.userId ?? '';
    let userId: string;
    if ('code' in body.value) {
      const pending = await deps.pairing.approve(body.value.code, adminId);
      if (!pending) return res.json(404, { error: `no pending pairing has the code ${body.value.code} (codes expire after one hour)` });
      userId = pending.userId;
    } else {
      userId = body.value.userId;
      await deps.pairing.approveUser(userId, adminId);
    }
    deps.changed();
    await deps.tellApproved(userId).catch(() => undefined); // approval stands even if the DM fails
    res.json(200, { approved: true, userId, username: await nameOf(deps, userId) });
  };
}

export function pairingRevokeRoute(deps: PairingRouteDeps): Route {
  return async (_ctx, req, res) => {
    const body = await readJsonBody(req, RevokeSchema);
    if (!body.ok) return res.json(400, { error: body.error });
    const was = await deps.pairing.revoke(body.value.userId);
    deps.changed();
    res.json(200, { revoked: was, userId: body.value.userId });
  };
}
