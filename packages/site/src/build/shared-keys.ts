import type { OutputRecord } from '../manifest/manifest.ts';
import { sameItems } from './same-items.ts';

/**
 * Makes a run's output records share their purge keys: each key string is one string however
 * many pages carry it (a topic's or a stack's key is on thousands), and a post's outputs with
 * the same keys share one list. Results come from worker threads as copies, so without this each
 * page of a 100,000-post build holds its own copies until the run ends.
 */
export function keySharer(): (outputs: OutputRecord[]) => void {
  const strings = new Map<string, string>();
  const share = (key: string) => {
    const known = strings.get(key);
    if (known !== undefined) return known;
    strings.set(key, key);
    return key;
  };
  return (outputs) => {
    let last: string[] | undefined;
    for (const output of outputs) {
      const keys = output.keys;
      if (last !== undefined && sameItems(last, keys)) output.keys = last;
      else output.keys = last = keys.map(share);
    }
  };
}
