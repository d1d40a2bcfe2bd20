/**
 * Whether one line, standing alone between blank lines, reads as source code in the post's language.
 *
 * The format marks code with nothing but its content, so a lone line such as `package main` or
 * `set -euo pipefail` would pass for a heading. Each language lists the opening shapes its code has
 * and prose rarely does; the patterns are anchored and free of nested quantifiers, so they run in time
 * linear in the line.
 */
const LANGUAGE_PATTERNS: Readonly<Record<string, readonly RegExp[]>> = {
  go: [/^(package|import) [\w"(]/, /^func\b/, /^(type|var|const) \w+ /, /^(defer|go) \w/],
  python: [/^from \S+ import /, /^import \w/, /^(async )?(def|class) \w/, /^(return|raise|pass|yield|await|print)\b/, /:$/],
  shell: [/^(set -|export |echo |cd |sudo |source |exec |\.\/)/, /^(fi|done|esac|then|do|else)$/, /^(npm|npx|pnpm|yarn|git|docker|kubectl|curl|make|apt-get|apt|pip) /],
  js: [/^(const|let|var|function|export|import|return|await|async|class|interface|type|enum) /, /^(module\.exports|require)\b/],
  rust: [/^(fn|let|use|mod|pub|impl|struct|enum|match|trait) /],
  php: [/^<\?php/, /^(namespace|use|function|echo|return|require|include) /],
  ruby: [/^(def|class|module|require|puts|attr_\w+) /, /^end$/],
  java: [/^(package|import|public|private|protected|class|interface|record) /],
  csharp: [/^(using|namespace|public|private|internal|class|var) /],
  sql: [/^(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|BEGIN|COMMIT|WITH|EXPLAIN|VACUUM|ANALYZE)\b/],
  yaml: [/^[\w.-]+:( |$)/, /^- /, /^---$/],
  dockerfile: [/^(FROM|RUN|COPY|ADD|CMD|ENV|WORKDIR|EXPOSE|ENTRYPOINT|ARG|USER|LABEL) /],
};

const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  golang: 'go',
  py: 'python',
  python3: 'python',
  bash: 'shell',
  sh: 'shell',
  zsh: 'shell',
  javascript: 'js',
  typescript: 'js',
  ts: 'js',
  node: 'js',
  nodejs: 'js',
  jsx: 'js',
  tsx: 'js',
  rs: 'rust',
  rb: 'ruby',
  kotlin: 'java',
  'c#': 'csharp',
  cs: 'csharp',
  postgresql: 'sql',
  postgres: 'sql',
  mysql: 'sql',
  yml: 'yaml',
  docker: 'dockerfile',
};

// Characters that prose headings do not use and code nearly always does.
const CODE_CHARACTERS = /[{}();=<>[\]`$\\|]/;
// Comment and shebang openings shared by many languages.
const CODE_OPENINGS = /^(#|\/\/|\/\*|--|<!--)/;

function patternsFor(language: string): readonly RegExp[] {
  const key = language.trim().toLowerCase();
  return LANGUAGE_PATTERNS[LANGUAGE_ALIASES[key] ?? key] ?? [];
}

export function isCodeLine(line: string, language: string): boolean {
  if (CODE_CHARACTERS.test(line) || CODE_OPENINGS.test(line)) return true;
  return patternsFor(language).some((pattern) => pattern.test(line));
}
