import type { EntryPoint } from './entry-points.ts';

// The consumer's files that depend on what was published, written from its exports maps.

const header = '// Written by scripts/publish-install/consumer-files.ts from the published exports maps.\n';

/** Every JavaScript entry point, imported for its types (`.ts`: the `import` condition). */
export function typesModule(entries: readonly EntryPoint[]): string {
  const js = entries.filter((entry) => entry.kind === 'js');
  const imports = js.map((entry, at) => `import type * as entry${at} from '${entry.specifier}';`);
  return `${header}${imports.join('\n')}\n\nexport type EntryPoints = [${js.map((_, at) => `typeof entry${at}`).join(', ')}];\n`;
}

/** The same, the CommonJS way (`.cts`: the `require` condition), for `module: nodenext`. */
export function typesCommonJsModule(entries: readonly EntryPoint[]): string {
  const js = entries.filter((entry) => entry.kind === 'js');
  const imports = js.map((entry, at) => `import entry${at} = require('${entry.specifier}');`);
  return `${header}${imports.join('\n')}\n\nexport type EntryPoints = [${js.map((_, at) => `typeof entry${at}`).join(', ')}];\n`;
}

/**
 * PostSchema from where the exports map puts it: the zod schemas are moving from the main entry of
 * `@alphanode/parser` to `@alphanode/parser/schema`, and this test follows whichever is published.
 */
export function schemaModule(entries: readonly EntryPoint[]): string {
  const from = entries.some((entry) => entry.specifier === '@alphanode/parser/schema') ? '@alphanode/parser/schema' : '@alphanode/parser';
  return `${header}export { PostSchema } from '${from}';\n`;
}
