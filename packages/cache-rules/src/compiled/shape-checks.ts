import type { Problem } from '../config/field-checks.ts';
import { shown, type PendingDiagnostic, type RulesDiagnosticCode } from '../diagnostic.ts';

/*
 * Small checks on the plain data of a compiled rules document, each pushing a path-only
 * diagnostic and reporting whether the value may be read further. They stand in for the zod
 * schema on the light path: a document that passes can be built into an engine without a throw.
 */

export type Path = (string | number)[];
export type Out = PendingDiagnostic[];

export function push(out: Out, code: RulesDiagnosticCode, message: string, path: Path): void {
  out.push({ code, severity: 'error', message, path });
}

/** A value, said for "found …" in a message, cut short. */
export function described(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value == null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value === 'string' ? `string ${shown(value, 30)}` : `${typeof value} ${String(value)}`;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A mapping with only `keys` (any key when there is no list: a map of names), and every one of
 * `required`; undefined (reported) when it is not a mapping.
 */
export function mapping(out: Out, value: unknown, path: Path, keys?: readonly string[], required: readonly string[] = []): Record<string, unknown> | undefined {
  if (!isMapping(value)) {
    push(out, 'invalid-type', `expected a mapping; found ${described(value)}`, path);
    return undefined;
  }
  if (keys !== undefined) {
    for (const key of Object.keys(value)) if (!keys.includes(key)) push(out, 'unknown-key', `unknown key ${shown(key, 40)} (allowed here: ${keys.join(', ')})`, [...path, key]);
  }
  for (const key of required) {
    if (!Object.hasOwn(value, key) || value[key] === undefined) push(out, 'missing-key', `missing ${shown(key)}: a compiled config always has it`, path);
  }
  return value;
}

/** A list of `min` to `max` entries; undefined (reported) when it is not one, so its entries are not read. */
export function list(out: Out, value: unknown, path: Path, min: number, max: number): unknown[] | undefined {
  if (!Array.isArray(value)) {
    push(out, 'invalid-type', `expected a list; found ${described(value)}`, path);
    return undefined;
  }
  if (value.length > max) {
    push(out, 'too-many', `at most ${max} entries allowed here; found ${value.length}`, path);
    return undefined;
  }
  if (value.length < min) push(out, 'invalid-value', `expected at least ${min} entries; found ${value.length}`, path);
  // JSON has no holes, but an object handed in may; forEach and map skip them, so they are refused.
  for (let index = 0; index < value.length; index++) {
    if (!(index in value)) {
      push(out, 'invalid-type', `expected a value at entry ${index}; found a hole`, [...path, index]);
      return undefined;
    }
  }
  return value;
}

/** A string of `min` to `max` characters that passes `check`. */
export function text(out: Out, value: unknown, path: Path, min: number, max: number, check?: (text: string) => Problem): boolean {
  if (typeof value !== 'string') {
    push(out, 'invalid-type', `expected a string; found ${described(value)}`, path);
    return false;
  }
  if (value.length < min || value.length > max) {
    push(out, 'invalid-value', `expected ${min} to ${max} characters; found ${value.length}`, path);
    return false;
  }
  const problem = check?.(value);
  if (problem) push(out, problem.code, problem.message, path);
  return problem === undefined;
}

/** A list of strings, each checked as `text` is. */
export function textList(out: Out, value: unknown, path: Path, { min = 1, max, itemMax, check }: { min?: number; max: number; itemMax: number; check?: (text: string) => Problem }): void {
  const items = list(out, value, path, min, max);
  for (let index = 0; index < (items?.length ?? 0); index++) text(out, items?.[index], [...path, index], 1, itemMax, check);
}

export function flag(out: Out, value: unknown, path: Path): void {
  if (typeof value !== 'boolean') push(out, 'invalid-type', `expected true or false; found ${described(value)}`, path);
}

/** A whole number from `min` to `max`. */
export function whole(out: Out, value: unknown, path: Path, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) push(out, 'invalid-type', `expected a whole number; found ${described(value)}`, path);
  else if (value < min || value > max) push(out, 'invalid-value', `expected a number from ${min} to ${max}; found ${value}`, path);
}
