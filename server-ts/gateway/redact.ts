// Last line of defence against secrets in logs, errors and state: every text we emit
// passes through a redactor that knows the live secrets (shared token or password, device
// token, private key). Secrets shorter than 4 characters are not masked, as masking them
// would garble ordinary words; settings reject nothing that short as "secure" anyway.
export type Redactor = (text: string) => string;

const MASK = '[redacted]';

export class SecretRedactor {
  private secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (!secret || secret.length < 4) return;
    this.secrets.add(secret);
    // A PEM may be logged re-wrapped or as its base64 body only; mask each body line too.
    if (secret.includes('-----BEGIN')) {
      for (const line of secret.split(/\r?\n/)) if (line.length >= 16 && !line.startsWith('-----')) this.secrets.add(line);
    }
  }

  readonly redact: Redactor = (text) => {
    let out = text;
    // Longest first, so a secret containing another is masked whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(s)) out = out.split(s).join(MASK);
    }
    // Whatever we were not told about: PEM private-key blocks and bearer-style fields.
    return out
      .replace(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, MASK)
      .replace(/("?(?:token|password|deviceToken|secret)"?\s*[:=]\s*"?)[^"\s,}]{4,}/gi, `$1${MASK}`);
  };
}
