import type { Block, ImageSource, PostMeta } from '@alphanode/parser';
import { HOSTILE_SUFFIXES, type Mixer } from './hostile.ts';
import { hex } from './images.ts';
import { summary, type Subject } from './prose.ts';
import type { Rng } from './rng.ts';
import { COMMON_TOOLS, type Stack } from './stacks.ts';
import { ACTIONS, AI_BRIEFS, CHECKLIST_HEADING, DIFFICULTIES, FINAL_HEADING, GENERATOR, NOTES, STATUSES } from './topics.ts';

export interface MetaOptions {
  subject: Subject;
  stack: Stack;
  codeLanguage: string;
  body: readonly Block[];
  /** The post's own number, which `reference`, `payload.source id` and `payload.seed` repeat. */
  number: number;
  mix: Mixer;
  /** Whether the fields a lint checks the shape of (`reference`, `hash`, `revision.version`) may break it. */
  hostile: boolean;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** The facts the post format (docs/post-format.md) ties to the body, read off the body itself so that they cannot disagree. */
function bodyFacts(body: readonly Block[]) {
  const final = body.findIndex((block) => block.type === 'heading' && block.text === FINAL_HEADING);
  const paragraphs = (final < 0 ? body : body.slice(0, final)).filter((block) => block.type === 'paragraph').length;
  const checklistAt = body.findIndex((block) => block.type === 'heading' && block.text === CHECKLIST_HEADING);
  const list = checklistAt < 0 ? undefined : body.slice(checklistAt + 1).find((block) => block.type === 'list');
  const images: ImageSource[] = [];
  for (const block of body) {
    if (block.type === 'image') images.push({ source: block.source, url: block.url ?? '', caption: block.caption });
  }
  const words = body.reduce((sum, block) => sum + (block.type === 'paragraph' ? block.text.split(' ').length : 0), 0);
  return { paragraphs, checklist: list?.type === 'list' ? [...list.items] : [], images, words };
}

/** A value that a lint checks the shape of, now and then broken in a hostile post. */
function shaped(rng: Rng, value: string, hostile: boolean): string {
  return hostile && rng.chance(0.25) ? value + rng.pick(HOSTILE_SUFFIXES) : value;
}

/** The meta block of a generated post, consistent with its body as the post format's cross-field facts ask. */
export function buildMeta(rng: Rng, options: MetaOptions): PostMeta {
  const { subject, stack, mix, number } = options;
  const facts = bodyFacts(options.body);
  const tools = [...rng.sample(stack.tools, rng.int(2, 4)), ...rng.sample(COMMON_TOOLS, rng.int(1, 2))];
  const reviewed = `${rng.int(2019, 2026)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;
  const meta: PostMeta = {
    topic: `${mix.line(subject.problem)} / ${subject.stack}`,
    summary: mix.line(summary(rng, subject)),
    aiOutline: {
      context: mix.line(subject.scenario),
      problem: mix.line(subject.problem),
      stack: mix.line(subject.stack),
      recommendedAction: mix.line(rng.pick(ACTIONS)),
    },
    aiBrief: mix.line(rng.pick(AI_BRIEFS)),
    stack: [stack.name, stack.area, stack.language].map((item) => mix.line(item)),
    tools: tools.map((tool) => mix.line(tool)),
    codeLanguage: options.codeLanguage,
    difficulty: mix.line(rng.pick(DIFFICULTIES)),
    readingTime: Math.max(1, Math.round(facts.words / 200) + rng.int(1, 6)),
    viewCount: rng.int(0, 250_000),
    score: { quality: rng.int(55, 99), freshness: rng.int(40, 99), depth: rng.int(50, 99), clarity: rng.int(50, 99) },
    revision: {
      status: mix.line(rng.pick(STATUSES)),
      version: shaped(rng, `${rng.int(0, 3)}.${rng.int(0, 9)}.${rng.int(0, 12)}`, options.hostile),
      lastReviewed: reviewed,
    },
    reference: shaped(rng, `anp-ref-${pad(number, 6)}-${pad(rng.int(0, 9999), 4)}`, options.hostile),
    hash: shaped(rng, hex(rng, 24), options.hostile),
    flags: {
      aiGeneratedStyle: rng.chance(0.9),
      hasImages: facts.images.length > 0,
      imageHeavy: facts.images.length >= 3,
      needsHumanReview: options.hostile || rng.chance(0.1),
    },
    checklist: facts.checklist,
    entities: [
      { name: mix.line(stack.name), type: mix.line('stack') },
      { name: mix.line(stack.area), type: mix.line('area') },
      { name: mix.line(subject.problem), type: mix.line('problem') },
    ],
    payload: {
      sourceId: mix.line(`alphanode-${pad(number, 6)}`),
      generator: mix.line(GENERATOR),
      paragraphs: facts.paragraphs,
      scenario: mix.line(subject.scenario),
      seed: number,
    },
    notes: rng.sample(NOTES, rng.int(1, NOTES.length)).map((note) => mix.line(note)),
  };
  if (facts.images.length > 0) {
    // Inserted before payload so that JSON output lists the fields in the format's order.
    const { payload, notes, ...head } = meta;
    return { ...head, imageSources: facts.images, payload, notes };
  }
  return meta;
}
