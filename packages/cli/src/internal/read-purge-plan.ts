import type { PurgeInput } from '@alphanode/cache-rules/purge';

/** `purge-plan.json` as `alphanode build` writes it, checked: `{ urls, keys, urlsWithoutKey? }`. */
export function readPurgePlan(text: string): PurgeInput | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const isList = (list: unknown): list is string[] => Array.isArray(list) && list.every((item) => typeof item === 'string');
  if (value == null || typeof value !== 'object') return 'expected an object { urls, keys, urlsWithoutKey }';
  const { urls, keys, urlsWithoutKey, prefixes } = value as Record<string, unknown>;
  if (!isList(urls) || !isList(keys)) return '"urls" and "keys" must be lists of strings';
  if (urlsWithoutKey !== undefined && !isList(urlsWithoutKey)) return '"urlsWithoutKey" must be a list of strings';
  if (prefixes !== undefined && !isList(prefixes)) return '"prefixes" must be a list of strings';
  return { urls, keys, ...(urlsWithoutKey === undefined ? {} : { urlsWithoutKey }), ...(prefixes === undefined ? {} : { prefixes }) };
}
