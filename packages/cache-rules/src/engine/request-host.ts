import type { CompiledRule } from '../compile/compiled-rule.ts';
import { shown } from '../diagnostic.ts';
import { getHeader, type DecideRequest, type UrlParts } from './request-view.ts';

/**
 * A host as rules compare it: lowercase, without its port, and without the trailing dot of a
 * fully qualified name (`ADMIN.example.com.:443` → `admin.example.com`). DNS ignores case and
 * resolves `example.com.` and `example.com` alike, so a rule written for one must hold for the
 * others. Rule hosts are normalised the same way when the file is compiled.
 *
 * @example
 * normaliseHost('Admin.Example.com.:8443'); // 'admin.example.com'
 * normaliseHost('[::1]:8080');              // '[::1]'
 */
export function normaliseHost(raw: string): string {
  let host = raw.trim();
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    if (end !== -1) host = host.slice(0, end + 1);
  } else {
    const colon = host.lastIndexOf(':');
    if (colon !== -1 && /^\d*$/.test(host.slice(colon + 1))) host = host.slice(0, colon);
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host.toLowerCase();
}

/**
 * The hosts a request may be served under: its Host header (and HTTP/2's `:authority`), and the
 * host of an absolute-form target (`GET http://public.example.com/x`, or the URL a Fetch `Request`
 * carries), each normalised; one entry when they agree, none when none is known.
 *
 * Which of the two names the page is not the engine's to know. RFC 9112 §3.2.2 has a server use
 * the target's host and ignore Host, but Node's `req.headers.host`, Express's `req.hostname`
 * and most virtual hosting read the Host header, and a client chooses both. So neither wins
 * outright: a host condition is checked against both (`hostCondition`), in whichever way keeps
 * the response out of shared caches when they disagree.
 */
export function requestHosts(context: { request: DecideRequest; url: UrlParts; hosts?: readonly string[] | undefined }): readonly string[] {
  if (context.hosts !== undefined) return context.hosts;
  const hosts: string[] = [];
  const headers = context.request.headers;
  const header = getHeader(headers, 'host');
  if (header !== undefined) hosts.push(normaliseHost(header));
  // Node's HTTP/2 compatibility API gives `:authority` and often no Host; a Fetch Headers object
  // cannot hold a pseudo-header (asking it throws), and its runtime puts the authority in the URL.
  if (headers !== undefined && typeof (headers as Headers).get !== 'function') {
    const authority = getHeader(headers, ':authority');
    if (authority !== undefined && !hosts.includes(normaliseHost(authority))) hosts.push(normaliseHost(authority));
  }
  if (context.url.host !== undefined) {
    // The target's authority may carry userinfo (http://admin.example.com@public.example.com/);
    // the Host header never does, so there it is left in, and matches no rule.
    const target = normaliseHost(context.url.host.slice(context.url.host.lastIndexOf('@') + 1));
    if (!hosts.includes(target)) hosts.push(target);
  }
  context.hosts = hosts;
  return hosts;
}

/**
 * Why `rule`'s host condition does not hold for a request under `hosts`, or undefined when it does.
 *
 * When the Host header and the target name different hosts, a rule that keeps the response out of
 * shared caches (`noStore`, `private`) holds if either host matches it, and a rule that lets shared
 * caches store it holds only if both do. Whichever host the origin serves, a request can then never
 * move from a host's noStore rule to a shared one by naming another host in its target (or its
 * Host header); at worst a disagreeing request is not cached.
 */
export function hostCondition(rule: CompiledRule, hosts: readonly string[]): string | undefined {
  const patterns = rule.hosts ?? [];
  const matches = (host: string) => patterns.some((pattern) => pattern.test(host));
  if (hosts.length === 0) return rule.says.host;
  if (rule.policy.kind !== 'shared') return hosts.some(matches) ? undefined : rule.says.host;
  if (hosts.every(matches)) return undefined;
  if (hosts.some(matches)) return `rule "${rule.name}" lets shared caches store, so the Host header and the request target must both match its hosts; they name ${hosts.map((host) => shown(host, 60)).join(' and ')}`;
  return rule.says.host;
}
