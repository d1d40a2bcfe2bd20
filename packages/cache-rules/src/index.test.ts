import { describe, expect, it } from 'vitest';
import * as compileApi from './compile/index.ts';
import * as expressApi from './express/index.ts';
import * as api from './index.ts';
import * as jsonSchemaApi from './json-schema/index.ts';
import * as verifyApi from './verify/index.ts';

// The public surface, pinned: a change here is an API change and needs a changeset.
describe('@alphanode/cache-rules exports', () => {
  it('the main entry: no YAML and no zod, so that a worker ships neither', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CacheRulesError', 'LISTING_FIELDS', 'TARGETS', 'diffRules', 'exampleRequest', 'foldText', 'formatDuration', 'formatRulesDiagnostic',
      'isTargetName', 'loadCompiledRules', 'loadCompiledRulesOrThrow', 'noStoreHeaders', 'parseDuration', 'pathCovers', 'pathsOverlap', 'purgeKeys', 'purgePlan',
      'runExamples', 'stableHash', 'targetKeyHeader',
    ]);
  });

  it('the compile entry', () => {
    expect(Object.keys(compileApi).sort()).toEqual(['RulesConfigSchema', 'compileRules', 'compileRulesOrThrow', 'compileRulesToJson', 'lintRules']);
  });

  it('the json-schema entry', () => {
    expect(Object.keys(jsonSchemaApi)).toEqual(['rulesJsonSchema']);
  });

  it('the verify entry', () => {
    expect(Object.keys(verifyApi).sort()).toEqual([
      'cacheControlSet', 'checkPurge', 'headerDrift', 'latencyByStatus', 'loggedInLeaks', 'readCacheStatus', 'rollbackPlan', 'sampleUrls', 'sitemapUrls', 'verifySite',
    ]);
  });

  it('the express entry', () => {
    expect(Object.keys(expressApi)).toEqual(['cacheRulesMiddleware']);
  });
});
