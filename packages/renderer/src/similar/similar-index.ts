import type { Post } from '@alphanode/parser';
import { CARDINALITY_MIN_DOCS, checkConfig, keywordsOf, type SimilarConfig, type SimilarIndexConfig } from './similar-config.ts';

/** A related post and why: the summed weight of what it shares, and how many keywords that is. */
export interface SimilarPost {
  post: Post;
  /** Its position in the corpus. */
  position: number;
  weight: number;
  matches: number;
  /** True when the post lists this one's title under `Similar Posts`; listed posts come first. */
  listed: boolean;
}

/** Configures one query for related posts: how many to return. */
export interface SimilarQuery {
  /** How many to return; default 5. */
  limit?: number;
}

/** A corpus indexed for `similar` queries. */
export interface SimilarIndex {
  readonly size: number;
  /** Related posts of `post` (in the corpus or not), best first; never the post itself. */
  similar(post: Post, query?: SimilarQuery): SimilarPost[];
}

interface Ranked {
  position: number;
  weight: number;
  matches: number;
}

const reviewed = (post: Post): string => post.meta?.revision?.lastReviewed ?? '';

/**
 * Builds an inverted index (keyword → posts, per index) over `corpus`, Hugo's related-content
 * model: a query adds each index's weight to every post sharing one of its keywords, keeps posts
 * whose average weight per match clears `threshold / matches`, and ranks by total weight, then
 * last review (newest first), then title, then corpus position, so the order is deterministic.
 * Building is linear in the corpus's keywords; a query is linear in the lengths of the posting
 * lists it touches, plus `candidates × limit` to pick the best.
 * The index holds the posts; build a new one when the corpus changes.
 *
 * @example
 * const index = createSimilarIndex(posts);
 * const related = index.similar(posts[0], { limit: 5 }).map((hit) => hit.post.title);
 */
export function createSimilarIndex(corpus: readonly Post[], config: SimilarConfig = {}): SimilarIndex {
  const { indices, threshold } = checkConfig(config);
  const active: SimilarIndexConfig[] = indices.filter((index) => index.weight > 0);
  const maxWeight = Math.max(0, ...active.map((index) => index.weight));
  const size = corpus.length;
  const postings = active.map(() => new Map<string, number[]>());
  const docKeywords = active.map(() => new Array<string[]>(size));
  const positions = new Map<Post, number>();
  const byTitle = new Map<string, number[]>();
  for (let doc = 0; doc < size; doc++) {
    const post = corpus[doc] as Post;
    if (!positions.has(post)) positions.set(post, doc);
    (byTitle.get(post.title) ?? byTitle.set(post.title, []).get(post.title))?.push(doc);
    for (let i = 0; i < active.length; i++) {
      const keywords = keywordsOf(post, (active[i] as SimilarIndexConfig).name);
      (docKeywords[i] as string[][])[doc] = keywords;
      const map = postings[i] as Map<string, number[]>;
      for (const keyword of keywords) {
        const list = map.get(keyword);
        if (list === undefined) map.set(keyword, [doc]);
        else list.push(doc);
      }
    }
  }
  active.forEach((index, i) => {
    const cardinality = index.cardinalityThreshold ?? 0;
    if (cardinality === 0 || size < CARDINALITY_MIN_DOCS) return;
    const maxDocs = Math.floor((size * cardinality) / 100);
    for (const [keyword, list] of postings[i] as Map<string, number[]>) if (list.length > maxDocs) (postings[i] as Map<string, number[]>).delete(keyword);
  });

  const weights = new Float64Array(size);
  const matches = new Uint32Array(size);
  const touched = new Int32Array(size);
  // Marks the query's own post (and copies of it, by reference) and the listed posts during a query.
  const skip = new Uint8Array(size);
  const byReference = new Map<string, number[]>();
  corpus.forEach((post, doc) => {
    const reference = post.meta?.reference;
    if (reference !== undefined) (byReference.get(reference) ?? byReference.set(reference, []).get(reference))?.push(doc);
  });

  // Whether candidate a ranks above b.
  const before = (a: Ranked, b: Ranked): boolean => {
    if (a.weight !== b.weight) return a.weight > b.weight;
    const pa = corpus[a.position] as Post;
    const pb = corpus[b.position] as Post;
    const ra = reviewed(pa);
    const rb = reviewed(pb);
    if (ra !== rb) return ra > rb;
    if (pa.title !== pb.title) return pa.title < pb.title;
    return a.position < b.position;
  };

  function similar(post: Post, query: SimilarQuery = {}): SimilarPost[] {
    const limit = Math.max(0, Math.floor(query.limit ?? 5));
    const self = positions.get(post);
    const own = [...(byReference.get(post.meta?.reference) ?? [])];
    if (self !== undefined) own.push(self);
    for (const doc of own) skip[doc] = 1;
    const out: SimilarPost[] = [];
    for (const title of post.similar ?? []) {
      for (const doc of byTitle.get(title) ?? []) {
        if (out.length >= limit || skip[doc] === 1) continue;
        skip[doc] = 1;
        own.push(doc);
        out.push({ post: corpus[doc] as Post, position: doc, weight: 0, matches: 0, listed: true });
      }
    }
    let count = 0;
    for (let i = 0; i < active.length; i++) {
      const weight = (active[i] as SimilarIndexConfig).weight;
      const keywords = self === undefined ? keywordsOf(post, (active[i] as SimilarIndexConfig).name) : ((docKeywords[i] as string[][])[self] as string[]);
      const map = postings[i] as Map<string, number[]>;
      for (const keyword of keywords) {
        const list = map.get(keyword);
        if (list === undefined) continue;
        for (let j = 0; j < list.length; j++) {
          const doc = list[j] as number;
          if (matches[doc] === 0) touched[count++] = doc;
          weights[doc] = (weights[doc] as number) + weight;
          matches[doc] = (matches[doc] as number) + 1;
        }
      }
    }
    const room = limit - out.length;
    const top: Ranked[] = [];
    for (let t = 0; t < count; t++) {
      const doc = touched[t] as number;
      const weight = weights[doc] as number;
      const found = matches[doc] as number;
      weights[doc] = 0;
      matches[doc] = 0;
      if (room <= 0 || skip[doc] === 1) continue;
      if (top.length === room && weight < (top[room - 1] as Ranked).weight) continue;
      if (Math.round((Math.floor(weight / found) * 100) / maxWeight) < Math.floor(threshold / found)) continue;
      const candidate: Ranked = { position: doc, weight, matches: found };
      if (top.length === room && !before(candidate, top[room - 1] as Ranked)) continue;
      let at = Math.min(top.length, room - 1);
      while (at > 0 && before(candidate, top[at - 1] as Ranked)) at--;
      if (top.length === room) top.pop();
      top.splice(at, 0, candidate);
    }
    for (const doc of own) skip[doc] = 0;
    for (const hit of top) out.push({ post: corpus[hit.position] as Post, position: hit.position, weight: hit.weight, matches: hit.matches, listed: false });
    return out;
  }

  return { size, similar };
}
