import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Whether an `Authorization` header carries `Bearer <token>`. Compares SHA-256 digests in constant
 * time, so neither the token's characters nor its length leak through response timing.
 */
export function hasBearerToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const given = match?.[1] ?? '';
  // Compared even when absent, so a request without the header takes the same time.
  return timingSafeEqual(digest(given), digest(token)) && match != null && token !== '';
}
