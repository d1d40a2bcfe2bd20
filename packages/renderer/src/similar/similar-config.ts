import type { Post } from '@alphanode/parser';

/** The post fields similarity is measured on. */
export type SimilarIndexName = 'entities' | 'topic' | 'stack' | 'tools';

/** One index, as in Hugo's related-content configuration. */
export interface SimilarIndexConfig {
  name: SimilarIndexName;
  /** What one shared keyword is worth; 0 turns the index off. A whole number. */
  weight: number;
  /**
   * Drops keywords found in more than this percentage of the corpus (stop words such as `git`);
   * 0 keeps every keyword. Applied from 20 posts up: in a tiny corpus every keyword is common.
   */
  cardinalityThreshold?: number;
}

/** Configures how related posts are found: which post fields count and how much, and how strong a match must be to be listed. */
export interface SimilarConfig {
  /** Default: entities 100, topic 80, stack 60, tools 30. */
  indices?: readonly SimilarIndexConfig[];
  /**
   * 0–100, default 80. A candidate's average weight per match, as a percentage of the highest index
   * weight, must reach `threshold / matches` (integer division): one strong match passes alone,
   * weaker ones need company. Hugo's rule.
   */
  threshold?: number;
}

export const DEFAULT_INDICES: readonly SimilarIndexConfig[] = [
  { name: 'entities', weight: 100 },
  { name: 'topic', weight: 80 },
  { name: 'stack', weight: 60 },
  { name: 'tools', weight: 30 },
];

export const DEFAULT_THRESHOLD = 80;
/** Below this corpus size the cardinality threshold is not applied. */
export const CARDINALITY_MIN_DOCS = 20;

const norm = (value: string): string => value.trim().toLowerCase();

function pushAll(into: Set<string>, values: readonly string[] | undefined): void {
  if (values === undefined) return;
  for (const value of values) {
    const key = norm(value);
    if (key !== '') into.add(key);
  }
}

/**
 * A post's keywords for one index, lowercased and trimmed, each once: entities as `type:name`
 * (`stack:python services`), the topic's `PROBLEM / STACK` as its two halves, stack and tools as
 * they are.
 */
export function keywordsOf(post: Post, index: SimilarIndexName): string[] {
  const keys = new Set<string>();
  const { meta } = post;
  switch (index) {
    case 'entities':
      for (const entity of meta.entities ?? []) if (entity.name.trim() !== '') keys.add(`${norm(entity.type)}:${norm(entity.name)}`);
      break;
    case 'topic':
      pushAll(keys, (meta.topic ?? '').split(' / '));
      break;
    case 'stack':
      pushAll(keys, meta.stack);
      break;
    case 'tools':
      pushAll(keys, meta.tools);
      break;
  }
  return [...keys];
}

/** Checks a configuration, throwing a `RangeError` that names the bad value; user data never reaches here. */
export function checkConfig(config: SimilarConfig): { indices: readonly SimilarIndexConfig[]; threshold: number } {
  const indices = config.indices ?? DEFAULT_INDICES;
  const threshold = config.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > 100) throw new RangeError(`similar: threshold must be a whole number 0..100, got ${threshold}`);
  for (const index of indices) {
    if (!Number.isInteger(index.weight) || index.weight < 0) throw new RangeError(`similar: weight of "${index.name}" must be a whole number >= 0, got ${index.weight}`);
    const cardinality = index.cardinalityThreshold ?? 0;
    if (!Number.isInteger(cardinality) || cardinality < 0 || cardinality > 100) {
      throw new RangeError(`similar: cardinalityThreshold of "${index.name}" must be a whole number 0..100, got ${cardinality}`);
    }
  }
  return { indices, threshold };
}
