import { describe, expect, it } from 'vitest';
import { readSeeds, seedText } from '../../test/paths.ts';
import { parsePost } from '../parse/parse-post.ts';
import type { Post } from '../schema/post-schema.ts';
import { lintPost } from './lint-post.ts';

const parsed = parsePost(seedText(1), { file: 'seed.txt' });
if (!parsed.ok) throw new Error('seed did not parse');
const seed: Post = parsed.post;

function lint(change: (post: Post) => void) {
  const post = structuredClone(seed);
  change(post);
  return lintPost(post, { locations: parsed.locations, file: 'seed.txt' }).map(({ code, line, column, message }) => ({ code, line, column, message }));
}

describe('lintPost', () => {
  it('finds nothing in the seeds', () => {
    for (const { text } of readSeeds()) {
      const result = parsePost(text);
      expect(result.ok && lintPost(result.post)).toEqual([]);
    }
  });

  it('checks the paragraph count against payload, at the payload line', () => {
    expect(lint((post) => void (post.meta.payload.paragraphs = 5))).toEqual([
      { code: 'paragraph-count', line: 108, column: 17, message: 'payload says 5 paragraphs, the body has 4 before "final notes"' },
    ]);
  });

  it('checks the has-images flag', () => {
    expect(lint((post) => void (post.meta.flags.hasImages = false)).map((d) => d.code)).toEqual(['has-images-flag']);
  });

  it('checks image sources against body images, both ways', () => {
    const findings = lint((post) => {
      post.body.splice(1, 1);
      post.body.push({ type: 'image', caption: 'unlisted', source: 'x' });
    });
    expect(findings.map((d) => d.code)).toEqual(['image-source-missing', 'image-source-unused']);
    expect(findings[1]?.line).toBe(96);
  });

  it('checks the checklist against the list under "implementation checklist"', () => {
    expect(lint((post) => void post.meta.checklist.pop()).map((d) => d.message)).toEqual([
      'meta "checklist" should repeat the list under "implementation checklist" (5 items there, 4 in meta)',
    ]);
  });

  it('checks the shape of version, reference, hash and topic', () => {
    const findings = lint((post) => {
      post.meta.revision.version = '1.3';
      post.meta.reference = 'ref-1';
      post.meta.hash = 'xyz';
      post.meta.topic = 'no separator';
    });
    expect(findings.map((d) => d.code)).toEqual(['value-format', 'value-format', 'value-format', 'value-format']);
    expect(findings[1]?.message).toBe('"revision / version" is usually x.y.z, found "1.3"');
  });

  it('reports control characters, kept by the parser, at the field that holds them', () => {
    const findings = lint((post) => {
      post.meta.summary = 'clear \u001b[2Jscreen';
    });
    expect(findings).toEqual([{ code: 'control-character', line: 44, column: 8, message: 'control character U+001B at character 7 of this value; a post should hold printable text' }]);
  });

  it('points at 1:1 without locations', () => {
    const post = structuredClone(seed);
    post.meta.hash = 'x';
    expect(lintPost(post)).toMatchObject([{ code: 'value-format', line: 1, column: 1 }]);
  });
});
