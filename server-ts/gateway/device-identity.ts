// The plugin's own Ed25519 device identity. The gateway pairs *devices*, so the key pair
// must outlive restarts and be shared by every node of a cluster (the caller persists it).
// The wire formats (raw 32-byte key in base64url, id = sha256 of that key in hex,
// base64url signature over the UTF-8 payload) are what the gateway verifies.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';

export interface DeviceKeys {
  deviceId: string;
  publicKeyPem: string;
  privateKeyPem: string;
}

// DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key is the 32 bytes after it.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function rawPublicKey(publicKeyPem: string): Buffer {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  if (der.length !== ED25519_SPKI_PREFIX.length + 32 || !der.subarray(0, 12).equals(ED25519_SPKI_PREFIX)) {
    throw new Error('device public key is not Ed25519');
  }
  return der.subarray(12);
}

export function publicKeyBase64Url(publicKeyPem: string): string {
  return rawPublicKey(publicKeyPem).toString('base64url');
}

export function deviceIdFor(publicKeyPem: string): string {
  return createHash('sha256').update(rawPublicKey(publicKeyPem)).digest('hex');
}

export function createDeviceKeys(): DeviceKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { deviceId: deviceIdFor(publicKeyPem), publicKeyPem, privateKeyPem };
}

export function signPayload(privateKeyPem: string, payload: string): string {
  return sign(null, Buffer.from(payload, 'utf8'), createPrivateKey(privateKeyPem)).toString('base64url');
}

/** True when the stored pair is intact: the private key matches the public key and id. */
export function keysAreConsistent(k: DeviceKeys): boolean {
  try {
    const derived = createPublicKey(createPrivateKey(k.privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
    return deviceIdFor(derived) === k.deviceId && deviceIdFor(k.publicKeyPem) === k.deviceId;
  } catch {
    return false;
  }
}
