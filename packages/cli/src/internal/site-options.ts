import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isTargetName, type TargetName } from '@alphanode/cache-rules';
import type { BuildOptions, PageSettings } from '@alphanode/site/node';

/** The options `build` and `dev` share, in `parseOptions`' shape: one spelling and one meaning for both. */
export const SITE_OPTIONS = {
  out: { type: 'string' },
  rules: { type: 'string' },
  target: { type: 'string' },
  'site-name': { type: 'string' },
  'base-url': { type: 'string' },
  'page-size': { type: 'string' },
  'no-theme': { type: 'boolean' },
  strict: { type: 'boolean' },
  lint: { type: 'boolean' },
} as const;

/** What the shared options say, checked. */
export interface SiteArgs {
  patterns: string[];
  out: string | undefined;
  /** The rules file, absolute. */
  rulesFile: string | undefined;
  target: TargetName | undefined;
  settings: Partial<PageSettings>;
  strict: boolean;
  lint: boolean;
}

interface SiteValues {
  out?: string | undefined;
  rules?: string | undefined;
  target?: string | undefined;
  'site-name'?: string | undefined;
  'base-url'?: string | undefined;
  'page-size'?: string | undefined;
  'no-theme'?: boolean | undefined;
  strict?: boolean | undefined;
  lint?: boolean | undefined;
}

/** The shared options of a parsed command line, or what is wrong with them (a usage error). */
export function siteArgs(positionals: string[], values: SiteValues, cwd: string): SiteArgs | string {
  if (positionals.length === 0) return 'expected at least one GLOB';
  const { target } = values;
  if (target !== undefined && !isTargetName(target)) return `unknown --target ${JSON.stringify(target)}`;
  const pageSize = values['page-size'];
  if (pageSize !== undefined && !/^[1-9][0-9]*$/.test(pageSize)) return `--page-size ${JSON.stringify(pageSize)}: expected a whole number of posts from 1, e.g. 20`;
  return {
    patterns: positionals,
    out: values.out,
    rulesFile: values.rules === undefined ? undefined : path.resolve(cwd, values.rules),
    target,
    settings: {
      ...(values['site-name'] === undefined ? {} : { siteName: values['site-name'] }),
      ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
      ...(pageSize === undefined ? {} : { pageSize: Number(pageSize) }),
      ...(values['no-theme'] === true ? { theme: false } : {}),
    },
    strict: values.strict === true,
    lint: values.lint === true,
  };
}

/** The rules file's text, or why it cannot be read (a message for stderr: the file, and the system's reason). */
export async function readRulesFile(file: string, cwd: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    return { ok: true, text: await readFile(file, 'utf8') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { ok: false, message: `cannot read the rules ${path.relative(cwd, file) || file}: ${reason}` };
  }
}

/** `buildSite`'s options for the checked arguments, the rules text and the out dir. */
export function buildOptionsOf(args: SiteArgs, cwd: string, outDir: string, rules: string | undefined): BuildOptions {
  const options: BuildOptions = { patterns: args.patterns, cwd, outDir, strict: args.strict, lint: args.lint, settings: args.settings };
  if (rules !== undefined) options.rules = rules;
  if (args.target !== undefined) options.target = args.target;
  return options;
}
