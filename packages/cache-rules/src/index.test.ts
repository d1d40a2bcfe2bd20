import { describe, expect, it } from 'vitest';
import * as expressApi from './express/index.ts';
import * as api from './index.ts';

// The public surface, pinned: a change here is an API change and needs a changeset.
describe('@alphanode/cache-rules exports', () => {
  it('the main entry', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CacheRulesError', 'LISTING_FIELDS', 'RulesConfigSchema', 'TARGETS', 'compileRules', 'compileRulesOrThrow',
      'diffRules', 'exampleRequest', 'foldText', 'formatDuration', 'formatRulesDiagnostic', 'isTargetName', 'lintRules', 'parseDuration', 'pathCovers', 'pathsOverlap',
      'purgeKeys', 'purgePlan', 'rulesJsonSchema', 'runExamples', 'stableHash', 'targetKeyHeader',
    ]);
  });

  it('the express entry', () => {
    expect(Object.keys(expressApi)).toEqual(['cacheRulesMiddleware']);
  });
});
