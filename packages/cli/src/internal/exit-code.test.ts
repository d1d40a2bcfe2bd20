import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as exits from './exit-code.ts';

const src = new URL('../', import.meta.url);
const sources = (readdirSync(src, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

describe('exit codes', () => {
  it('has an EXIT_ constant for each code in the table, and a table entry for each constant', () => {
    const constants = Object.entries(exits).filter(([name]) => name.startsWith('EXIT_') && name !== 'EXIT_CODES').map(([, code]) => code as number);
    expect(constants.sort((a, b) => a - b)).toEqual(Object.keys(exits.EXIT_CODES).map(Number));
  });

  it('ends commands and the process only through the constants, so no code escapes the table', () => {
    const bare: string[] = [];
    for (const file of sources) {
      const text = readFileSync(new URL(file, src), 'utf8');
      const command = file.startsWith('commands/') || file === 'run-cli.ts';
      const patterns = [/process\.exit\(\d/, /exitCode = \d/, ...(command ? [/return \d+;/, /\? \d+ : \d+;/] : [])];
      for (const [index, line] of text.split('\n').entries()) if (patterns.some((pattern) => pattern.test(line))) bare.push(`${file}:${index + 1}: ${line.trim()}`);
    }
    expect(bare).toEqual([]);
  });

  it('names every code in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const line = /^- Exit codes:[^]*?(?=\n- )/m.exec(readme)?.[0] ?? '';
    for (const code of Object.keys(exits.EXIT_CODES)) expect(line).toMatch(new RegExp(`\\b${code}\\b`));
  });
});
