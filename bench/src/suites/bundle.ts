import { gzipSync } from 'node:zlib';
import { bundleSize, type BundleSize } from '../bundle-size.ts';
import { coldStart, coldStartRow } from '../cold-start.ts';
import { compiledRules, edgeWorkers, oldWorkers, type EdgeWorker } from '../edge-workers.ts';
import type { Suite } from '../suite.ts';

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function rows(sizes: readonly BundleSize[], workers: readonly EdgeWorker[]): string {
  const width = Math.max(...sizes.map((size) => size.name.length));
  return sizes
    .map((size) => {
      const target = workers.find((worker) => worker.name === size.name)?.target;
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
 * The bytes an edge worker ships for one job (`edgeWorkers`), bundled from the built packages as a
 * deploy would bundle them, each against issue 13's target where it sets one. Beside them, the same
 * jobs done the way the old main entries made a worker do them (zod's schemas and, for the rules,
 * the YAML parser loaded in the worker), for comparison.
 */
export const bundleSuite: Suite = {
  name: 'bundle',
  async run() {
    const rules = compiledRules();
    const workers = edgeWorkers(rules);
    const old = oldWorkers();
    const light: BundleSize[] = [];
    for (const worker of workers) light.push(await bundleSize(worker.name, worker.code));
    const heavy: BundleSize[] = [];
    for (const worker of old) heavy.push(await bundleSize(worker.name, worker.code));
    // Cold start to the first decision in workerd: an empty worker is the floor (process start).
    const empty = await bundleSize('empty worker (the floor)', 'export default { fetch() { return new Response(null, { status: 204 }); } };');
    const named = (sizes: BundleSize[], name: string) => sizes.find((size) => size.name === name) as BundleSize;
    const [decideLight, decideHeavy] = [named(light, 'decide (compiled rules)'), named(heavy, 'decide (YAML compiled in the worker)')];
    const starts = [await coldStart(empty.name, empty.code), await coldStart(decideLight.name, decideLight.code), await coldStart(decideHeavy.name, decideHeavy.code)];
    const startWidth = Math.max(...starts.map((start) => start.name.length));
    return [
      'Workers that do one thing, bundled from dist with esbuild (neutral platform, ESM, minified); KB = 1,000 bytes, gzip level 9',
      rows(light, workers),
      `  (the decide worker carries examples/rules.yaml compiled: ${kb(rules.length)} of JSON, ${kb(gzipSync(rules, { level: 9 }).byteLength)} gzipped)`,
      'What weighs most',
      ...light.map(heaviest),
      'The same jobs as the old main entries made a worker do them: parsePost came with every zod schema and the JSON Schema writer',
      '(zod schemas are built when the module loads, so no bundler drops them), and the rules were compiled from YAML in the worker',
      rows(heavy, old),
      ...heavy.map(heaviest),
      'Cold start to the first decision in workerd (miniflare): a fresh isolate each run, from its creation to the first response',
      ...starts.map((start, index) => coldStartRow(start, startWidth, index === 0 ? undefined : starts[0])),
    ].join('\n');
  },
};
