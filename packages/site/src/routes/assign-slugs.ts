import { stableHash } from '@alphanode/cache-rules';
import { withSuffix } from './slugify.ts';

/** Something that wants a slug: a post (by source file) or a topic (by name), and the slug its title gives. */
export interface SlugClaim {
  id: string;
  base: string;
}

/** Claims whose titles gave the same slug: the first id got it, the others a suffix. */
export interface SlugCollision {
  base: string;
  ids: string[];
  slugs: string[];
}

/** What `assignSlugs` returns: the slug of every claim, by id, and every collision it had to resolve. */
export interface SlugAssignment {
  /** id → slug, for every claim. */
  slugs: Map<string, string>;
  /** Every base slug more than one claim wanted this time, for reporting: never silent. */
  collisions: SlugCollision[];
}

const byId = (a: SlugClaim, b: SlugClaim): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Whether `slug` is `base`, or `base` with the suffix this module made for `id` (its hash, then
 * more hashes when taken): a title's own last word in hex digits (a date, `20240115`) is no suffix,
 * so a title that drops it moves its post to the plain slug, as a fresh build would.
 */
function grewFrom(slug: string, base: string, id: string): boolean {
  if (slug === base) return true;
  const dash = slug.lastIndexOf('-');
  const suffix = slug.slice(dash + 1);
  return dash > 0 && /^[0-9a-f]{8,}$/.test(suffix) && suffix.startsWith(stableHash(id)) && withSuffix(base, suffix) === slug;
}

/** A suffix from the id alone, longer only in the (2^-32) case that it is taken too. */
function suffixed(base: string, id: string, taken: ReadonlySet<string>): string {
  let hash = stableHash(id);
  for (let round = 1; taken.has(withSuffix(base, hash)); round++) hash += stableHash(`${round}:${id}`);
  return withSuffix(base, hash);
}

/**
 * Hands out slugs so that each claim gets one of its own, whatever order the claims come in:
 *
 * - a claim keeps the slug it had before (`previous`) while its title still gives that slug, so a
 *   page never moves because another post arrived or left;
 * - among new claims on a free slug, the smallest id takes it; every other claim gets the slug
 *   and a hash of its own id, which no file order or thread schedule can change.
 *
 * @example
 * assignSlugs([{ id: 'b.txt', base: 'hello' }, { id: 'a.txt', base: 'hello' }], new Map());
 * // slugs: a.txt → 'hello', b.txt → 'hello-<hash of b.txt>'
 */
export function assignSlugs(claims: Iterable<SlugClaim>, previous: ReadonlyMap<string, string> = new Map()): SlugAssignment {
  const sorted = [...claims].sort(byId);
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  const waiting: SlugClaim[] = [];
  for (const claim of sorted) {
    const kept = previous.get(claim.id);
    if (kept !== undefined && grewFrom(kept, claim.base, claim.id) && !taken.has(kept)) {
      slugs.set(claim.id, kept);
      taken.add(kept);
    } else waiting.push(claim);
  }
  const wanted = new Map<string, SlugClaim[]>();
  for (const claim of waiting) {
    const group = wanted.get(claim.base);
    if (group) group.push(claim);
    else wanted.set(claim.base, [claim]);
  }
  for (const [base, group] of wanted) {
    for (const claim of group) {
      const slug = taken.has(base) ? suffixed(base, claim.id, taken) : base;
      slugs.set(claim.id, slug);
      taken.add(slug);
    }
  }
  const byBase = new Map<string, SlugClaim[]>();
  for (const claim of sorted) {
    const group = byBase.get(claim.base);
    if (group) group.push(claim);
    else byBase.set(claim.base, [claim]);
  }
  const collisions: SlugCollision[] = [];
  for (const [base, group] of byBase) {
    if (group.length > 1) collisions.push({ base, ids: group.map((claim) => claim.id), slugs: group.map((claim) => slugs.get(claim.id) as string) });
  }
  return { slugs, collisions };
}
