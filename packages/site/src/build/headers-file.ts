import { exampleRequest, targetKeyHeader, pathCovers, pathsOverlap, type CacheRulesEngine, type CompiledRule, type PathPattern, type TargetName } from '@alphanode/cache-rules';
import { sameItems } from './same-items.ts';

const KEY_HEADER = /cache-tag|surrogate-key|^xkey$/i;

interface Block {
  rule: string;
  path: PathPattern;
  /** The header lines, `name: value`, for comparing blocks and writing them. */
  lines: string[];
}

/** What a `_headers` file cannot say: it matches by path alone. */
function unsayable(rule: CompiledRule): string | undefined {
  if (rule.statuses) return 'it matches on the response status';
  if (rule.contentTypes) return 'it matches on the content type';
  if (rule.headers.length > 0) return 'it matches on request headers';
  if (rule.hosts) return 'it matches on the host';
  return undefined;
}

/** The headers an anonymous GET of the rule's first cached example gets, less purge keys (they belong to one page). */
function headerLines(engine: CacheRulesEngine, rule: CompiledRule, target: TargetName): string[] | undefined {
  const example = rule.examples.find((candidate) => candidate.kind === 'cached');
  if (!example) return undefined;
  const { request, response } = exampleRequest(example.example);
  const decision = engine.decide({ ...request, headers: {} }, { target, response });
  if (decision.rule !== rule.name || decision.action !== 'cache') return undefined;
  return Object.entries(decision.headers)
    .filter(([name]) => !KEY_HEADER.test(name))
    .map(([name, value]) => `${name}: ${value}`);
}

/**
 * Places one rule's pattern among the blocks so far. A `_headers` file applies every block whose
 * path matches (Netlify lets the later header win, Cloudflare joins both), while the rules apply
 * the first match only; so a pattern that meets an earlier block is written only where that
 * cannot change what a path gets: it covers blocks with the same headers (and replaces them).
 */
function place(blocks: Block[], candidate: Block): string | undefined {
  const met = blocks.filter((block) => pathsOverlap(block.path, candidate.path));
  const same = (block: Block) => block.lines.join('\n') === candidate.lines.join('\n');
  if (met.length === 0) {
    blocks.push(candidate);
    return undefined;
  }
  if (met.every((block) => same(block) && pathCovers(candidate.path, block.path))) {
    for (const block of met) blocks.splice(blocks.indexOf(block), 1);
    blocks.push(candidate);
    return undefined;
  }
  if (met.some((block) => same(block) && pathCovers(block.path, candidate.path))) return undefined;
  const others = met.map((block) => `"${block.rule}" (${block.path.source})`).join(', ');
  return `left out ${candidate.path.source}: it meets ${others} with other headers, and _headers applies every matching block, not the first`;
}

/** What a host that reads per-page headers from `_headers` takes: rules (blocks) and characters per line. */
interface HeadersFileHost {
  maxBlocks: number | undefined;
  maxLine: number | undefined;
  source: string;
}

const HEADERS_FILE_HOSTS: Partial<Record<TargetName, HeadersFileHost>> = {
  // Netlify documents no cap on `_headers` rules, nor on the length of a line.
  netlify: { maxBlocks: undefined, maxLine: undefined, source: 'https://docs.netlify.com/routing/headers/' },
  // "A project is limited to 100 header rules. Each line in the `_headers` file has a 2,000 character
  // limit. The entire line, including spacing, header name, and value, counts towards this limit."
  // The same page: "If a header is applied twice in the `_headers` file, the values are joined with a
  // comma separator", and purge-by-tags: "A single HTTP response can have more than one `Cache-Tag`
  // HTTP header field"; so a page's keys past one line go on several `Cache-Tag` lines of its block.
  cloudflare: { maxBlocks: 100, maxLine: 2000, source: 'https://developers.cloudflare.com/pages/configuration/headers/' },
};

/** Whether `target`'s host caps `_headers` (rules, or characters a line), which a big site's pages may pass. */
export function headersFileHasCaps(target: TargetName): boolean {
  const host = HEADERS_FILE_HOSTS[target];
  return host !== undefined && (host.maxBlocks !== undefined || host.maxLine !== undefined);
}

/**
 * A page's block: its URL and its keys on `name:` lines of at most `maxLine` characters each, split
 * between keys (only where the host joins repeated lines with the comma that separates keys);
 * undefined when the URL or one key alone does not fit on a line.
 */
function pageBlock(page: PageKeys, name: string, separator: ' ' | ',', maxLine: number | undefined): string[] | undefined {
  const prefix = `  ${name}: `;
  const whole = `${prefix}${page.keys.join(separator)}`;
  if (maxLine === undefined || (whole.length <= maxLine && page.url.length <= maxLine)) return [page.url, whole];
  if (separator !== ',' || page.url.length > maxLine) return undefined;
  const lines: string[] = [];
  let line = '';
  for (const key of page.keys) {
    if (prefix.length + key.length > maxLine) return undefined;
    if (line !== '' && line.length + 1 + key.length > maxLine) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? `${prefix}${key}` : `${line},${key}`;
  }
  return [page.url, ...lines, line];
}

/**
 * Each page's block text as last made, by the page's record: in a process that builds again
 * (`alphanode dev`), an unchanged post keeps its records, so a rebuild makes only the blocks of
 * pages that moved (at 10,000 posts, 20,000 blocks took ~15 ms of each retitle). A hit needs the
 * same URL, keys array and header format: the build replaces a record's keys array (`keySharer`),
 * never changes one in place.
 */
const madeBlocks = new WeakMap<PageKeys, { url: string; keys: readonly string[]; format: string; text: string | undefined }>();

/** `pageBlock` as one text, from `madeBlocks` when the page is as it was. */
function pageBlockText(page: PageKeys, name: string, separator: ' ' | ',', maxLine: number | undefined): string | undefined {
  const format = `${name}\n${separator}\n${maxLine}`;
  const made = madeBlocks.get(page);
  if (made !== undefined && made.url === page.url && made.keys === page.keys && made.format === format) return made.text;
  const text = pageBlock(page, name, separator, maxLine)?.join('\n');
  madeBlocks.set(page, { url: page.url, keys: page.keys, format, text });
  return text;
}

/** One served page and the purge keys it carries. */
export interface PageKeys {
  url: string;
  keys: readonly string[];
}

/**
 * Whether two runs' pages give the same `_headers` page blocks: the same URLs with the same keys,
 * in the same order. Undefined (a post added or removed) is never the same.
 */
export function samePageKeys(before: readonly PageKeys[] | undefined, after: readonly PageKeys[] | undefined): boolean {
  if (before === undefined || after === undefined || before.length !== after.length) return false;
  return before.every((page, i) => {
    const other = after[i] as PageKeys;
    return page.url === other.url && sameItems(page.keys, other.keys);
  });
}

export interface HeadersFile {
  text: string;
  /** Set when the pages' keys did not fit the host's caps and were all left out: say so in the summary. */
  warning?: string;
}

/**
 * A `_headers` file (the Netlify and Cloudflare Pages format) from the rules: one block per path
 * pattern, with the headers an anonymous GET of the rule's first cached example gets. What the
 * format cannot say is left out with a comment saying why: bypass conditions (cookies, headers),
 * rules that match on more than the path, and patterns that would mix two rules' headers. For a
 * host that reads them there (Netlify, Cloudflare Pages), each page gets a block with its purge
 * keys, so a tag purge reaches a site deployed from the out dir. Past the host's documented caps
 * (Cloudflare Pages: 100 rules, 2,000 characters a line; keys past one line go on several lines of
 * the page's block) every page's keys are left out, with a comment and a warning that point to
 * serving through the edge worker.
 */
export function renderHeadersFile(engine: CacheRulesEngine, target: TargetName, pages: readonly PageKeys[] = []): HeadersFile {
  const host = HEADERS_FILE_HOSTS[target];
  const maxLine = host?.maxLine;
  const notes: string[] = [];
  const blocks: Block[] = [];
  for (const rule of engine.rules) {
    const why = unsayable(rule);
    if (why) {
      notes.push(`# rule "${rule.name}" is left out: ${why}`);
      continue;
    }
    const lines = headerLines(engine, rule, target);
    if (!lines) continue;
    for (const path of rule.paths) {
      const long = maxLine === undefined ? undefined : [path.source, ...lines.map((line) => `  ${line}`)].find((line) => line.length > maxLine);
      if (long !== undefined) {
        notes.push(`# rule "${rule.name}": left out ${path.source}: a line of it is ${long.length} characters, past ${target}'s limit of ${maxLine} a line`);
        continue;
      }
      const left = place(blocks, { rule: rule.name, path, lines });
      if (left) notes.push(`# rule "${rule.name}": ${left}`);
    }
  }
  const keyHeader = targetKeyHeader(target);
  const tagged = pages.filter((page) => page.keys.length > 0);
  let pageText: string | undefined;
  let warning: string | undefined;
  if (host && keyHeader && tagged.length > 0) {
    const edge = `Serve the pages through the edge worker (examples/edge) to send each page's ${keyHeader.name}.`;
    // Some pages' keys and not others' would let a tag purge miss pages silently: all or none.
    if (host.maxBlocks !== undefined && blocks.length + tagged.length > host.maxBlocks) {
      warning = `_headers: the ${tagged.length} pages' purge keys would need ${blocks.length + tagged.length} rules, past ${target}'s cap of ${host.maxBlocks} (${host.source}); every page's keys are left out. ${edge}`;
    } else {
      const pageBlocks = tagged.map((page) => pageBlockText(page, keyHeader.name, keyHeader.separator, maxLine));
      const unfit = pageBlocks.indexOf(undefined);
      if (unfit === -1) pageText = pageBlocks.join('\n\n');
      else warning = `_headers: ${tagged[unfit]?.url} has a URL or a purge key too long for ${target}'s limit of ${maxLine} characters a line (${host.source}); every page's keys are left out. ${edge}`;
    }
    if (warning !== undefined) notes.push(`# ${warning}`);
  }
  const text = [
    '# Generated by `alphanode build` from the cache rules. Bypass conditions (cookies, headers) are not',
    '# expressible here: configure them at the CDN, or serve through @alphanode/cache-rules at the edge.',
    ...notes,
    ...blocks.flatMap((block) => ['', `# rule "${block.rule}"`, block.path.source, ...block.lines.map((line) => `  ${line}`)]),
    ...(pageText === undefined ? [] : ['', '# each page\'s purge keys', pageText]),
  ];
  return warning === undefined ? { text: `${text.join('\n')}\n` } : { text: `${text.join('\n')}\n`, warning };
}
