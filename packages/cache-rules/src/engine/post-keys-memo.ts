import type { Post } from '@alphanode/parser';
import type { CompiledRule } from '../compile/compiled-rule.ts';
import type { KeyHeaderResult } from '../keys/key-header.ts';
import { expandKeyTemplate, readPath } from '../keys/key-template.ts';

/** A rule's keys for one post, with the inputs they were made from and each target's header value. */
export interface PostKeys {
  readonly keys: readonly string[];
  /** Filled by the engine on first use per target. */
  readonly headers: Map<string, KeyHeaderResult>;
}

interface Entry extends PostKeys {
  inputs: unknown[];
}

/** What a rule's templates read: path parameters by name, post fields by path. */
interface RuleInputs {
  params: readonly string[];
  paths: readonly (readonly string[])[];
}

function inputsOf(rule: CompiledRule): RuleInputs {
  const params = new Set<string>();
  const paths = new Map<string, readonly string[]>();
  for (const template of rule.keys) {
    for (const name of template.params) params.add(name);
    for (const part of template.parts) if (part.kind === 'post') paths.set(part.path.join('.'), part.path);
  }
  return { params: [...params], paths: [...paths.values()] };
}

// Arrays are stored as copies (an array edited in place must miss), so they compare by items.
function snapshot(value: unknown): unknown {
  return Array.isArray(value) ? value.slice() : value;
}

function same(stored: unknown, value: unknown): boolean {
  if (!Array.isArray(stored)) return stored === value;
  if (!Array.isArray(value) || value.length !== stored.length) return false;
  for (let i = 0; i < value.length; i++) if (value[i] !== stored[i]) return false;
  return true;
}

/**
 * A server answers the same posts again and again, and a rule's keys for a post depend on nothing
 * but the path parameters and post fields its templates read. So they are made once per post
 * object and rule, and reused while every one of those inputs is still the same value: a post
 * edited in place, or served under other parameters, is expanded afresh. Held by a WeakMap, so a
 * post the server lets go of takes its keys with it.
 */
export function createPostKeysMemo(rules: readonly CompiledRule[]): (rule: CompiledRule, params: Readonly<Record<string, string>>, post: Post) => PostKeys {
  const inputs = rules.map(inputsOf);
  const byPost = new WeakMap<Post, (Entry | undefined)[]>();
  return (rule, params, post) => {
    const { params: names, paths } = inputs[rule.index] as RuleInputs;
    let entries = byPost.get(post);
    const cached = entries?.[rule.index];
    if (cached && matches(cached.inputs, names, paths, params, post)) return cached;
    const keys: string[] = [];
    for (const template of rule.keys) expandKeyTemplate(template, params, post, keys);
    const entry: Entry = { keys, headers: new Map(), inputs: [...names.map((name) => params[name]), ...paths.map((path) => snapshot(readPath(post, path)))] };
    if (!entries) byPost.set(post, (entries = []));
    entries[rule.index] = entry;
    return entry;
  };
}

function matches(stored: readonly unknown[], names: readonly string[], paths: readonly (readonly string[])[], params: Readonly<Record<string, string>>, post: Post): boolean {
  for (let i = 0; i < names.length; i++) if (stored[i] !== params[names[i] as string]) return false;
  for (let i = 0; i < paths.length; i++) if (!same(stored[names.length + i], readPath(post, paths[i] as readonly string[]))) return false;
  return true;
}
