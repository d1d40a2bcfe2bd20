import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { fixturesDir } from '../../test/paths.ts';
import { PostMetaObjectSchema, PostMetaSchema, type PostMeta } from './meta-schema.ts';
import { PostObjectSchema, PostSchema, type Post } from './post-schema.ts';

// What a service that imports posts does with the schemas. The type assertions (expectTypeOf) are
// checked by `pnpm typecheck`; the rest runs here.
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(fixturesDir, `${name}.json`), 'utf8')).post;

describe('composing the post schemas', () => {
  it('PostSchema refuses pick/omit/partial (zod 4 forbids them on refined objects), which is why the object schemas exist', () => {
    expect(() => PostSchema.pick({ title: true })).toThrow(/refinements/);
    expect(() => PostSchema.omit({ body: true })).toThrow(/refinements/);
    expect(() => PostObjectSchema.pick({ title: true })).not.toThrow();
  });

  it('validates a stored fixture into a typed Post', () => {
    const post = PostSchema.parse(fixture('go-code'));
    expectTypeOf(post).toEqualTypeOf<Post>();
    expectTypeOf<z.infer<typeof PostObjectSchema>>().toEqualTypeOf<Post>();
    expectTypeOf<z.infer<typeof PostMetaObjectSchema>>().toEqualTypeOf<PostMeta>();
    expect(post.meta.codeLanguage).toBe('go');
    // The object schema checks the shape only; PostSchema also checks the post can be written back.
    const unwritable = { ...post, body: [{ type: 'paragraph', text: 'no closing stop' }] };
    expect(PostObjectSchema.safeParse(unwritable).success).toBe(true);
    expect(PostSchema.safeParse(unwritable).success).toBe(false);
  });

  it('builds a partial schema for a PATCH endpoint', () => {
    const PostPatch = PostObjectSchema.pick({ title: true, similar: true })
      .extend({ meta: PostMetaObjectSchema.pick({ summary: true, tools: true, notes: true }).partial().strict() })
      .partial()
      .strict();
    type PostPatch = z.infer<typeof PostPatch>;
    expectTypeOf<PostPatch>().toEqualTypeOf<{
      title?: string;
      similar?: string[];
      meta?: { summary?: string; tools?: string[]; notes?: string[] };
    }>();

    expect(PostPatch.parse({})).toEqual({});
    expect(PostPatch.parse({ meta: { notes: ['reviewed by hand'] } })).toEqual({ meta: { notes: ['reviewed by hand'] } });
    // The field rules still hold in a patch: one line per title, no unknown fields.
    expect(PostPatch.safeParse({ title: 'two\nlines' }).error?.issues.map((issue) => issue.path)).toEqual([['title']]);
    expect(PostPatch.safeParse({ body: [] }).success).toBe(false);
    expect(PostPatch.safeParse({ meta: { readingTime: 3 } }).success).toBe(false);
  });

  it('extends a post with the service’s own fields, and still writes JSON Schema', () => {
    const StoredPost = PostObjectSchema.extend({ id: z.uuid(), importedAt: z.iso.datetime(), source: z.url() });
    type StoredPost = z.infer<typeof StoredPost>;
    expectTypeOf<Omit<StoredPost, 'id' | 'importedAt' | 'source'>>().toEqualTypeOf<Post>();
    expectTypeOf<Pick<StoredPost, 'id' | 'importedAt' | 'source'>>().toEqualTypeOf<{ id: string; importedAt: string; source: string }>();

    const stored = StoredPost.parse({
      ...(fixture('go-code') as object),
      id: '0b5f4c1e-2d7a-4e39-9a51-1f0c2b3d4e5f',
      importedAt: '2026-01-31T12:00:00Z',
      source: 'https://blog.example/posts/cold-starts',
    });
    expect(stored.id).toBe('0b5f4c1e-2d7a-4e39-9a51-1f0c2b3d4e5f');
    expect(StoredPost.safeParse({ ...stored, id: 'not-a-uuid' }).success).toBe(false);

    const json = z.toJSONSchema(StoredPost) as { required: string[]; properties: Record<string, unknown> };
    expect(json.required).toEqual(expect.arrayContaining(['title', 'body', 'meta', 'similar', 'id', 'importedAt', 'source']));
  });

  it('keeps the full check by nesting PostSchema in a schema of the service’s own', () => {
    const ImportRecord = z.object({ post: PostSchema, importedAt: z.iso.datetime() });
    expectTypeOf<z.infer<typeof ImportRecord>['post']>().toEqualTypeOf<Post>();
    const post = fixture('go-code') as Post;
    expect(ImportRecord.safeParse({ post, importedAt: '2026-01-31T12:00:00Z' }).success).toBe(true);
    const bad = { ...post, body: [{ type: 'heading', text: 'done.' }] };
    expect(ImportRecord.safeParse({ post: bad, importedAt: '2026-01-31T12:00:00Z' }).error?.issues[0]?.path).toEqual(['post', 'body', 0]);
  });

  it('omits and picks meta fields, e.g. for a listing that leaves out the bulky ones', () => {
    const ListingMeta = PostMetaObjectSchema.omit({ aiBrief: true, entities: true, imageSources: true, payload: true, notes: true, extra: true });
    expectTypeOf<keyof z.infer<typeof ListingMeta>>().not.toEqualTypeOf<keyof PostMeta>();
    expectTypeOf<z.infer<typeof ListingMeta>>().not.toHaveProperty('payload');
    const meta = (fixture('go-code') as Post).meta;
    const listing = ListingMeta.parse(meta);
    expect(Object.keys(listing)).not.toContain('payload');
    expect(listing.readingTime).toBe(meta.readingTime);
    // PostMetaSchema is the same schema under a JSON Schema name, so it composes as well.
    expect(PostMetaSchema.pick({ topic: true }).parse(meta)).toEqual({ topic: meta.topic });
  });
});
