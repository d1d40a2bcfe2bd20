import { FUNCTION_WORDS } from './line-shape.ts';

/**
 * Command lines as posts show them in any language (`npm test`, `go test ./...`, `make`, `ls -la`):
 * short, with nothing but words in them, and easily taken for headings. A catalogue of tools and
 * their subcommands tells them apart from headings that open with a tool's name (`make it fast`,
 * `docker for beginners`).
 */

export type CommandReading = { strong: boolean; evidence: string } | undefined;

/** Subcommands (or make targets) per tool; `*` means any identifier may follow (`npx vitest`). */
const SUBCOMMANDS: Readonly<Record<string, string>> = {
  npm: 'install i ci test t run start publish init audit outdated update exec pack link ls version uninstall rebuild prune dedupe',
  pnpm: 'install i add remove rm test t run start build dev lint typecheck format exec dlx update up outdated publish why store bench',
  yarn: 'install add remove test run start build dev lint why upgrade dlx',
  bun: 'install add remove test run build x dev',
  go: 'build test run mod get install vet fmt generate work env version list tool clean doc',
  cargo: 'build test run check clippy fmt add install bench doc new init publish update tree b t r c',
  git: 'clone init add commit push pull fetch checkout switch branch merge rebase status log diff stash tag reset revert remote show bisect cherry-pick restore blame grep config worktree submodule clean',
  docker: 'build run compose push pull ps images exec logs stop rm rmi tag login inspect network volume system buildx start restart kill cp image container',
  kubectl: 'get apply describe delete logs exec rollout scale port-forward create edit patch top config drain cordon label annotate set explain diff',
  helm: 'install upgrade uninstall list repo template lint package rollback status history dependency show pull search',
  terraform: 'init plan apply destroy fmt validate import state output',
  pip: 'install uninstall freeze list show download wheel',
  pip3: 'install uninstall freeze list show download wheel',
  poetry: 'install add remove run lock update build publish shell show',
  uv: 'pip run sync add remove lock venv tool',
  bundle: 'install exec update add',
  rails: 'server s console c generate g new routes db:migrate db:seed db:rollback',
  composer: 'install require update dump-autoload create-project',
  php: 'artisan -r -S -m -v -l -a -i',
  mvn: 'clean install package test verify compile deploy',
  gradle: 'build test bootRun clean assemble check',
  dotnet: 'build run test new add restore publish ef watch tool',
  systemctl: 'start stop restart reload status enable disable daemon-reload',
  brew: 'install update upgrade uninstall services',
  apt: 'install update upgrade remove',
  'apt-get': 'install update upgrade remove',
  apk: 'add update upgrade del',
  wp: 'cache plugin theme core db option post user cron rewrite search-replace transient config',
  make: 'all build test check lint clean install run dev deploy release fmt format docs bench ci image docker up down migrate setup help dist watch serve start stop',
  npx: '*',
  bunx: '*',
  pytest: '*',
  rspec: '*',
  jest: '*',
  vitest: '*',
  phpunit: '*',
  ruff: '*',
  eslint: '*',
  tsc: '*',
  rake: '*',
};

/** Tools that take arguments but no subcommands: they read as code when the arguments look like arguments. */
const TOOLS = new Set(
  (
    'node deno python python3 ruby php java curl wget ssh scp rsync tar grep sed awk cat less tail head chmod chown mkdir rm cp mv ' +
    'touch ln find xargs sort uniq wc cut tr jq watch kill ps top htop du df free nc dig nslookup openssl ab hey wrk k6 ls pwd echo ' +
    'printf export unset source cd which whoami uptime nproc crontab gunicorn uvicorn celery flyway aws gcloud az heroku fly ' +
    'vercel netlify wrangler psql mysql redis-cli sqlite3 journalctl gofmt golangci-lint rustfmt black mypy prettier'
  ).split(' '),
);

/** Commands that are a whole line on their own (`make`, `ls`). */
const BARE = new Set(['ls', 'pwd', 'make', 'whoami', 'uptime', 'nproc', 'htop']);
/** Words that run the command after them. */
const PREFIXES = new Set(['sudo', 'time', 'nohup', 'env']);

// A flag, a path, a file name, a URL, a glob, a quoted string, a variable, a number, `key=value`,
// `name:tag`, `pkg@1`; not a word that ends a heading's lead-in with a colon (`composer scripts:`).
const ARGUMENT = /^(-|\.|~|\/|\$|\*|"|')|[/.=@*]|:(?!$)|^\d+$/;
/** Tools whose argument may be any name (`npx vitest`), not only a path or flag. */
const RUNS_A_PACKAGE = new Set(['npx', 'bunx']);
/** Plain words a test runner or linter takes as they are: its subcommands and the usual folders (`vitest run`, `pytest tests`, `eslint src`). */
const RUNNER_WORDS = new Set('run watch bench check format test tests spec specs src lib app packages build default routes release'.split(' '));
// A version or a count (`1.22`, `3`, `v20`): an argument to a tool (`kill 1234`), but in
// `go 1.22 loop variables` or `python 3 migration` the tool's name and version open a heading.
const VERSION = /^v?\d+(\.\d+){0,2}$/;
// A word as prose has it, which no command line would pass bare after a version.
const PLAIN_WORD = /^[a-z][a-z'-]*$/i;

const subcommandsOf = new Map(Object.entries(SUBCOMMANDS).map(([tool, list]) => [tool, new Set(list.split(' '))]));

function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase());
}

/**
 * Reads `line` as a command line: strong when the words after a known tool are its subcommands or
 * look like arguments, weak when they read as English (`make it fast`).
 */
export function readCommand(line: string): CommandReading {
  const tokens = line.split(' ').filter((token) => token !== '');
  let at = 0;
  while (at < tokens.length - 1 && PREFIXES.has(tokens[at] as string) && !tokens[at + 1]?.includes('=')) at++;
  if (tokens[at] === 'env') while (at < tokens.length - 1 && tokens[at + 1]?.includes('=')) at++;
  const tool = tokens[at] as string;
  if (tool.startsWith('./') && tool.length > 2) return { strong: true, evidence: `runs the local file \`${tool}\`` };
  const subcommands = subcommandsOf.get(tool);
  if (!subcommands && !TOOLS.has(tool)) return undefined;
  const args = tokens.slice(at + 1);
  if (args.length === 0) return BARE.has(tool) ? { strong: true, evidence: `\`${tool}\` alone` } : undefined;
  const first = args[0] as string;
  // A `*` tool runs what follows, but a plain word alone after a test runner or linter names its
  // subject (`pytest fixtures`, `eslint rules`): only npx and bunx take any word as a package.
  const anything = subcommands?.has('*') === true && /^[\w@./:-]+$/.test(first) && (RUNS_A_PACKAGE.has(tool) || !PLAIN_WORD.test(first) || RUNNER_WORDS.has(first) || args.length > 1);
  const known = subcommands !== undefined && (anything || subcommands.has(first));
  const prose = args.filter((arg) => isFunctionWord(arg) && !subcommands?.has(arg));
  if (prose.length > 0) return { strong: false, evidence: `\`${tool}\` followed by words such as "${prose[0]}"` };
  if (known) return { strong: true, evidence: `\`${tool} ${first}\`` };
  if (VERSION.test(first) && args.length > 1 && args.slice(1).every((arg) => PLAIN_WORD.test(arg))) {
    return { strong: false, evidence: `\`${tool} ${first}\` followed by words` };
  }
  if (args.some((arg) => ARGUMENT.test(arg))) return { strong: true, evidence: `\`${tool}\` with arguments` };
  return { strong: false, evidence: `\`${tool}\` followed by words` };
}

/** Whether a line's first word is a tool or a prefix this catalogue knows: the cheap test before `readCommand`. */
export function isCommandStart(firstWord: string): boolean {
  return subcommandsOf.has(firstWord) || TOOLS.has(firstWord) || PREFIXES.has(firstWord) || firstWord.startsWith('./');
}
