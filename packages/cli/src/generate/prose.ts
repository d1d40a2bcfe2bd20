import type { Rng } from './rng.ts';

/** What a template may name; `{problem}` and the like are replaced by these. */
export interface Subject {
  problem: string;
  stack: string;
  scenario: string;
}

export const TITLES: readonly string[] = [
  'production checklist for {problem} in {stack}',
  'practical guide to {problem} with {stack}',
  'a field guide to {problem} for {stack}',
  '{problem} in {stack}, step by step',
  'notes on {problem} with {stack} {scenario}',
  'what we learned {problem} in {stack}',
];

const INTROS: readonly string[] = [
  'a reliable {stack} setup is less about clever code and more about repeatable habits. in this guide, we look at {problem} {scenario} and keep the steps focused on production work.',
  'when a project grows, {problem} stops being a small cleanup task and becomes part of the way the team ships software. this alphanode note walks through a practical approach to {stack} {scenario}.',
  'most {stack} teams meet {problem} the same way: a dashboard turns red and nobody remembers the last change. this note is about doing the work calmly {scenario}.',
];

const PARAGRAPHS: readonly string[] = [
  'developer experience also matters. if the setup requires five manual steps, put those steps in a command, a make target, or a short runbook. small automation saves time every time the project is moved to another machine.',
  'when the feature touches user input, validate at the boundary and keep error messages specific. a good error message should explain what failed, what value was expected, and whether the request can be retried safely.',
  'treat staging as a rehearsal, not just a place to click around. copy the important configuration, test the real deployment command, and confirm that a rollback can be executed without searching through old notes.',
  'keep the implementation boring on purpose. a clear function name, a small configuration array, and one predictable code path will usually survive future maintenance better than a clever abstraction that only one developer understands.',
  'cache rules should be written for people who will debug them later. name the rule, document the bypass conditions, and include examples of pages that should and should not be cached.',
  'large content sites need predictable background work. queues, cron events, and import scripts should be idempotent, logged, and safe to run again. that makes recovery much easier when a request stops halfway through.',
  'database changes need extra care. check the existing indexes, inspect the query plan, and test the migration on a copy of real data. the fastest query in development can still become the slowest request in production.',
  'measure before changing anything. record the current latency, error rate, and cost for {problem}, so that the result of the change can be compared with something real.',
  'roll the change out in stages. start with internal traffic, then a small share of users, and widen only when the numbers hold; {scenario}, that pace is what keeps an incident small.',
  'write the alert before the fix. if nobody would have noticed the regression, nobody will notice the next one either, so add the check that would have caught it.',
];

const SUFFIXES: readonly string[] = [
  ' for this {stack} case, keep the owner, expected result, and rollback note in the same place.',
  ' the alphanode approach is to prefer a small verified change over a broad rewrite.',
  ' {scenario}, this matters more than usual.',
];

const FINALS: readonly string[] = [
  'the best result is not only a faster or cleaner {stack} implementation. it is a change that another developer can inspect, understand, and safely repeat. keep the final commands, metrics, and assumptions close to the article so future maintenance is easier.',
  '{problem} is never finished, but it can be made routine. keep the checklist, rerun the measurements after each release, and update this note when the numbers move.',
];

const SUMMARIES: readonly string[] = [
  'this ai-style technical summary explains {problem} in {stack}, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.',
  'a short, production-minded walk through {problem} for {stack} {scenario}, from the first measurement to the rollback plan.',
];

/** Fills `{problem}`, `{stack}` and `{scenario}` in a template. */
export function fill(template: string, subject: Subject): string {
  return template.replace(/\{(problem|stack|scenario)\}/g, (_, key: keyof Subject) => subject[key]);
}

export const intro = (rng: Rng, subject: Subject): string => fill(rng.pick(INTROS), subject);
export const finalParagraph = (rng: Rng, subject: Subject): string => fill(rng.pick(FINALS), subject);
export const summary = (rng: Rng, subject: Subject): string => fill(rng.pick(SUMMARIES), subject);

/** `count` distinct body paragraphs, some with the stack-specific tail the seeds add. */
export function paragraphs(rng: Rng, subject: Subject, count: number): string[] {
  return rng.sample(PARAGRAPHS, count).map((text) => fill(rng.chance(0.3) ? text + rng.pick(SUFFIXES) : text, subject));
}
