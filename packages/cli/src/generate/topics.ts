/** What posts are about, and the fixed phrases the content synthesizer repeats from post to post. */

export const PROBLEMS: readonly string[] = [
  'improving asset delivery',
  'reducing cold starts',
  'cutting database load',
  'hardening file uploads',
  'speeding up ci pipelines',
  'tightening cache invalidation',
  'taming background jobs',
  'lowering memory usage',
  'making deploys reversible',
  'tracing slow requests',
  'rotating secrets safely',
  'shrinking container images',
  'handling traffic spikes',
  'cleaning up feature flags',
  'fixing flaky tests',
  'migrating a legacy schema',
];

export const SCENARIOS: readonly string[] = [
  'behind a cdn',
  'for a team that ships daily',
  'on a tight budget',
  'during a traffic spike',
  'after a failed release',
  'with a small on-call rotation',
  'across two regions',
  'in a monorepo',
  'for a content-heavy site',
  'under a compliance review',
];

export const ACTIONS: readonly string[] = [
  'measure first, change carefully, document the result',
  'start with the slowest path and keep a rollback ready',
  'automate the check before automating the fix',
  'ship the smallest change that can be measured',
  'write the runbook before the migration',
];

/** Section headings between the introduction and the checklist: short, unpunctuated, and not code in any language the posts use. */
export const SECTION_HEADINGS: readonly string[] = [
  'the practical approach',
  'production checks',
  'what to measure',
  'common mistakes',
  'before you start',
  'a safer rollout',
  'where the time goes',
  'keeping it maintainable',
  'testing the change',
  'monitoring after release',
];

/** The two headings the meta refers to: the checklist's list, and the end of the counted paragraphs. */
export const CHECKLIST_HEADING = 'implementation checklist';
export const FINAL_HEADING = 'final notes';

export const CHECKLIST_ITEMS: readonly string[] = [
  'inspect cache headers',
  'test logged-in traffic',
  'purge only the affected route',
  'measure response time',
  'keep a rollback command ready',
  'record the baseline numbers',
  'check the error budget',
  'review the query plan',
  'run the migration on a copy',
  'confirm alerts fire in staging',
  'write down the owner',
  'announce the change window',
];

export const DIFFICULTIES: readonly string[] = ['beginner', 'beginner', 'intermediate', 'advanced'];
export const STATUSES: readonly string[] = ['draft', 'expanded', 'reviewed', 'published'];
export const GENERATOR = 'anp content synthesizer';

export const NOTES: readonly string[] = [
  'sanitized array meta is expected to render as a list in the frontend box',
  'view count is synthetic and only used for testing meta volume',
  'content is generated for import/load testing and should be reviewed before indexing',
];

export const AI_BRIEFS: readonly string[] = [
  'the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.',
  'the draft favours small verified steps over rewrites, and keeps rollback notes next to every command it suggests.',
  'this note reads like a checklist-driven review: each section names what to measure before and after the change.',
];
