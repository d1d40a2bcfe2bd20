import type { ExampleConfig } from '../config/rules-schema.ts';
import type { KeyTemplate } from '../keys/key-template.ts';
import type { PathPattern } from '../pattern/compile-pattern.ts';
import type { NamePattern } from '../pattern/name-pattern.ts';
import type { CachePolicy } from '../targets/cache-policy.ts';

/** A named bypass condition, ready to test: any cookie, header or query name present fires it. */
export interface CompiledBypass {
  name: string;
  cookies: readonly NamePattern[];
  /** Lowercase header names. */
  headers: readonly string[];
  queries: readonly string[];
}

/** Which list of a rule's `examples` an example is in, and so the action it expects: cache, bypass or no-store. */
export type ExampleKind = 'cached' | 'bypassed' | 'noStore';

/** One example of a compiled rule, with the list it came from, ready for `runExamples`. */
export interface CompiledExample {
  kind: ExampleKind;
  example: ExampleConfig;
  /** Where the example sits in the config, for positioned failures. */
  path: (string | number)[];
}

/**
 * One rule with everything `decide` needs worked out at compile time: matchers, the policy, the
 * Vary value, and the messages its trace entries use, so a decision parses and formats nothing.
 */
export interface CompiledRule {
  name: string;
  index: number;
  description: string | undefined;
  paths: readonly PathPattern[];
  /** The literal first segment of each pattern, or undefined where a pattern starts with :param or *. */
  firstLiterals: readonly (string | undefined)[];
  methods: readonly string[];
  hosts: readonly NamePattern[] | undefined;
  /** Lowercase names; `true` means present. */
  headers: readonly { name: string; value: string | true }[];
  contentTypes: readonly string[] | undefined;
  statuses: readonly number[] | undefined;
  bypass: readonly CompiledBypass[];
  policy: CachePolicy;
  /** The Vary value for stored responses ('' for none): the rule's list, plus every request header it reads. */
  vary: string;
  /** Exact cookie names the bypass conditions read (Netlify can key on them). */
  bypassCookieNames: readonly string[];
  keys: readonly KeyTemplate[];
  examples: readonly CompiledExample[];
  /** Prebuilt trace messages. */
  says: { path: string; method: string; host: string; header: string; status: string; contentType: string; noContentType: string };
}
