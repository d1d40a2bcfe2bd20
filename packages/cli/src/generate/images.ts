import type { Rng } from './rng.ts';

/** An image host as the seeds name them: the `image source` text and how its URLs look. */
interface ImageHost {
  source: string;
  url(rng: Rng, caption: string): string;
}

/** `n` lowercase hex digits. */
export function hex(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += rng.int(0, 15).toString(16);
  return out;
}

// The seeds put the caption into the URL as `+`-joined words, cut short; cut by code points, as a
// cut through a surrogate pair would leave a string that encodeURIComponent refuses.
const asQuery = (caption: string): string => encodeURIComponent(Array.from(caption).slice(0, 38).join('')).replace(/%20/g, '+');

const HOSTS: readonly ImageHost[] = [
  {
    source: 'unsplash',
    url: (rng) => `https://images.unsplash.com/photo-${rng.int(1_400_000_000_000, 1_700_000_000_000)}-${hex(rng, 12)}?auto=format&fit=crop&w=1200&q=80`,
  },
  { source: 'loremflickr.com', url: (rng) => `https://loremflickr.com/1200/630/code,developer?lock=${rng.int(1, 9999)}` },
  { source: 'dummyimage.com', url: (_, caption) => `https://dummyimage.com/1200x630/111827/ffffff.png&text=${asQuery(caption)}` },
  { source: 'picsum.photos', url: (rng) => `https://picsum.photos/seed/${hex(rng, 8)}/1200/630` },
  { source: 'placehold.co', url: (_, caption) => `https://placehold.co/1200x630/png?text=${asQuery(caption)}` },
];

/** One picked host's name and a URL on it for `caption`. */
export function imageSource(rng: Rng, caption: string): { source: string; url: string } {
  const host = rng.pick(HOSTS);
  return { source: host.source, url: host.url(rng, caption) };
}

// Weighted like an import corpus: many posts without images, a few image-heavy ones.
const IMAGE_COUNTS: readonly number[] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 5];

/** How many images a post gets, 0 to 5. */
export const imageCount = (rng: Rng): number => rng.pick(IMAGE_COUNTS);
