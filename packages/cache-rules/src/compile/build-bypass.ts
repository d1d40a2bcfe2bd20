import type { BypassConfig } from '../config/rules-schema.ts';
import type { PendingDiagnostic } from '../diagnostic.ts';
import { compileNamePattern, type NamePattern } from '../pattern/name-pattern.ts';
import type { CompiledBypass } from './compiled-rule.ts';

/** The named bypass conditions of a file, compiled; a bad cookie pattern is reported at its place. */
export function buildBypasses(config: Record<string, BypassConfig> | undefined, diagnostics: PendingDiagnostic[]): Map<string, CompiledBypass> {
  const out = new Map<string, CompiledBypass>();
  for (const [name, condition] of Object.entries(config ?? {})) {
    const cookies: NamePattern[] = [];
    (condition.cookie ?? []).forEach((source, index) => {
      const result = compileNamePattern(source);
      if (result.ok) cookies.push(result.pattern);
      else diagnostics.push({ code: 'invalid-name-pattern', severity: 'error', message: result.message, path: ['bypass', name, 'cookie', index] });
    });
    out.set(name, {
      name,
      cookies,
      headers: (condition.header ?? []).map((header) => header.toLowerCase()),
      queries: condition.query ?? [],
    });
  }
  return out;
}
