import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed out once (share delete tokens, API keys) are stored only as their SHA-256: a copy of the
 * database gives nobody a working token. They are random enough that no salt or slow hash is needed.
 */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** `bytes` random bytes, URL-safe: 16 make an unguessable id (22 characters), 24 a secret. */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}
