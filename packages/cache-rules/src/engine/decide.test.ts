import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../compile/compile-rules.ts';

const yaml = readFileSync(new URL('../../test/fixtures/rules.yaml', import.meta.url), 'utf8');

describe('decide', () => {
  it('smoke', () => {
    const result = compileRules(yaml);
    expect(result.diagnostics).toEqual([]);
    if (!result.ok) return;
    const d = result.engine.decide({ url: '/posts/improving-asset-delivery' }, { target: 'fastly' });
    expect(d.action).toBe('cache');
    expect(d.headers).toEqual({});
  });
});
