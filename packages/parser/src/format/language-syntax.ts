/**
 * What code looks like in each language a post's `code language` can name. A catalogue, so longer
 * than most files.
 *
 * `statements` are shapes of whole statements (`package main`, `from x import y`, `end`): a lone line
 * that matches one is code, strongly. `keywords` open statements: a line that merely starts with one
 * (`go modules in practice`, `return on investment`) is weak evidence, which prose outweighs. The
 * patterns are anchored and free of nested quantifiers, so they run in time linear in the line.
 */
export interface LanguageSyntax {
  keywords: ReadonlySet<string>;
  statements: readonly RegExp[];
  /** Other weak shapes: a YAML key with a sentence for its value. */
  weak: readonly RegExp[];
  /** Whether `#` opens a line comment. */
  hashComments: boolean;
  /**
   * Whether a statement may open with any word (a YAML key, a Ruby method call). Otherwise a line
   * that opens with a lowercase word is tried against `statements` only when that word is a keyword.
   */
  anyStart?: true;
}

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));

// A value a Go function returns on its own: a name Go code uses for one, a number, a field, a call
// without commas in it. The choices cannot match the same text, and none crosses a ", ", so a
// line of many values is read in linear time (overlapping ones made it exponential).
const GO_VALUE = String.raw`(nil|err|ok|true|false|[a-z]|\d+|[A-Za-z_]\w*(\.\w+)+|[A-Za-z_][\w.]*\([^(),]*\))`;

// Go's builtin and qualified type names, for `type ID string` and `var n int`.
const GO_TYPE = String.raw`(\*|\[|map\[|chan |func\(|u?int\d*|float\d+|complex\d+|string|bool|byte|rune|error|any|[A-Z]\w*|[a-z]\w*\.[A-Z]\w*)`;

const SYNTAX: Readonly<Record<string, LanguageSyntax>> = {
  go: {
    keywords: words('package import func type var const go defer return if for switch select case default break continue goto fallthrough chan map struct interface range else'),
    statements: [
      /^package [a-z_][a-z0-9_]*$/,
      /^import ([\w.]+ )?"[^"]*"$/,
      /^func( \(| [A-Za-z_]\w*[[(])/,
      new RegExp(String.raw`^type [A-Za-z_]\w* (struct|interface)\b|^type [A-Za-z_]\w* (= ?)?${GO_TYPE}`),
      new RegExp(String.raw`^var [A-Za-z_]\w* ${GO_TYPE}[\w.\]]*$`),
      // A jump alone, or returning values, not a phrase: `return err`, `return nil, err`, `return s.cache`.
      /^(break|continue|fallthrough|return)$/,
      new RegExp(String.raw`^return ${GO_VALUE}(, ?${GO_VALUE})*$`),
    ],
    weak: [],
    hashComments: false,
  },
  python: {
    keywords: words('from import def class if elif else for while with try except finally return raise pass yield await async lambda assert global nonlocal del print match case break continue not and or in is as'),
    statements: [
      /^from (\.+[\w.]*|[A-Za-z_][\w.]*) import (\*|\(|[A-Za-z_]\w*( as [A-Za-z_]\w*)?(, ?[A-Za-z_]\w*( as [A-Za-z_]\w*)?)*,?)$/,
      /^import [A-Za-z_][\w.]*( as [A-Za-z_]\w*)?(, ?[A-Za-z_][\w.]*( as [A-Za-z_]\w*)?)*$/,
      /^class [A-Z]\w*(\(.*\))?:$/,
      /^(else|try|finally):$/,
      /^except( [\w.]+( as \w+)?)?:$/,
      /^for [A-Za-z_]\w*(, ?[A-Za-z_]\w*)* in [\w.]+:$/,
      /^@[A-Za-z_][\w.]*(\(.*\))?$/,
      // A statement alone, or returning a value, not a phrase: `pass`, `return None`, `return self.cache`.
      /^(pass|break|continue|return|raise)$/,
      /^(return|yield) (None|True|False|self|[a-z]|\d+|[A-Za-z_]\w*(\.\w+)+|[A-Za-z_][\w.]*\([^()]*\))$/,
    ],
    weak: [/:$/],
    hashComments: true,
  },
  shell: {
    keywords: words('if then else elif fi for do done while until case esac function local export readonly declare set unset source alias trap exit return shift eval exec echo printf read cd pushd'),
    statements: [
      // Flags, then only the names `set -o` takes: `set -euo pipefail`, not `set -e and friends`.
      /^set( [-+][A-Za-z]+)+( (pipefail|errexit|nounset|xtrace|verbose|noclobber|noglob|errtrace|functrace|allexport|monitor|posix|vi|emacs|--))*$/,
      /^export [A-Za-z_]\w*(=|$)/,
      /^(fi|done|esac|then|do|else)$/,
      /^(source|\.|cd|pushd) [\w./~$-]+$/,
      /^(echo|printf) ["'$-]/,
      /^(exit|return) \d+$/,
      /^(while|until|for|if|elif) .*; (do|then)$/,
      /^trap ('[^']*'|"[^"]*"|\S+)( ([A-Z]+|\d+))+$/,
    ],
    weak: [],
    hashComments: true,
  },
  js: {
    keywords: words('const let var function export import return await async class interface type enum if else for while switch case default throw try catch finally new delete typeof declare namespace abstract public private protected readonly module require yield break continue do extends implements static from as of in instanceof void keyof satisfies'),
    statements: [
      /^import [\w${},* ]+ from ['"]/,
      /^import ['"]/,
      /^export \* from ['"]/,
      /^export default [\w$.]+;?$/,
      /^(export )?(default )?(abstract )?class [A-Z][\w$]*( extends [\w$.]+)?( implements [\w$., ]+)? ?\{?$/,
      /^(export )?(interface|enum) [A-Z][\w$]*( extends [\w$., ]+)? ?\{?$/,
      /^module\.exports\b/,
      /^['"]use (strict|client|server)['"];?$/,
    ],
    weak: [],
    hashComments: false,
  },
  rust: {
    keywords: words('fn let use mod pub impl struct enum match trait type const static loop while for if else return unsafe extern crate where async await move ref mut dyn'),
    statements: [
      /^(pub(\([\w:]+\))? )?(async |const |unsafe )*fn [a-z_]\w*[(<]/,
      /^(pub(\([\w:]+\))? )?(struct|enum|trait|union) [A-Z]\w*/,
      /^impl(<.*>)? [A-Z][\w:<>]*( for [A-Z][\w:<>]*)? ?\{?$/,
      /^extern crate \w+;$/,
    ],
    weak: [],
    hashComments: false,
  },
  php: {
    keywords: words('namespace use function echo return require require_once include include_once class public private protected static abstract final interface trait declare if else elseif foreach for while switch case default new throw try catch'),
    statements: [/^<\?php\b/, /^\?>$/, /^(namespace|use) [\w\\]+( as \w+)?;$/, /^(abstract |final )?class [A-Z]\w*/, /^function [\w&]+\(/],
    weak: [],
    hashComments: true,
  },
  ruby: {
    keywords: words('def class module super retry redo next break require require_relative puts print p attr_reader attr_writer attr_accessor include extend begin rescue ensure end if unless elsif else while until case when do yield return private protected public raise loop'),
    statements: [
      /^require(_relative)? ['"]/,
      /^(class|module) [A-Z]\w*(::[A-Z]\w*)*( < [A-Z][\w:]*)?$/,
      /^def (self\.)?[a-z_]\w*[?!=]?(\(.*\))?$/,
      /^(end|begin|ensure|else|rescue|private|protected|public|super|retry|redo|next|break|return)$/,
      /^rescue [A-Z][\w:]*( => \w+)?$/,
      /^(puts|print|p|pp|raise) ['":@A-Z]/,
      /^(puts|print|p|pp|return) [a-z_]\w*(\.[a-z_]\w*[?!]?)+$/,
      /^attr_(reader|writer|accessor) :/,
      /^(include|extend|prepend) [A-Z][\w:]*$/,
      /^[a-z_]\w*(\.[a-z_]\w*[?!]?)+$/,
    ],
    weak: [],
    hashComments: true,
    anyStart: true,
  },
  java: {
    keywords: words('package import public private protected class interface enum record static final abstract void return new throw try catch finally if else for while switch case default extends implements'),
    statements: [
      /^package [a-z][\w.]*;$/,
      /^import (static )?[\w.]+(\.\*)?;$/,
      /^@[A-Z]\w*(\(.*\))?$/,
      /^(public |private |protected )?(static |final |abstract |sealed )*(class|interface|enum|record) [A-Z]\w*/,
    ],
    weak: [],
    hashComments: false,
  },
  csharp: {
    keywords: words('using namespace public private internal protected class interface record struct enum static var async await return new void sealed partial override virtual readonly'),
    statements: [
      /^using (static )?[\w.]+( = [\w.]+)?;$/,
      /^namespace [A-Z][\w.]*;?$/,
      /^(public |private |internal |protected )?(static |sealed |abstract |partial )*(class|interface|record|struct|enum) [A-Z]\w*/,
    ],
    weak: [],
    hashComments: false,
  },
  sql: {
    keywords: words('select insert update delete create alter drop begin commit rollback with explain vacuum analyze grant revoke truncate from where join order group limit values'),
    statements: [
      /^(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|BEGIN|COMMIT|ROLLBACK|WITH|EXPLAIN|VACUUM|ANALYZE|GRANT|REVOKE|TRUNCATE|SET|SHOW|FROM|WHERE|ORDER BY|GROUP BY|LIMIT|JOIN|LEFT JOIN|INNER JOIN|HAVING|VALUES|RETURNING|UNION)\b/,
      /^select [\w.*, "]+ from [\w."]+/,
      /^(insert into|delete from|create (table|index|unique index|view|extension|schema)|alter table|drop (table|index|view)) /,
      /^update [\w."]+ set /,
      /^(begin|commit|rollback)$/,
    ],
    weak: [],
    hashComments: false,
  },
  yaml: {
    keywords: words(''),
    statements: [
      /^[\w./-]+: ?(\S+|"[^"]*"|'[^']*')$/,
      /^[A-Za-z_][\w.-]*:$/,
      /^- ([\w./:@"'-]+$|[\w.-]+: \S)/,
      /^(---|\.\.\.)$/,
    ],
    weak: [/^[\w./-]+: /, /^- /],
    hashComments: true,
    anyStart: true,
  },
  dockerfile: {
    keywords: words('from run copy add cmd env workdir expose entrypoint arg user label'),
    statements: [/^(FROM|RUN|COPY|ADD|CMD|ENV|WORKDIR|EXPOSE|ENTRYPOINT|ARG|USER|LABEL|HEALTHCHECK|VOLUME|SHELL|ONBUILD|STOPSIGNAL|MAINTAINER) \S/],
    weak: [],
    hashComments: true,
  },
  toml: {
    keywords: words(''),
    statements: [/^\[\[?[\w.\-" ]+\]\]?$/, /^[\w.-]+ = \S/],
    weak: [],
    hashComments: true,
    anyStart: true,
  },
};

const ALIASES: Readonly<Record<string, string>> = {
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

/** A language the parser does not know: only the shapes common to all languages apply, `#` comments among them. */
const UNKNOWN: LanguageSyntax = { keywords: words(''), statements: [], weak: [], hashComments: true };

// One post has one language, so one remembered lookup serves all of its lines; a map of every
// language ever seen would grow without bound on hostile input.
let lastName: string | undefined;
let lastSyntax: LanguageSyntax = UNKNOWN;

/** The syntax of the language a `code language` value names (`Python`, `py` and `python3` alike). */
export function syntaxOf(language: string): LanguageSyntax {
  if (language === lastName) return lastSyntax;
  const key = language.trim().toLowerCase();
  // Own keys only: a `code language` of `constructor` must not find Object's.
  const name = Object.hasOwn(ALIASES, key) ? (ALIASES[key] as string) : key;
  lastName = language;
  lastSyntax = Object.hasOwn(SYNTAX, name) ? (SYNTAX[name] as LanguageSyntax) : UNKNOWN;
  return lastSyntax;
}

/** Whether the language has a catalogue entry: a test lists every language the generator uses. */
export function isKnownLanguage(language: string): boolean {
  return syntaxOf(language) !== UNKNOWN;
}
