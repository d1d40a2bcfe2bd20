// A runtime-neutral smoke test of the bundled worker, for runtimes vitest does not run in:
//   bun test/runtime-smoke.js dist/worker.js
//   deno run --allow-read test/runtime-smoke.js dist/worker.js
//   node test/runtime-smoke.js dist/worker.js
// It imports the bundle, calls its `fetch` as the runtime's server would, checks the contract's
// main points, prints one line per check and `N passed, N failed`, and exits 1 on a failure.
// Plain JavaScript and Web APIs only, so that every runtime runs it as it is.
/* global Request */
const runtime = globalThis.Deno ? `deno ${globalThis.Deno.version.deno}` : globalThis.Bun ? `bun ${globalThis.Bun.version}` : `node ${globalThis.process?.version}`;
const args = globalThis.Deno ? globalThis.Deno.args : globalThis.process.argv.slice(2);
const cwd = globalThis.Deno ? globalThis.Deno.cwd() : globalThis.process.cwd();
const exit = (code) => (globalThis.Deno ? globalThis.Deno.exit(code) : globalThis.process.exit(code));

const bundle = new URL(args[0] ?? 'dist/worker.js', `file://${cwd}/`);
const worker = (await import(bundle.href)).default;
const call = (path, init) => worker.fetch(new Request(`https://edge.example${path}`, init), {});

let passed = 0;
let failed = 0;
function check(name, actual, expected) {
  const ok = actual === expected;
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`}`);
}

const home = await call('/');
const homeHtml = await home.text();
check('GET / is 200', home.status, 200);
check('GET / has the home rule', home.headers.get('x-cache-rule'), 'home');
check('GET / lists 32 posts', homeHtml.match(/href="\/posts\//g)?.length, 32);
const slug = /href="\/posts\/([^"]+)"/.exec(homeHtml)?.[1];
const topic = /href="\/topics\/([^"]+)"/.exec(homeHtml)?.[1];
const stylesheet = /href="(\/assets\/[^"]+)"/.exec(homeHtml)?.[1];

const post = await call(`/posts/${slug}`);
const etag = post.headers.get('etag');
check('a post is HTML', post.headers.get('content-type'), 'text/html; charset=utf-8');
check('a post has the browser lifetime', post.headers.get('cache-control'), 'max-age=60');
check('a post has the edge lifetime', post.headers.get('cloudflare-cdn-cache-control'), 'max-age=3600, stale-while-revalidate=300, stale-if-error=86400');
check('a post carries its own purge key first', post.headers.get('cache-tag')?.split(',')[0], `post-${slug}`);
check('a post starts with a doctype', (await post.text()).startsWith('<!DOCTYPE html>'), true);
const json = await call(`/posts/${slug}.json`);
check('the JSON is a Post', typeof (await json.json()).meta?.topic, 'string');
check('a topic listing has its keys', (await call(`/topics/${topic}`)).headers.get('cache-tag'), `topic-${topic},listings`);
check('the stylesheet is immutable', (await call(stylesheet)).headers.get('cache-control'), 'max-age=31536000, immutable');
check('healthz answers ok', await (await call('/healthz')).text(), 'ok\n');
check('a missing post is 404', (await call('/posts/no-such-post')).status, 404);
const notModified = await call(`/posts/${slug}`, { headers: { 'if-none-match': etag } });
check('If-None-Match gives 304', notModified.status, 304);
check('a 304 has no body', await notModified.text(), '');
check('a session is private, no-store', (await call(`/posts/${slug}`, { headers: { cookie: 'session=abc' } })).headers.get('cache-control'), 'private, no-store');
check('HEAD has no body', await (await call(`/posts/${slug}`, { method: 'HEAD' })).text(), '');
check('POST is 405', (await call(`/posts/${slug}`, { method: 'POST', body: 'x' })).status, 405);

console.log(`${runtime}: ${passed} passed, ${failed} failed`);
exit(failed === 0 ? 0 : 1);
