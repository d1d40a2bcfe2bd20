import type { Block } from '@alphanode/parser';
import { COMMANDS, KEYWORD_HEADINGS, LEAD_INS, MARKUP_PROSE, ONE_WORD_HEADINGS } from './body-shapes.ts';
import type { Snippet } from './code-snippets.ts';
import type { Mixer } from './hostile.ts';
import { imageSource } from './images.ts';
import { fill, finalParagraph, intro, paragraphs, type Subject } from './prose.ts';
import type { Rng } from './rng.ts';
import { CHECKLIST_HEADING, CHECKLIST_ITEMS, FINAL_HEADING, SECTION_HEADINGS } from './topics.ts';

export interface BodyOptions {
  subject: Subject;
  /** The language the snippets are in, for the hostile comment line. */
  language: string;
  /** The meta `code language`, which every code block repeats as `lang`. */
  codeLanguage: string;
  /** At most one per section; the caller picks no more snippets than there are sections. */
  snippets: readonly Snippet[];
  sections: number;
  images: number;
  checklist: boolean;
  mix: Mixer;
}

/** Spreads `count` images over `slots` places; images that land on one slot stand together. */
function spread(rng: Rng, count: number, slots: number): number[] {
  const at = new Array<number>(slots).fill(0);
  for (let i = 0; i < count; i++) {
    const slot = rng.int(0, slots - 1);
    at[slot] = (at[slot] ?? 0) + 1;
  }
  return at;
}

/**
 * A section's heading: usually a stock one, now and then one that opens with a keyword of the
 * language, or one word; never one the post already has, since a page's sections need distinct names.
 */
function sectionHeading(rng: Rng, stock: string, language: string, used: Set<string>): string {
  const fresh = (headings: readonly string[]) => headings.filter((heading) => !used.has(heading));
  const keyword = fresh(KEYWORD_HEADINGS[language] ?? []);
  const oneWord = fresh(ONE_WORD_HEADINGS);
  let heading = stock;
  if (keyword.length > 0 && rng.chance(0.25)) heading = rng.pick(keyword);
  else if (rng.chance(0.1)) heading = rng.pick(oneWord);
  used.add(heading);
  return heading;
}

/**
 * The body, laid out like the seeds: an introduction, sections under short headings with prose,
 * code and images, the implementation checklist (images may follow its list with no blank line),
 * and final notes. The two fixed headings are never made hostile, because the meta's paragraph count
 * and checklist are defined by them. Now and then a section has the shapes imported posts have and
 * the seeds do not (body-shapes.ts): a keyword or one-word heading, prose with markup and no final
 * stop, a lead-in ending with `:` before code, a one-line command.
 */
export function buildBody(rng: Rng, options: BodyOptions): Block[] {
  const { subject, mix } = options;
  const perSection = Array.from({ length: options.sections }, () => rng.int(1, 3));
  const introExtra = rng.chance(0.3) ? 1 : 0;
  const pool = paragraphs(rng, subject, introExtra + perSection.reduce((a, b) => a + b, 0));
  const imagesAt = spread(rng, options.images, options.sections + (options.checklist ? 2 : 1));
  const codeIn = new Set(rng.sample([...perSection.keys()], options.snippets.length));
  const commandIn = rng.chance(0.4) ? rng.int(0, options.sections - 1) : -1;
  const markupIn = rng.chance(0.35) ? rng.int(0, options.sections - 1) : -1;
  const snippets = [...options.snippets];
  const blocks: Block[] = [];
  let imageNumber = 0;

  const paragraph = (text: string) => blocks.push({ type: 'paragraph', text: mix.paragraph(text) });
  const code = (text: string) => blocks.push({ type: 'code', code: mix.code(text, options.language), lang: options.codeLanguage });
  const images = (count: number) => {
    for (let i = 0; i < count; i++) {
      // The number stays in the caption whatever the mixer adds, so captions stay unique in a post.
      const caption = mix.line(`${subject.problem} with ${subject.stack} visual reference ${++imageNumber}`);
      const { source, url } = imageSource(rng, caption);
      blocks.push({ type: 'image', caption, source: mix.line(source), url: mix.url(url) });
    }
  };

  paragraph(intro(rng, subject));
  if (introExtra) paragraph(pool.pop() as string);
  images(imagesAt[0] ?? 0);
  const stock = rng.sample(SECTION_HEADINGS, options.sections);
  const used = new Set(stock);
  stock.forEach((heading, section) => {
    blocks.push({ type: 'heading', text: mix.heading(sectionHeading(rng, heading, options.language, used)) });
    const count = perSection[section] ?? 1;
    const codeAfter = codeIn.has(section) ? rng.int(0, count - 1) : -1;
    // A command stands after another paragraph than the snippet does, so two code blocks never meet.
    const commandAfter = section === commandIn && count > (codeAfter < 0 ? 0 : 1) ? (codeAfter + 1 + rng.int(0, count - 2)) % count : -1;
    if (section === markupIn) paragraph(fill(rng.pick(MARKUP_PROSE), subject));
    for (let i = 0; i < count; i++) {
      paragraph(pool.pop() as string);
      if (i === commandAfter) code(rng.pick(COMMANDS[options.language] ?? ['make']));
      if (i !== codeAfter) continue;
      if (rng.chance(0.4)) blocks.push({ type: 'paragraph', text: fill(rng.pick(LEAD_INS), subject) });
      code((snippets.pop() as Snippet).code);
    }
    images(imagesAt[section + 1] ?? 0);
  });
  if (options.checklist) {
    blocks.push({ type: 'heading', text: CHECKLIST_HEADING });
    blocks.push({ type: 'list', items: rng.sample(CHECKLIST_ITEMS, rng.int(3, 6)).map((item) => mix.line(item)) });
    images(imagesAt[options.sections + 1] ?? 0);
  }
  blocks.push({ type: 'heading', text: FINAL_HEADING });
  paragraph(finalParagraph(rng, subject));
  // Prose after "final notes" is not counted in payload.paragraphs; some posts have it, to keep that rule honest.
  if (rng.chance(0.15)) paragraph(finalParagraph(rng, subject));
  return blocks;
}
