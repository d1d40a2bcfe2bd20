import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { loadPosts } from '@alphanode/parser/node';
import { assignSlugs, siteRoutesFor, slugify } from '@alphanode/site';

/**
 * The page URL of every post in `contentDir`, as the Express example serves them: slugs from the
 * site's `assignSlugs`, each post claiming by its file name (the example's ids, which settle who
 * keeps a slug two titles share), and URLs from the routes of the rules' `post.path`.
 */
export async function postPaths(contentDir: string, rulesYaml: string): Promise<string[]> {
  const posts: { id: string; title: string }[] = [];
  for await (const { file, result } of loadPosts('*.txt', { cwd: contentDir })) if (result.ok) posts.push({ id: file, title: result.post.title });
  const { slugs } = assignSlugs(posts.map(({ id, title }) => ({ id, base: slugify(title) })));
  const routes = siteRoutesFor(compileRulesOrThrow(rulesYaml, { file: 'rules.yaml' }));
  return posts.map(({ id }) => routes.postUrl(slugs.get(id) as string));
}
