import { loadCompiledRules } from '@alphanode/cache-rules';
import { compileRules, compileRulesOrThrow, compileRulesToJson, type RulesConfigInput } from '@alphanode/cache-rules/compile';
import type { Post } from '@alphanode/parser';
import findMyWay from 'find-my-way';
import { measure, table } from '../measure.ts';
import type { Suite } from '../suite.ts';

/**
 * A rules file of `count` rules the way a site grows one: sections with a page route and an asset
 * route each, bypass conditions on the pages, and a catch-all last.
 */
export function syntheticRules(count: number): RulesConfigInput {
  const rules: RulesConfigInput['rules'] = [];
  for (let i = 0; rules.length < count - 1; i++) {
    rules.push({
      name: `section-${i}`,
      match: { path: `/s${i}/:slug` },
      cache: { edge: '1h', browser: '60s', staleWhileRevalidate: '5m' },
      bypass: ['logged-in', 'preview'],
      vary: ['Accept-Encoding'],
      keys: ['post:{slug}', 'topic:{post.meta.topic}', 'stack:{post.meta.stack}'],
    });
    if (rules.length < count - 1) rules.push({ name: `assets-${i}`, match: { path: `/s${i}/assets/*` }, cache: { immutable: true, edge: '1y', browser: '1y' } });
  }
  rules.push({ name: 'everything-else', match: { path: '/*' }, cache: { noStore: true } });
  return {
    version: 1,
    bypass: { 'logged-in': { cookie: ['session', 'wp_logged_in_*'], header: ['authorization'] }, preview: { query: ['preview'] } },
    rules,
  };
}

const post = { title: 'Improving asset delivery', meta: { topic: 'Slow pages / CDN', stack: ['Go', 'PostgreSQL'] } } as unknown as Post;

/**
 * Decisions per second with 50 rules, against find-my-way (Fastify's radix-tree router) looking up
 * the same paths: the router only finds the route, we also run the bypass checks and produce the
 * finished header strings and purge keys. Then compile time for 1,000 rules, and the time a worker
 * takes to load them compiled (`loadCompiledRules`).
 */
export const cacheRulesSuite: Suite = {
  name: 'cache-rules',
  async run() {
    const config = syntheticRules(50);
    const engine = compileRulesOrThrow(config);
    const sections = Math.ceil(49 / 2);
    const paths = Array.from({ length: 1000 }, (_, i) => (i % 4 === 3 ? `/s${i % sections}/assets/app.${i}.css` : `/s${i % sections}/post-${i}`));
    const requests = paths.map((url) => ({ url, headers: { accept: 'text/html', 'accept-encoding': 'gzip' } }));
    const router = findMyWay();
    for (const rule of config.rules) for (const path of [rule.match.path].flat()) router.on('GET', path, () => {});
    const n = paths.length;
    let sink = 0;
    const rows = [
      measure('find-my-way find (route lookup only)', () => paths.forEach((path) => (sink += router.find('GET', path) ? 1 : 0)), n),
      measure('decide, generic target (headers, {slug} keys)', () => requests.forEach((request) => (sink += engine.decide(request, { target: 'generic' }).keys.length)), n),
      measure('decide, fastly target ({slug} keys)', () => requests.forEach((request) => (sink += engine.decide(request, { target: 'fastly' }).keys.length)), n),
      measure('decide, fastly target, with post keys (4)', () => requests.forEach((request) => (sink += engine.decide(request, { target: 'fastly', post }).keys.length)), n),
    ];
    const [router_, generic, , fastly] = rows.map((row) => row.nsPerOp) as [number, number, number, number];

    const thousand = syntheticRules(1000);
    const compileObject = measure('compile 1,000 rules (object)', () => compileRules(thousand), 1, { rounds: 5, roundMs: 300 });
    const yaml = JSON.stringify(thousand);
    const compileYaml = measure('compile 1,000 rules (YAML text)', () => compileRules(yaml), 1, { rounds: 5, roundMs: 300 });
    const compiled = compileRulesToJson(thousand);
    if (!compiled.ok) throw new Error('the 1,000 rules do not compile');
    const compiledText = JSON.stringify(compiled.json);
    const loadJson = measure('load 1,000 rules (compiled JSON text)', () => loadCompiledRules(compiledText), 1, { rounds: 5, roundMs: 300 });
    // Read the sink so no engine can drop the measured calls as dead code.
    if (sink < 0) throw new Error('unreachable');
    return [
      `50 rules, ${n} request paths (3 in 4 pages, 1 in 4 assets); the last column is time relative to the first row`,
      table(rows),
      `  → ${(1e9 / generic).toFixed(0)} decisions/s (generic), ${(1e9 / fastly).toFixed(0)}/s (fastly + post keys); a decision takes ${(generic / router_).toFixed(2)}x a find-my-way lookup (target: under 1 µs)`,
      table([compileObject, compileYaml, loadJson]).replaceAll('µs/op', 'µs   '),
      `  → 1,000 rules compile in ${(compileObject.nsPerOp / 1e6).toFixed(1)} ms from an object, ${(compileYaml.nsPerOp / 1e6).toFixed(1)} ms from YAML text (target: under 50 ms); a worker loads them compiled in ${(loadJson.nsPerOp / 1e6).toFixed(1)} ms`,
    ].join('\n');
  },
};
