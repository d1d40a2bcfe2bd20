import { exampleRequest, targetKeyHeader, pathCovers, pathsOverlap, type CacheRulesEngine, type CompiledRule, type PathPattern, type TargetName } from '@alphanode/cache-rules';

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

/** Hosts that read per-page headers from `_headers`, and how many blocks each takes. */
const HEADERS_FILE_HOSTS: Partial<Record<TargetName, { maxBlocks: number | undefined; source: string }>> = {
  // Netlify documents no cap on `_headers` rules.
  netlify: { maxBlocks: undefined, source: 'https://docs.netlify.com/routing/headers/' },
  // "You can define up to 100 header rules" per Pages project.
  cloudflare: { maxBlocks: 100, source: 'https://developers.cloudflare.com/pages/configuration/headers/' },
};

/** One served page and the purge keys it carries. */
export interface PageKeys {
  url: string;
  keys: readonly string[];
}

export interface HeadersFile {
  text: string;
  /** Set when the pages' keys did not fit the host's cap and were left out: say so in the summary. */
  warning?: string;
}

/**
 * A `_headers` file (the Netlify and Cloudflare Pages format) from the rules: one block per path
 * pattern, with the headers an anonymous GET of the rule's first cached example gets. What the
 * format cannot say is left out with a comment saying why: bypass conditions (cookies, headers),
 * rules that match on more than the path, and patterns that would mix two rules' headers. For a
 * host that reads them there (Netlify, Cloudflare Pages), each page gets a block with its purge
 * keys, so a tag purge reaches a site deployed from the out dir; past the host's documented cap the
 * keys are left out, with a comment and a warning that point to serving through the edge worker.
 */
export function renderHeadersFile(engine: CacheRulesEngine, target: TargetName, pages: readonly PageKeys[] = []): HeadersFile {
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
      const left = place(blocks, { rule: rule.name, path, lines });
      if (left) notes.push(`# rule "${rule.name}": ${left}`);
    }
  }
  const host = HEADERS_FILE_HOSTS[target];
  const keyHeader = targetKeyHeader(target);
  const tagged = pages.filter((page) => page.keys.length > 0);
  let pageLines: string[] = [];
  let warning: string | undefined;
  if (host && keyHeader && tagged.length > 0) {
    if (host.maxBlocks !== undefined && blocks.length + tagged.length > host.maxBlocks) {
      warning = `_headers: the ${tagged.length} pages' purge keys would need ${blocks.length + tagged.length} rules, past ${target}'s cap of ${host.maxBlocks} (${host.source}); they are left out. Serve the pages through the edge worker (examples/edge) to send each page's ${keyHeader.name}.`;
      notes.push(`# ${warning}`);
    } else {
      pageLines = tagged.flatMap((page) => ['', page.url, `  ${keyHeader.name}: ${page.keys.join(keyHeader.separator === ',' ? ',' : ' ')}`]);
    }
  }
  const text = [
    '# Generated by `alphanode build` from the cache rules. Bypass conditions (cookies, headers) are not',
    '# expressible here: configure them at the CDN, or serve through @alphanode/cache-rules at the edge.',
    ...notes,
    ...blocks.flatMap((block) => ['', `# rule "${block.rule}"`, block.path.source, ...block.lines.map((line) => `  ${line}`)]),
    ...(pageLines.length > 0 ? ['', '# each page\'s purge keys', ...pageLines.slice(1)] : []),
  ];
  return warning === undefined ? { text: `${text.join('\n')}\n` } : { text: `${text.join('\n')}\n`, warning };
}
