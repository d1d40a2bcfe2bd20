import type { CompiledBypass, CompiledRule } from '../compile/compiled-rule.ts';
import { cookieNames, getHeader, hasQueryParam, type DecideRequest, type DecideResponse, type UrlParts } from './request-view.ts';
import { hostCondition, requestHosts } from './request-host.ts';
import { statusMatches } from './status-policy.ts';

/** One request, read once and shared by every rule tried. */
export interface RequestContext {
  request: DecideRequest;
  response: DecideResponse | undefined;
  method: string;
  url: UrlParts;
  params: Record<string, string>;
  cookies: string[] | undefined;
  /** The request's hosts, normalised, read on first use (see `requestHosts`). */
  hosts?: readonly string[] | undefined;
}

/**
 * The first of the parameters `names` whose text from the path does not percent-decode, or
 * undefined. `/posts/%zz` is not a URL a post lives at: rather than key it `post-zz` (the raw text
 * made safe), the pattern does not match.
 */
function undecodable(names: readonly string[], params: Readonly<Record<string, string>>): string | undefined {
  for (const name of names) {
    const value = params[name];
    if (value === undefined || !value.includes('%')) continue;
    try {
      decodeURIComponent(value);
    } catch {
      return name;
    }
  }
  return undefined;
}

function contentTypeMatches(wanted: readonly string[], header: string): boolean {
  const semi = header.indexOf(';');
  const type = (semi === -1 ? header : header.slice(0, semi)).trim().toLowerCase();
  for (const pattern of wanted) {
    if (pattern.endsWith('/*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern) return true;
  }
  return false;
}

/**
 * Why `rule` does not match, or undefined when it does (its path parameters are then in
 * `context.params`). The cheapest and most selective test, the path, goes first.
 */
export function whyNotMatch(rule: CompiledRule, context: RequestContext): string | undefined {
  let matched = false;
  let badParam: string | undefined;
  for (const path of rule.paths) {
    if (!path.match(context.url.path, context.params)) continue;
    badParam = undecodable(path.params, context.params);
    if (badParam === undefined) {
      matched = true;
      break;
    }
  }
  if (!matched) return badParam === undefined ? rule.says.path : `the path parameter :${badParam} is not valid percent-encoding, so ${rule.says.path}`;
  if (!rule.methods.includes(context.method)) return rule.says.method;
  if (rule.hosts) {
    const why = hostCondition(rule, requestHosts(context));
    if (why !== undefined) return why;
  }
  for (const header of rule.headers) {
    const value = getHeader(context.request.headers, header.name);
    if (value === undefined || (header.value !== true && value !== header.value)) return rule.says.header;
  }
  if (rule.statuses && !statusMatches(rule.statuses, context.response?.status ?? 200)) return rule.says.status;
  if (rule.contentTypes) {
    const type = getHeader(context.response?.headers, 'content-type');
    if (type === undefined) return rule.says.noContentType;
    if (!contentTypeMatches(rule.contentTypes, type)) return rule.says.contentType;
  }
  return undefined;
}

/** The first bypass condition the request meets, said in words, or undefined. */
export function firedBypass(conditions: readonly CompiledBypass[], context: RequestContext): string | undefined {
  for (const condition of conditions) {
    for (const header of condition.headers) {
      if (getHeader(context.request.headers, header) !== undefined) return `bypass "${condition.name}": the request has a ${header} header`;
    }
    for (const query of condition.queries) {
      if (hasQueryParam(context.url.query, query)) return `bypass "${condition.name}": the query has ${query}`;
    }
    if (condition.cookies.length > 0) {
      if (context.cookies === undefined) {
        const header = getHeader(context.request.headers, 'cookie');
        context.cookies = header === undefined ? [] : cookieNames(header);
      }
      for (const name of context.cookies) {
        for (const pattern of condition.cookies) if (pattern.test(name)) return `bypass "${condition.name}": the request has the cookie ${name}`;
      }
    }
  }
  return undefined;
}
