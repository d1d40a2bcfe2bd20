import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join, sep } from 'node:path';
import { cleanEnv, run } from './command.ts';
import { schemaModule, typesCommonJsModule, typesModule } from './consumer-files.ts';
import { entryPoints } from './entry-points.ts';
import type { NodeRuntime } from './node-runtimes.ts';
import type { WorkspacePackage } from './release.ts';

export interface Consumer {
  dir: string;
  env: NodeJS.ProcessEnv;
}

export interface ConsumerOptions {
  /** An empty directory outside the repo; the project goes in `project/`. */
  dir: string;
  repo: string;
  /** The versioned copy of the workspace, whose manifests give the ranges of the consumer's own dependencies. */
  copy: string;
  registryUrl: string;
  packages: readonly WorkspacePackage[];
  runtime: NodeRuntime;
}

const templates = join(import.meta.dirname, 'consumer');

/** The range the workspace itself uses for a dependency, so the consumer tests what we develop against. */
function workspaceRange(copy: string, name: string): string {
  const manifests = [join(copy, 'package.json'), ...readdirSync(join(copy, 'packages')).map((dir) => join(copy, 'packages', dir, 'package.json'))];
  for (const file of manifests) {
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    const range = manifest.peerDependencies?.[name] ?? manifest.dependencies?.[name] ?? manifest.devDependencies?.[name];
    if (typeof range === 'string') return range;
  }
  throw new Error(`no package of the workspace depends on ${name}`);
}

/**
 * The environment of a user's shell with only `runtime` as `node`: its directory first on PATH, and
 * nothing from the repo (the toolchain's Node and pnpm, the workspace's bins).
 */
function consumerEnv(options: ConsumerOptions, project: string, bin: string): NodeJS.ProcessEnv {
  const fromRepo = (entry: string) => entry === options.repo || entry.startsWith(options.repo + sep);
  const path = (process.env.PATH ?? '').split(delimiter).filter((entry) => entry !== '' && !fromRepo(entry));
  return cleanEnv({ PATH: [bin, join(project, 'node_modules', '.bin'), ...path].join(delimiter) });
}

/**
 * A new project, as a user would start one: a package.json that depends on the published versions,
 * an .npmrc that points at the local registry, `npm install`; then the files that test it, some of
 * them written from the exports maps that were installed.
 */
export async function createConsumer(options: ConsumerOptions): Promise<Consumer> {
  const project = join(options.dir, 'project');
  const bin = join(options.dir, 'bin');
  mkdirSync(project, { recursive: true });
  mkdirSync(bin);
  symlinkSync(options.runtime.path, join(bin, 'node'));
  const env = consumerEnv(options, project, bin);
  const found = (await run('node', ['--version'], { cwd: project, env })).trim();
  if (found !== options.runtime.version) throw new Error(`expected node ${options.runtime.version} on the consumer's PATH, found ${found}`);

  const published = Object.fromEntries(options.packages.map((pkg) => [pkg.name, pkg.version]));
  const range = (name: string) => workspaceRange(options.copy, name);
  const manifest = {
    name: 'alphanode-consumer',
    private: true,
    type: 'module',
    dependencies: { ...published, zod: range('zod'), hono: range('hono') },
    // vitest 4: the newest that still runs on Node 20.
    devDependencies: { typescript: range('typescript'), '@types/node': range('@types/node'), vitest: '^4.0.0' },
  };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(project, '.npmrc'), [`registry=${options.registryUrl}`, `@alphanode:registry=${options.registryUrl}`, 'audit=false', 'fund=false', 'update-notifier=false', ''].join('\n'));
  await run('npm', ['install'], { cwd: project, env });

  const entries = options.packages.flatMap((pkg) => entryPoints(JSON.parse(readFileSync(join(project, 'node_modules', pkg.name, 'package.json'), 'utf8'))));
  writeFileSync(join(project, 'entries.json'), `${JSON.stringify(entries, null, 2)}\n`);
  writeFileSync(join(project, 'types.ts'), typesModule(entries));
  writeFileSync(join(project, 'types.cts'), typesCommonJsModule(entries));
  writeFileSync(join(project, 'schema.ts'), schemaModule(entries));
  cpSync(templates, project, { recursive: true });
  const content = join(options.repo, 'examples', 'content');
  const post = readdirSync(content).filter((name) => name.endsWith('.txt')).sort()[0];
  if (post === undefined) throw new Error(`no post in ${content} to copy into the consumer`);
  mkdirSync(join(project, 'fixtures'));
  cpSync(join(content, post), join(project, 'fixtures', 'post.txt'));
  return { dir: project, env };
}

function expectOutput(output: string, pattern: RegExp): void {
  if (!pattern.test(output)) throw new Error(`expected output matching ${pattern}, got:\n${output}`);
}

/** What the consumer proves, each a separate check so one failure does not hide the others. */
export function consumerChecks(consumer: Consumer): { name: string; run: () => Promise<unknown> }[] {
  const options = { cwd: consumer.dir, env: consumer.env };
  return [
    { name: 'import and require every entry point', run: () => run('node', ['check-entries.mjs'], options) },
    { name: 'tsc --noEmit, module nodenext (.ts and .cts)', run: () => run('tsc', ['-p', 'tsconfig.nodenext.json'], options) },
    { name: 'tsc --noEmit, moduleResolution bundler', run: () => run('tsc', ['-p', 'tsconfig.bundler.json'], options) },
    { name: 'vitest run (PostSchema in a service)', run: () => run('vitest', ['run'], options) },
    // --no-install: never fetch some other `alphanode` from npmjs when the bin is missing.
    { name: 'npx alphanode --help', run: async () => expectOutput(await run('npx', ['--no-install', 'alphanode', '--help'], options), /usage: alphanode/) },
    { name: 'alphanode check fixtures/post.txt', run: async () => expectOutput(await run('alphanode', ['check', 'fixtures/post.txt'], options), /checked 1 file: 1 ok/) },
  ];
}
