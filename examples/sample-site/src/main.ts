// The sample site (half of `pnpm demo`): builds examples/content with the example cache rules, then
// serves it on http://127.0.0.1:4321 (PORT to change) with the headers those rules decide for TARGET.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { isTargetName } from '@alphanode/cache-rules';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { createSiteHandler, siteRoutesFor } from '@alphanode/site';
import { buildSite, readSiteManifest, siteDirReader, toNodeListener } from '@alphanode/site/node';

const examples = fileURLToPath(new URL('../../', import.meta.url));
const rules = readFileSync(`${examples}rules.yaml`, 'utf8');
const dir = fileURLToPath(new URL('../.site/', import.meta.url));

const summary = await buildSite({ patterns: 'content/*.txt', cwd: examples, outDir: dir, rules, settings: { siteName: 'alphanode sample site' } });
for (const d of summary.diagnostics) process.stderr.write(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}\n`);
process.stdout.write(`built ${summary.built}, unchanged ${summary.unchanged}, skipped ${summary.skipped} in ${Math.round(summary.ms)} ms → ${dir}\n`);

const port = Number(process.env.PORT ?? 4321);
const engine = compileRulesOrThrow(rules);
// TARGET picks the CDN headers (default varnish: its xkey header shows each page's purge keys).
const target = process.env.TARGET ?? 'varnish';
if (!isTargetName(target)) throw new Error(`TARGET must name a cache-rules target (generic, varnish, fastly, cloudflare, …); found "${target}"`);
const server = createServer(toNodeListener(createSiteHandler({ read: siteDirReader(dir), engine, target })));
server.once('error', (error) => {
  process.stderr.write(`cannot listen: ${error.message}\n`);
  process.exitCode = 1;
});
server.listen(port, '127.0.0.1', () => {
  const [first] = Object.values(readSiteManifest(dir)?.posts ?? {});
  const base = `http://127.0.0.1:${port}`;
  process.stdout.write(`serving on ${base}/\n`);
  if (first) {
    const [page, ...others] = siteRoutesFor(engine).postUrls(first.slug);
    process.stdout.write(`  a post:      ${base}${page}\n${others.map((url) => `  also:        ${base}${url}\n`).join('')}`);
  }
  process.stdout.write(`  health:      ${base}/healthz\nCtrl-C stops it.\n`);
});
