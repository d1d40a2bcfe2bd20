import { isTargetName, TARGETS, type TargetName } from '@alphanode/cache-rules';
import type { SiteOptions } from './site.ts';

/** The worker's variables (wrangler `vars`, or the platform's environment). All optional. */
export interface WorkerEnv {
  /** Which CDN's headers to write; default `cloudflare`. */
  CACHE_TARGET?: string;
  /** The deployed origin, e.g. `https://blog.example`, for canonical URLs. */
  BASE_URL?: string;
}

export type EnvResult = { ok: true; options: SiteOptions; key: string } | { ok: false; message: string };

const DEFAULT_TARGET: TargetName = 'cloudflare';

/**
 * Reads the worker's settings from its environment. A wrong value is reported, not replaced by a
 * default: headers for the wrong CDN would cache pages that must not be cached.
 */
export function readEnv(env: WorkerEnv | undefined): EnvResult {
  const target = env?.CACHE_TARGET ?? DEFAULT_TARGET;
  if (!isTargetName(target)) {
    return { ok: false, message: `CACHE_TARGET must be one of ${TARGETS.join(', ')}; found ${JSON.stringify(target.slice(0, 40))}` };
  }
  const baseUrl = env?.BASE_URL;
  if (baseUrl !== undefined && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(baseUrl)) {
    return { ok: false, message: `BASE_URL must be an http(s) origin such as https://blog.example; found ${JSON.stringify(baseUrl.slice(0, 80))}` };
  }
  return { ok: true, options: baseUrl === undefined ? { target } : { target, baseUrl }, key: `${target} ${baseUrl ?? ''}` };
}
