import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { PendingDiagnostic, RulesDiagnostic } from '../diagnostic.ts';

/** Rules files are hand-written; past this size something generated them by mistake. */
export const MAX_SOURCE_BYTES = 1_000_000;

export type ConfigPath = readonly (string | number)[];

/** The config as data, plus a way back from a config path to the YAML line and column. */
export interface RulesSource {
  value: unknown;
  diagnostics: RulesDiagnostic[];
  /** The position of the node at `path` (of its key when `key` is set), or the nearest parent found. */
  locate(path: ConfigPath, key?: boolean): { line: number; column: number; offset?: number };
  /** Turns a path-only diagnostic into a positioned one. */
  position(diagnostic: PendingDiagnostic, key?: boolean): RulesDiagnostic;
}

const nowhere = { line: 0, column: 0 };

function fromObject(value: unknown): RulesSource {
  return {
    value,
    diagnostics: [],
    locate: () => nowhere,
    position: (diagnostic) => ({ ...diagnostic, ...nowhere }),
  };
}

function findNode(root: Node | null, path: ConfigPath, key: boolean): Node | null {
  let node: Node | null = root;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) return node;
      if (last && key && pair.key) return pair.key as Node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
      node = node.items[step] as Node;
    } else {
      return node;
    }
  }
  return node;
}

/**
 * Reads a rules file given as YAML text (keeping every node's position) or as a plain object
 * (positions are then 0:0 and diagnostics carry their `path`).
 */
export function loadRulesSource(input: string | object, file?: string): RulesSource {
  if (typeof input !== 'string') return fromObject(input);
  const at = file === undefined ? {} : { file };
  if (input.length > MAX_SOURCE_BYTES) {
    return { ...fromObject(undefined), diagnostics: [{ code: 'too-large', severity: 'error', message: `a rules file may be at most ${MAX_SOURCE_BYTES} characters; found ${input.length}`, line: 1, column: 1, ...at }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(input, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPosition = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col, offset };
  };
  const diagnostics: RulesDiagnostic[] = doc.errors.map((error) => ({
    code: 'yaml-syntax',
    severity: 'error',
    message: error.message.split('\n')[0] ?? error.message,
    ...toPosition(error.pos[0]),
    ...at,
  }));
  let value: unknown;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // toJS throws only for alias expansion past maxAliasCount (a "billion laughs" file).
      diagnostics.push({ code: 'yaml-syntax', severity: 'error', message: error instanceof Error ? error.message : String(error), line: 1, column: 1, ...at });
    }
  }
  const locate = (path: ConfigPath, key = false) => {
    const node = findNode(doc.contents as Node | null, path, key);
    return node?.range ? toPosition(node.range[0]) : { line: 1, column: 1 };
  };
  return { value, diagnostics, locate, position: (diagnostic, key) => ({ ...diagnostic, ...locate(diagnostic.path ?? [], key), ...at }) };
}
