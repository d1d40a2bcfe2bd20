import { describe, expect, it } from 'vitest';
import { classifyLoneLine } from './classify-line.ts';

describe('classifyLoneLine', () => {
  it.each([
    ['the practical approach', 'python', 'heading'],
    ['implementation checklist', 'go', 'heading'],
    ['a reliable setup is less about clever code.', 'python', 'paragraph'],
    ['is it worth it?', '', 'paragraph'],
    ['he said "stop."', '', 'paragraph'],
    ['(see the docs.)', '', 'code'],
    ['one two three four five six seven eight nine ten eleven twelve thirteen', '', 'paragraph'],
    ['package main', 'go', 'code'],
    ['package main', 'python', 'heading'],
    ['set -euo pipefail', 'bash', 'code'],
    ['from fastapi import FastAPI', 'python', 'code'],
    ['def health():', 'python', 'code'],
    ['print("done.")', 'python', 'code'],
    ['    return 1', 'python', 'code'],
    ['\tfmt.Println(x)', 'go', 'code'],
    ['# a comment', '', 'code'],
    ['SELECT id FROM posts', 'sql', 'code'],
    ['apiVersion: v1', 'yml', 'code'],
    ['end', 'ruby', 'code'],
    ['end', 'python', 'heading'],
  ])('%j in %s is a %s', (line, language, kind) => {
    expect(classifyLoneLine(line, language)).toBe(kind);
  });
});
