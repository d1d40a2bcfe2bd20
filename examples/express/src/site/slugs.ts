import { postSlug } from '@alphanode/cache-rules';

/**
 * A topic's URL segment, slugified exactly like purge keys are, so `/topics/{topic}` carries the
 * `topic-…` key that a post with that topic is purged by.
 */
export function topicSlug(topic: string): string {
  return postSlug({ title: topic });
}
