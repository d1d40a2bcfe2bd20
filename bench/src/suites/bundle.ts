import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { compileRulesToJson } from '@alphanode/cache-rules/compile';
import { bundleSize, type BundleSize } from '../bundle-size.ts';
import { coldStart, coldStartRow } from '../cold-start.ts';
import type { Suite } from '../suite.ts';

const rulesYaml = readFileSync(new URL('../../../examples/rules.yaml', import.meta.url), 'utf8');

function compiledRules(): string {
  const compiled = compileRulesToJson(rulesYaml, { file: 'examples/rules.yaml' });
  if (!compiled.ok) throw new Error('examples/rules.yaml does not compile');
  return JSON.stringify(compiled.json);
}

// Each worker does one thing, with what a real one would pass it, so that the bundler keeps only that.
const PARSE = `import { parsePost } from '@alphanode/parser';
export default { async fetch(request) { const result = parsePost(await request.text()); return Response.json(result.ok ? result.post : result.diagnostics); } };`;

// What the old main entry held in full, and a parsePost-only worker shipped with it.
const PARSE_WITH_SCHEMAS = `import { parsePost } from '@alphanode/parser';
import { PostSchema } from '@alphanode/parser/schema';
import { postJsonSchema } from '@alphanode/parser/json-schema';
export default { async fetch(request) { const result = parsePost(await request.text()); return Response.json(result.ok ? PostSchema.parse(result.post) : [result.diagnostics, postJsonSchema()]); } };`;

const RENDER = `import { renderPost } from '@alphanode/renderer';
export default { async fetch(request) { return new Response(renderPost(await request.json(), { siteName: 'notes', path: new URL(request.url).pathname }), { headers: { 'content-type': 'text/html; charset=utf-8' } }); } };`;

const decideWith = (load: string) => `
const engine = ${load};
export default { fetch(request) { const decision = engine.decide({ method: request.method, url: request.url, headers: request.headers }, { target: 'cloudflare' }); return new Response(null, { status: 204, headers: decision.headers }); } };`;

const TARGETS: Record<string, number> = { parsePost: 25_000, 'decide (compiled rules)': 15_000, renderPost: 40_000 };

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function rows(sizes: readonly BundleSize[]): string {
  const width = Math.max(...sizes.map((size) => size.name.length));
  return sizes
    .map((size) => {
      const target = TARGETS[size.name];
      const verdict = target === undefined ? '' : `  target ≤ ${kb(target)} gzip: ${size.gzip <= target ? 'met' : `OVER by ${kb(size.gzip - target)}`}`;
      return `  ${size.name.padEnd(width)}  ${kb(size.minified).padStart(9)} minified  ${kb(size.gzip).padStart(8)} gzip${verdict}`;
    })
    .join('\n');
}

function heaviest(size: BundleSize): string {
  const top = size.byPackage.slice(0, 4).map((entry) => `${entry.name} ${kb(entry.bytes)}`);
  return `    ${size.name}: ${top.join(', ')} (minified bytes by package)`;
}

/**
 * The bytes an edge worker ships for one job, bundled from the built packages as a deploy would
 * bundle them: parse a post, render a post, or decide cache headers from rules compiled at build
 * time. Beside them, the same jobs done the way the old main entries made a worker do them (zod's
 * schemas and, for the rules, the YAML parser loaded in the worker), for comparison.
 */
export const bundleSuite: Suite = {
  name: 'bundle',
  async run() {
    const rules = compiledRules();
    const light = [
      await bundleSize('parsePost', PARSE),
      await bundleSize('decide (compiled rules)', `import { loadCompiledRulesOrThrow } from '@alphanode/cache-rules';\nconst RULES = ${rules};${decideWith('loadCompiledRulesOrThrow(RULES)')}`),
      await bundleSize('renderPost', RENDER),
      // The rules as a binding (env.RULES) rather than in the bundle: the library's own share.
      await bundleSize('decide (rules from env: code only)', `import { loadCompiledRules } from '@alphanode/cache-rules';\nexport default { fetch(request, env) { const loaded = loadCompiledRules(env.RULES); return new Response(null, { status: 204, headers: loaded.ok ? loaded.engine.decide(request, { target: 'cloudflare' }).headers : {} }); } };`),
    ];
    const heavy = [
      await bundleSize('parsePost + PostSchema + postJsonSchema', PARSE_WITH_SCHEMAS),
      await bundleSize('decide (YAML compiled in the worker)', `import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';\nconst YAML = ${JSON.stringify(rulesYaml)};${decideWith('compileRulesOrThrow(YAML)')}`),
    ];
    // Cold start to the first decision in workerd: an empty worker is the floor (process start).
    const empty = await bundleSize('empty worker (the floor)', 'export default { fetch() { return new Response(null, { status: 204 }); } };');
    const [decideLight, decideHeavy] = [light[1], heavy[1]] as [BundleSize, BundleSize];
    const starts = [await coldStart(empty.name, empty.code), await coldStart(decideLight.name, decideLight.code), await coldStart(decideHeavy.name, decideHeavy.code)];
    const startWidth = Math.max(...starts.map((start) => start.name.length));
    return [
      'Workers that do one thing, bundled from dist with esbuild (neutral platform, ESM, minified); KB = 1,000 bytes, gzip level 9',
      rows(light),
      `  (the decide worker carries examples/rules.yaml compiled: ${kb(rules.length)} of JSON, ${kb(gzipSync(rules, { level: 9 }).byteLength)} gzipped)`,
      'What weighs most',
      ...light.map(heaviest),
      'The same jobs as the old main entries made a worker do them: parsePost came with every zod schema and the JSON Schema writer',
      '(zod schemas are built when the module loads, so no bundler drops them), and the rules were compiled from YAML in the worker',
      rows(heavy),
      ...heavy.map(heaviest),
      'Cold start to the first decision in workerd (miniflare): a fresh isolate each run, from its creation to the first response',
      ...starts.map((start, index) => coldStartRow(start, startWidth, index === 0 ? undefined : starts[0])),
    ].join('\n');
  },
};
