import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../test/paths.ts';
import { parsePost } from '../parse/parse-post.ts';
import { postJsonSchema } from './post-json-schema.ts';

const shipped = new URL('../../post.schema.json', import.meta.url);

describe('post.schema.json', () => {
  it('is the JSON Schema of PostSchema (UPDATE=1 rewrites it; review the diff)', () => {
    const generated = `${JSON.stringify(postJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE === '1') writeFileSync(shipped, generated);
    expect(readFileSync(shipped, 'utf8')).toBe(generated);
  });

  it('accepts the parsed seeds and rejects a post with a field of the wrong type', () => {
    const validate = new Ajv2020({ strict: true, allErrors: true, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } }).compile(JSON.parse(readFileSync(shipped, 'utf8')));
    for (const seed of readSeeds()) {
      const result = parsePost(seed.text);
      if (!result.ok) throw new Error(`${seed.name} did not parse`);
      expect(validate(result.post), JSON.stringify(validate.errors)).toBe(true);
      const broken = { ...result.post, meta: { ...result.post.meta, readingTime: 'ten' } };
      expect(validate(broken)).toBe(false);
      expect(validate.errors?.[0]?.instancePath).toBe('/meta/readingTime');
    }
  });
});
