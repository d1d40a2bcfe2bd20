import type { CodeInfo } from '@alphanode/parser';
import type { BuildErrorCode } from './build-error.ts';
import type { SiteDiagnostic } from './build-summary.ts';

/** Why `buildSite` could not run at all: the source of the error-code table in the docs. */
export const BUILD_ERROR_CODES = {
  'invalid-rules': { meaning: 'The rules given to the build did not compile; the message lists the diagnostics.', fix: 'Run `alphanode rules lint` on the file and fix what it reports.', retry: 'no' },
  'invalid-base-url': { meaning: 'The base URL is not an absolute http(s) URL without a query or fragment.', fix: 'Give the deployed origin, e.g. --base-url https://example.com (a path prefix such as /blog is kept).', retry: 'no' },
  'invalid-page-size': { meaning: 'The posts per listing page (settings.pageSize) is not a whole number from 1.', fix: 'Give a whole number of posts, e.g. 20 (the default).', retry: 'no' },
  'build-running': { meaning: 'Another build holds the output folder\'s lock.', fix: 'Wait for it to finish; a lock left by a dead process is taken over on the next run.', retry: 'sometimes' },
} as const satisfies Record<BuildErrorCode, CodeInfo>;

/** The build's own warnings (`SiteDiagnostic.code`), beside the parser's diagnostics in `BuildSummary.diagnostics`. */
export const SITE_DIAGNOSTIC_CODES = {
  'duplicate-slug': { meaning: 'Several posts have titles that slugify alike; the smallest id (its file path) keeps the slug, the others get a suffix from their own id.', fix: 'Nothing, or retitle a post for a cleaner URL.', retry: 'no' },
  'topic-slug-collision': { meaning: 'Several topics slugify alike; each is given its own URL.', fix: 'Nothing, or rename a topic.', retry: 'no' },
  'page-replaced': { meaning: 'A post did not build this run and another post now has its URL.', fix: 'Fix the post the message names to bring it back.', retry: 'no' },
  'headers-cap': { meaning: 'The pages\' purge keys do not fit the host\'s documented _headers limits (Cloudflare Pages: 100 rules, 2,000 characters a line), so every page\'s key block is left out of _headers, and a tag purge reaches none of the pages served from it.', fix: 'Serve the pages through the edge worker (examples/edge), which sends each page\'s keys; or purge by URL.', retry: 'no' },
  'no-base-url': { meaning: 'No base URL was given, so sitemap.xml, the feeds and robots.txt were left out.', fix: 'Pass --base-url (buildSite settings.baseUrl).', retry: 'no' },
} as const satisfies Record<SiteDiagnostic['code'], CodeInfo>;
