import { META_FIELDS, type PostMeta } from '@alphanode/parser';
import { describe, expect, it } from 'vitest';
import { generated, handWritten } from '../../test/corpus.ts';
import { seedPosts } from '../../test/seeds.ts';
import { KNOWN_FIELDS } from './known-fields.ts';
import { metaRows } from './render-meta-box.ts';

describe('the hand-written meta field renderers', () => {
  it('cover every field of META_FIELDS', () => {
    expect([...KNOWN_FIELDS.keys()]).toEqual(META_FIELDS.map((field) => field.key));
  });

  it('write exactly what the generic walk over META_FIELDS writes, on seeds, generated, hostile and broken meta', () => {
    const metas: PostMeta[] = [
      ...seedPosts().map((seed) => seed.post.meta),
      ...generated(100, false).map((post) => post.meta),
      ...generated(100, true).map((post) => post.meta),
      ...handWritten().map((entry) => entry.post.meta),
    ];
    // Values of the wrong type, as an unvalidated import could hand over.
    const broken = { ...(metas[0] as PostMeta), topic: 42, stack: 'one', score: { quality: 'high' }, entities: [], imageSources: [{ url: 7 }] } as unknown as PostMeta;
    for (const meta of [...metas, broken]) {
      for (const lang of ['en', 'de']) expect(metaRows(meta, lang, true)).toEqual(metaRows(meta, lang, false));
    }
  });
});
