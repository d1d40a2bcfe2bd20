import type { Layout, Post } from '@alphanode/parser';
import { buildBody } from './build-body.ts';
import { buildMeta } from './build-meta.ts';
import { SNIPPETS } from './code-snippets.ts';
import { createMixer, HOSTILE_LANGUAGE_SUFFIXES } from './hostile.ts';
import { imageCount } from './images.ts';
import { fill, TITLES, type Subject } from './prose.ts';
import type { Rng } from './rng.ts';
import { STACKS } from './stacks.ts';
import { PROBLEMS, SCENARIOS } from './topics.ts';

/** Configures `generatePost`: whether to mix hostile text into the post, to test escaping and parsing. */
export interface GeneratePostOptions {
  /** Mix hostile text (markup, script URLs, unicode tricks) into the text fields. Default false. */
  hostile?: boolean;
}

function subjectOf(rng: Rng, stack: string): Subject {
  return { problem: rng.pick(PROBLEMS), stack, scenario: rng.pick(SCENARIOS) };
}

/**
 * One synthetic post, every choice drawn from `rng`. A plain post passes `PostSchema` and `lintPost`
 * finds nothing in it; a hostile one passes `PostSchema` too, and a lint finds at most `value-format`
 * warnings, where a hostile `reference`, `hash` or `revision.version` was chosen.
 *
 * @example
 * const post = generatePost(createRng(42), { hostile: true });
 * stringifyPost(post); // the post in the format
 */
export function generatePost(rng: Rng, options: GeneratePostOptions = {}): Post {
  const hostile = options.hostile === true;
  const mix = createMixer(rng, hostile);
  const stack = rng.pick(STACKS);
  const subject = subjectOf(rng, stack.name);
  const language = rng.pick(stack.codeLanguages);
  const sections = rng.int(1, 3);
  const snippets = rng.sample(SNIPPETS[language] ?? [], Math.min(sections, rng.pick([0, 1, 1, 1, 2, 2])));
  // A language the parser does not know leaves only the code shapes common to all languages, which
  // portable snippets are written to rely on.
  const portable = snippets.every((snippet) => snippet.portable !== false);
  const codeLanguage = hostile && portable && rng.chance(0.3) ? language + rng.pick(HOSTILE_LANGUAGE_SUFFIXES) : language;
  const body = buildBody(rng, {
    subject,
    language,
    codeLanguage,
    snippets,
    sections,
    images: imageCount(rng),
    checklist: rng.chance(0.9),
    mix,
  });
  const meta = buildMeta(rng, { subject, stack, codeLanguage, body, number: rng.int(1, 999_999), mix, hostile });
  const title = mix.line(fill(rng.pick(TITLES), subject));
  const similar = Array.from({ length: rng.int(0, 5) }, () => mix.line(fill(rng.pick(TITLES), subjectOf(rng, rng.pick(STACKS).name))));
  const post: Post = { title, body, meta, similar };
  if (hostile) {
    // Layout quirks the format allows, which a renderer must not trip on: no breadcrumb line, a final newline.
    const layout: Layout = {};
    if (rng.chance(0.2)) layout.breadcrumb = false;
    if (rng.chance(0.2)) layout.finalNewline = true;
    if (Object.keys(layout).length > 0) post.layout = layout;
  }
  return post;
}
