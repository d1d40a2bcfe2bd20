import { readFileSync } from 'node:fs';
import { compileRulesToJson } from '@alphanode/cache-rules/compile';

/** One edge worker's source: an ES module importing `@alphanode/*`, and the issue's gzip budget for it if it has one. */
export interface EdgeWorker {
  name: string;
  code: string;
  /** Bytes, minified and gzipped at level 9 (issue 13's targets; KB = 1,000 bytes). */
  target?: number;
}

const rulesYaml = readFileSync(new URL('../../examples/rules.yaml', import.meta.url), 'utf8');

/** examples/rules.yaml compiled at build time, as JSON text: what a decide worker inlines. */
export function compiledRules(): string {
  const compiled = compileRulesToJson(rulesYaml, { file: 'examples/rules.yaml' });
  if (!compiled.ok) throw new Error('examples/rules.yaml does not compile');
  return JSON.stringify(compiled.json);
}

const decideWith = (load: string) => `
const engine = ${load};
export default { fetch(request) { const decision = engine.decide({ method: request.method, url: request.url, headers: request.headers }, { target: 'cloudflare' }); return new Response(null, { status: 204, headers: decision.headers }); } };`;

const HTML = `{ headers: { 'content-type': 'text/html; charset=utf-8' } }`;
const RENDER_OPTIONS = `{ siteName: 'notes', path: new URL(request.url).pathname }`;

/**
 * Workers that each do one job, with what a real one would pass it, so that the bundler keeps only
 * that: parse a post, decide cache headers from rules compiled at build time, render a post (from
 * JSON, or from its text through parsePost as a worker rendering on request does), and the decide
 * worker again with the rules as a binding (env.RULES) rather than in the bundle, the library's own share.
 */
export function edgeWorkers(rules = compiledRules()): EdgeWorker[] {
  return [
    {
      name: 'parsePost',
      target: 25_000,
      code: `import { parsePost } from '@alphanode/parser';
export default { async fetch(request) { const result = parsePost(await request.text()); return Response.json(result.ok ? result.post : result.diagnostics); } };`,
    },
    {
      name: 'decide (compiled rules)',
      target: 15_000,
      code: `import { loadCompiledRulesOrThrow } from '@alphanode/cache-rules';\nconst RULES = ${rules};${decideWith('loadCompiledRulesOrThrow(RULES)')}`,
    },
    {
      name: 'renderPost',
      code: `import { renderPost } from '@alphanode/renderer';
export default { async fetch(request) { return new Response(renderPost(await request.json(), ${RENDER_OPTIONS}), ${HTML}); } };`,
    },
    {
      name: 'renderPost + parsePost',
      target: 40_000,
      code: `import { parsePost } from '@alphanode/parser';
import { renderPost } from '@alphanode/renderer';
export default { async fetch(request) { const result = parsePost(await request.text()); if (!result.ok) return Response.json(result.diagnostics, { status: 422 }); return new Response(renderPost(result.post, ${RENDER_OPTIONS}), ${HTML}); } };`,
    },
    {
      name: 'decide (rules from env: code only)',
      code: `import { loadCompiledRules } from '@alphanode/cache-rules';
export default { fetch(request, env) { const loaded = loadCompiledRules(env.RULES); return new Response(null, { status: 204, headers: loaded.ok ? loaded.engine.decide(request, { target: 'cloudflare' }).headers : {} }); } };`,
    },
  ];
}

/**
 * The same jobs as the old main entries made a worker do them: parsePost shipped with every zod
 * schema and the JSON Schema writer, and the rules compiled from YAML in the worker.
 */
export function oldWorkers(): EdgeWorker[] {
  return [
    {
      name: 'parsePost + PostSchema + postJsonSchema',
      code: `import { parsePost } from '@alphanode/parser';
import { PostSchema } from '@alphanode/parser/schema';
import { postJsonSchema } from '@alphanode/parser/json-schema';
export default { async fetch(request) { const result = parsePost(await request.text()); return Response.json(result.ok ? PostSchema.parse(result.post) : [result.diagnostics, postJsonSchema()]); } };`,
    },
    {
      name: 'decide (YAML compiled in the worker)',
      code: `import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';\nconst YAML = ${JSON.stringify(rulesYaml)};${decideWith('compileRulesOrThrow(YAML)')}`,
    },
  ];
}
