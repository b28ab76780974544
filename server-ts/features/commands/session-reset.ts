// /oc_new is `/new` on the gateway, which needs operator.admin. That scope is opt-in (the
// *Allow session resets* setting), so without it the invoker learns which setting to enable
// instead of a refusal from the gateway.
import { ADMIN_SCOPE } from '../../gateway';

export const SESSION_RESETS_OFF_TEXT = ':lock: `/oc_new` needs the `operator.admin` scope on the OpenClaw gateway, and this plugin does not ask for it. '
  + 'A system admin can turn on **Allow session resets** in System Console › Plugins › OpenClaw; the OpenClaw operator then approves the scope upgrade.';

/** The private answer to /oc_new when resets are not enabled; undefined to relay it. */
export function sessionResetRefusal(trigger: string, requestedScopes: readonly string[]): string | undefined {
  return trigger === 'oc_new' && !requestedScopes.includes(ADMIN_SCOPE) ? SESSION_RESETS_OFF_TEXT : undefined;
}
