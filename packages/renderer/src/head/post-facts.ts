import type { Post } from '@alphanode/parser';
import { isIsoDate } from '../meta/format-value.ts';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** A date or date-time the renderer may put in metadata, or undefined. */
export const isoDateOrTime = (value: string | undefined): string | undefined =>
  value !== undefined && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;

/** Facts the head states in several forms (Open Graph, Twitter, JSON-LD), worked out once. */
export interface PostFacts {
  /** `revision.last reviewed`, when it is a date. */
  modified: string | undefined;
  /** `options.datePublished`, when it is a date. */
  published: string | undefined;
  /** Stack then tools, each once, in order. */
  keywords: string[];
}

export function postFacts(post: Post, datePublished: string | undefined): PostFacts {
  const { meta } = post;
  const keywords = [...new Set([...(meta.stack ?? []), ...(meta.tools ?? [])])];
  const lastReviewed = meta.revision?.lastReviewed;
  return { modified: isIsoDate(lastReviewed) ? lastReviewed : undefined, published: isoDateOrTime(datePublished), keywords };
}
