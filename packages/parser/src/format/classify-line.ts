import { syntaxOf, type LanguageSyntax } from './language-syntax.ts';
import { endingOf, HEADING_MAX_WORDS, LineFacts, proseKind, RULES, sentenceSign, type Ending, type LoneLineKind, type Verdict } from './line-rules.ts';

export type { LoneLineKind, RuleName, Verdict } from './line-rules.ts';

/** How a lone line was read: its kind, the verdict that decided it, and every rule's verdict. */
export interface LineReading {
  kind: LoneLineKind;
  decidedBy: Verdict;
  verdicts: readonly Verdict[];
  /** Some rule disagrees with the decision: see `readLoneLine`. */
  ambiguous: boolean;
}

const settled = (verdict: Verdict): LineReading => ({ kind: verdict.kind, decidedBy: verdict, verdicts: [verdict], ambiguous: false });
const INDENTED = settled({ rule: 'indentation', kind: 'code', strong: true, evidence: 'starts with a space or a tab' });
const SENTENCE = settled({ rule: 'sentence-end', kind: 'paragraph', strong: true, evidence: 'ends a sentence' });

/**
 * Reads a line that stands alone between blank lines in the body: a heading, a paragraph, or code.
 * This is the format's grammar for such lines (docs/post-format.md), shared by the parser, which reads
 * posts by it, and by `PostSchema`, which rejects blocks that would not read back as themselves.
 *
 * Indentation settles a line as code, and a sentence end after a plain word settles it as a
 * paragraph. Otherwise every rule gives its verdict, strong or weak, and:
 * 1. the first strong verdict, in the rules' order, decides;
 * 2. failing that, a weak prose verdict decides, since a weak code signal needs support;
 * 3. failing that, two or more weak code verdicts decide (one keyword alone does not), unless the
 *    line follows an open code block (`afterCode`): a weak line never extends code;
 * 4. failing all, the line is prose: a heading, or a paragraph if it holds markup or ends a sentence.
 * The reading is `ambiguous` when any rule disagrees with the decision, however weakly, or when
 * only weak signals made it code: the parser reports each such line, so that `alphanode check` can
 * list every line that could have gone the other way.
 */
export function readLoneLine(line: string, language: string, afterCode = false): LineReading {
  const first = line.charCodeAt(0);
  if (first === 32 || first === 9) return INDENTED;
  const ending = endingOf(line);
  // A comment that ends with a full stop is still a comment, so only a line that cannot open one settles here.
  if (ending === 'stop' && first !== 35 && first !== 47 && first !== 60 && first !== 45) return SENTENCE;
  const syntax = syntaxOf(language);
  if (line.length > CACHED_LENGTH) return weigh(line, syntax, ending, afterCode);
  const cache = cacheFor(syntax, afterCode);
  let reading = cache.get(line);
  if (!reading) {
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(copyOf(line), (reading = weigh(line, syntax, ending, afterCode)));
  }
  return reading;
}

// A line split from a post is a slice that keeps the whole post's text alive; a key kept in the
// cache must hold its own characters, or the cache would hold hundreds of posts.
const copyOf = (line: string): string => (' ' + line).slice(1);

// Imported corpora repeat their headings in every post (`final notes`, `implementation checklist`),
// and a reading depends only on the line, the language's syntax and whether code is open: the most
// recent readings of short lines are kept, a few hundred per syntax.
const CACHED_LENGTH = 160;
const CACHE_ENTRIES = 512;
const caches = new Map<LanguageSyntax, [Map<string, LineReading>, Map<string, LineReading>]>();
let lastSyntax: LanguageSyntax | undefined;
let lastPair: [Map<string, LineReading>, Map<string, LineReading>] = [new Map(), new Map()];

function cacheFor(syntax: LanguageSyntax, afterCode: boolean): Map<string, LineReading> {
  if (syntax !== lastSyntax) {
    let pair = caches.get(syntax);
    if (!pair) caches.set(syntax, (pair = [new Map(), new Map()]));
    lastSyntax = syntax;
    lastPair = pair;
  }
  return lastPair[afterCode ? 1 : 0];
}

function weigh(line: string, syntax: LanguageSyntax, ending: Ending, afterCode: boolean): LineReading {
  const facts = new LineFacts(line, syntax, ending);
  const verdicts: Verdict[] = [];
  for (const rule of RULES) {
    const found = rule(facts);
    if (found) verdicts.push(found);
  }
  // Without a strong verdict or a prose one, every verdict left is a weak code signal.
  let decided = verdicts.find((v) => v.strong) ?? verdicts.find((v) => v.kind !== 'code');
  if (!decided && verdicts.length >= 2 && !afterCode) decided = verdicts[0];
  if (!decided) {
    const evidence = afterCode && verdicts.length > 0 ? 'follows code, which weak code signals do not extend' : verdicts.length > 0 ? 'one weak code signal is not enough' : 'a short line with no other evidence';
    decided = { rule: afterCode && verdicts.length > 0 ? 'neighbours' : 'short-line', kind: proseKind(facts), strong: false, evidence };
    verdicts.push(decided);
  }
  const kind = decided.kind;
  // A paragraph read by a sign of a sentence (`sentenceSign`), not by its stop or its markup, could
  // be a heading: the other reading is put beside it, so the line is reported.
  if (kind === 'paragraph' && decided.rule !== 'sentence-end' && proseKind(facts) === 'paragraph' && facts.ending === 'none' && facts.tokens <= HEADING_MAX_WORDS) {
    const sign = facts.shape.codeTokens + facts.shape.bracketed + facts.shape.urls === 0 ? sentenceSign(facts) : undefined;
    if (sign !== undefined) verdicts.push({ rule: 'short-line', kind: 'heading', strong: false, evidence: `a short line without a stop, as headings are; read as a sentence by ${sign}` });
  }
  // Code on weak signals alone (`set -euo pipefail first`) could as well be a heading: reported too.
  return { kind, decidedBy: decided, verdicts, ambiguous: (kind === 'code' && !decided.strong) || verdicts.some((v) => v.kind !== kind) };
}

/** The kind of a lone line; see `readLoneLine`. */
export function classifyLoneLine(line: string, language: string, afterCode = false): LoneLineKind {
  return readLoneLine(line, language, afterCode).kind;
}

/** What a line was read as, by which rule, and which rules disagreed. */
export function describeReading(reading: LineReading): string {
  const { kind, decidedBy } = reading;
  const others = reading.verdicts.filter((v) => v.kind !== kind).map((v) => `${v.rule} says ${v.kind} (${v.strong ? '' : 'weakly: '}${v.evidence})`);
  const read = `read as ${kind === 'code' ? 'code' : `a ${kind}`} by rule ${decidedBy.rule} (${decidedBy.evidence})`;
  if (others.length > 0) return `${read}, but ${others.join('; ')}`;
  const weak = reading.verdicts.filter((v) => v !== decidedBy).map((v) => `${v.rule} (${v.evidence})`);
  return `${read} and ${weak.join('; ')}, weak signals only: it could be a heading`;
}
