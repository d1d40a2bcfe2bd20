/** How bad a finding is: errors make `compileRules` (and `loadCompiledRules`) fail; warnings and infos come from `lintRules`. */
export type Severity = 'error' | 'warning' | 'info';

/** Stable codes, one per kind of finding, for tools that filter or count them. */
export type RulesDiagnosticCode =
  // reading the file
  | 'yaml-syntax'
  | 'invalid-input'
  | 'too-large'
  // reading compiled rules (loadCompiledRules)
  | 'json-syntax'
  | 'not-compiled-rules'
  // the schema
  | 'unknown-key'
  | 'invalid-type'
  | 'invalid-value'
  | 'missing-key'
  | 'too-many'
  | 'invalid-duration'
  // meaning
  | 'invalid-pattern'
  | 'invalid-name-pattern'
  | 'invalid-key-template'
  | 'duplicate-rule'
  | 'undefined-bypass'
  | 'conflicting-cache'
  // lintRules
  | 'unreachable-rule'
  | 'shadowed-pattern'
  | 'example-failed'
  | 'missing-examples'
  | 'unused-bypass'
  | 'risky-vary'
  | 'risky-immutable'
  | 'risky-browser-ttl'
  | 'risky-method'
  | 'looks-like-regex';

/**
 * One finding about a rules file, as data. `line` and `column` are 1-based and point into the YAML
 * text; for a config given as a plain object they are 0, and `path` says where the finding belongs.
 */
export interface RulesDiagnostic {
  code: RulesDiagnosticCode;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  /** 0-based offset into the YAML text. */
  offset?: number;
  /** Where in the config the finding belongs, e.g. `['rules', 1, 'cache', 'edge']`. */
  path?: (string | number)[];
  /** The rule the finding is about, when there is one. */
  rule?: string;
  file?: string;
}

/** A diagnostic before its position is known: the compile steps speak in config paths only. */
export type PendingDiagnostic = Omit<RulesDiagnostic, 'line' | 'column' | 'offset'>;

/**
 * One line per diagnostic, in the `FILE:LINE:COL: severity CODE: message` shape editors read.
 *
 * @example
 * formatRulesDiagnostic(d); // 'rules.yaml:12:11: error invalid-duration: expected a duration ...'
 */
export function formatRulesDiagnostic(diagnostic: RulesDiagnostic): string {
  const where = `${diagnostic.file ?? '<rules>'}:${diagnostic.line}:${diagnostic.column}`;
  return `${where}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`;
}

/** Cuts user text short for a message, so a 1 MB value cannot flood a terminal. */
export function shown(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
