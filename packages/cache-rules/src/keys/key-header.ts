import type { KeyHeaderProfile } from '../targets/target-profiles.ts';

export type KeyHeaderResult = { ok: true; value: string } | { ok: false; reason: string };

/**
 * Serialises keys for one target's header, within its documented limits. Keys are already safe
 * and at most 128 characters; what can still overflow is the count or the header size. Then it
 * fails closed: a response tagged with only some of its keys could never be fully purged.
 */
export function keyHeaderValue(keys: readonly string[], profile: KeyHeaderProfile): KeyHeaderResult {
  if (profile.maxKeys !== undefined && keys.length > profile.maxKeys) {
    return { ok: false, reason: `${keys.length} purge keys exceed ${profile.name}'s limit of ${profile.maxKeys} (${profile.source})` };
  }
  const value = keys.join(profile.separator);
  // Keys are ASCII after safeKey, so string length is the byte count.
  if (value.length > profile.maxBytes) {
    return { ok: false, reason: `the ${profile.name} header would be ${value.length} bytes, over its limit of ${profile.maxBytes} (${profile.source})` };
  }
  return { ok: true, value };
}
