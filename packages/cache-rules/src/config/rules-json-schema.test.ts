import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { describe, expect, it } from 'vitest';
import { rulesJsonSchema } from './rules-json-schema.ts';

const shipped = new URL('../../rules.schema.json', import.meta.url);

describe('rules.schema.json', () => {
  it('is the JSON Schema of RulesConfigSchema (UPDATE=1 rewrites it; review the diff)', () => {
    const generated = `${JSON.stringify(rulesJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE === '1') writeFileSync(shipped, generated);
    expect(readFileSync(shipped, 'utf8')).toBe(generated);
  });
});
