/**
 * Body lines that are hard to classify, as imported posts have them: headings that open with a
 * keyword of the post's language, one-word headings, short commands that read like prose, prose with
 * markup and no final stop, and lead-ins that end with `:`. Every line here reads back as what it is
 * (docs/post-format.md has the grammar), which the generator tests check through `PostSchema`.
 */

/** Headings that open with a keyword of the language (or a tool its posts use), by `code language`. */
export const KEYWORD_HEADINGS: Readonly<Record<string, readonly string[]>> = {
  python: ['return on investment', 'class of service', 'with great power comes a bigger cache', 'from zero to production'],
  go: ['go modules in practice', 'select statements in depth', 'type safety at the boundary', 'defer and recover'],
  bash: ['make it fast', 'set up the runner', 'for every host in the fleet', 'if the disk fills up'],
  typescript: ['let it crash', 'async all the way down', 'type safety at the boundary', 'new features worth using'],
  javascript: ['function over form', 'new features worth using', 'this in arrow functions', 'import maps in the browser'],
  rust: ['match arms explained', 'use the type system', 'let it fail loudly', 'impl blocks and traits'],
  toml: ['features and what they turn on'],
  php: ['namespace collisions in legacy code', 'abstract classes and interfaces', 'static analysis with phpstan'],
  sql: ['select the right index', 'update strategies for large tables', 'with great power comes a long transaction'],
  yaml: ['probes that do not lie'],
  dockerfile: ['run as a non-root user', 'copy only what you need', 'from scratch or distroless'],
  ruby: ['class of service', 'begin with the tests', 'module boundaries in rails apps'],
  java: ['package by feature', 'public api design', 'new objects are cheap'],
  csharp: ['using directives and global usings', 'var or explicit types', 'public api surface'],
};

export const ONE_WORD_HEADINGS: readonly string[] = ['benchmarks', 'troubleshooting', 'prerequisites', 'results', 'background', 'caching', 'monitoring'];

/** One-line commands shown as a code block of their own, by `code language`; each reads as code in any language. */
export const COMMANDS: Readonly<Record<string, readonly string[]>> = {
  python: ['pytest -q', 'pip install -r requirements.txt', 'python manage.py migrate'],
  go: ['go test ./...', 'go mod tidy', 'go run ./cmd/server'],
  bash: ['make', 'ls -la', 'make test'],
  typescript: ['npm test', 'pnpm build', 'npx vitest run'],
  javascript: ['npm test', 'npm run build', 'node server.js'],
  rust: ['cargo test', 'cargo build --release'],
  toml: ['cargo update -p serde'],
  php: ['composer install --no-dev', 'wp cache flush'],
  sql: ['psql -f migrate.sql'],
  yaml: ['kubectl apply -f deploy.yaml', 'helm upgrade --install app ./chart'],
  dockerfile: ['docker build -t app:candidate .'],
  ruby: ['bundle exec rspec', 'rails db:migrate'],
  java: ['./gradlew build', 'mvn clean install'],
  csharp: ['dotnet test', 'dotnet ef database update'],
};

/** Paragraphs that end with `:` and lead into the code after them. */
export const LEAD_INS: readonly string[] = [
  'here is the {stack} handler we ended up with:',
  'the configuration we settled on for {stack} looks like this:',
  'the smallest change that fixed {problem} was this one:',
];

/**
 * Prose with brackets, `=`, `<`, URLs or inline code and no final stop. Each has ten words or more
 * and one markup token, so a hostile fragment mixed in still leaves a line of prose.
 */
export const MARKUP_PROSE: readonly string[] = [
  'we pin every dependency of the {stack} service in the lockfile (see the docs)',
  'set cache-control to max-age=60 for html pages and to a year for hashed assets',
  'latency for {problem} stays < 100ms on most routes once the pool is warm',
  'the runbook lives at https://wiki.example.com/runbooks and every step in it has an owner',
  'run `make test` before you push, since the suite takes about a minute on a laptop',
  'the worker reads BATCH_SIZE=500 from the environment and falls back to 100 when it is unset',
];
