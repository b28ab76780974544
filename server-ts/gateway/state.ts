// The connection supervisor's externally visible state. It is shown to admins as is, so
// it carries only display-safe facts: never a token, password, key or device token.
export type LinkState =
  | { status: 'disabled'; reason?: string }
  | { status: 'connecting'; url: string }
  | {
      status: 'pairing-required';
      requestId: string;
      deviceId: string;
      /** The exact CLI line the OpenClaw operator runs on the gateway host. */
      approveCommand: string;
      /** `not-paired` for a new device, `scope-upgrade` when we asked for more scopes. */
      pairingReason: string;
    }
  | { status: 'connected'; gatewayVersion: string; scopes: string[]; deviceId: string; authMethod: string }
  | { status: 'error'; reason: string; /** false when only a settings change can help */ retrying: boolean };

export type LinkStatus = LinkState['status'];

export type StateListener = (state: LinkState, previous: LinkState) => void;

/** Same state for logging purposes: a retry that ends in the same place is not news. */
export function sameState(a: LinkState, b: LinkState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function approveCommandFor(requestId: string): string {
  return `openclaw devices approve ${requestId}`;
}

/** One line for the log and for error messages. */
export function describeState(s: LinkState): string {
  switch (s.status) {
    case 'disabled': return s.reason ? `disabled: ${s.reason}` : 'disabled';
    case 'connecting': return `connecting to ${s.url}`;
    case 'pairing-required':
      if (s.pairingReason === 'scope-upgrade') {
        return `waiting for approval of the admin scope: the OpenClaw operator approves this device's scope upgrade (request ${s.requestId}) with \`${s.approveCommand}\` on the gateway host`;
      }
      return `waiting for the OpenClaw operator to approve this device (request ${s.requestId}): run \`${s.approveCommand}\` on the gateway host`;
    case 'connected': return `connected to OpenClaw ${s.gatewayVersion}`;
    case 'error': return s.reason;
  }
}
