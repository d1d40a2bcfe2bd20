import { parsePost, type ParseResult } from '@alphanode/parser';
import { describe, expect, it } from 'vitest';
import { seed } from '../../test/posts.ts';
import { addToSummary, emptySummary, formatSummary, reportFile } from './check-report.ts';

const readFailed: ParseResult = {
  ok: false,
  diagnostics: [{ severity: 'error', code: 'read-failed', message: 'could not read the file (EMFILE): too many', line: 1, column: 1, file: 'a.txt', retryable: true }],
  locations: new Map(),
};

describe('reportFile', () => {
  it('is ok for a clean post', () => {
    expect(reportFile('a.txt', parsePost(seed(0), { file: 'a.txt' }), false)).toEqual({ file: 'a.txt', status: 'ok', diagnostics: [] });
  });

  it('adds lint warnings, positioned and named by file, and makes them errors under strict', () => {
    const text = seed(0).replace('paragraphs: 8', 'paragraphs: 7');
    const loose = reportFile('a.txt', parsePost(text, { file: 'a.txt' }), false);
    expect(loose.status).toBe('warnings');
    expect(loose.diagnostics).toEqual([expect.objectContaining({ code: 'paragraph-count', severity: 'warning', file: 'a.txt', line: 94, column: 17 })]);
    expect(reportFile('a.txt', parsePost(text, { file: 'a.txt', strict: true }), true).status).toBe('errors');
  });

  it('keeps an unreadable file as an error, retryable as loadPosts said', () => {
    expect(reportFile('a.txt', readFailed, false)).toEqual({ file: 'a.txt', status: 'errors', diagnostics: readFailed.diagnostics });
  });
});

describe('summary', () => {
  it('counts files by status and prints one line', () => {
    const summary = emptySummary();
    addToSummary(summary, { file: 'a', status: 'ok', diagnostics: [] });
    addToSummary(summary, { file: 'b', status: 'warnings', diagnostics: [] });
    addToSummary(summary, { file: 'c', status: 'errors', diagnostics: [] });
    summary.elapsedMs = 1234.5;
    expect(formatSummary(summary)).toBe('checked 3 files: 1 ok, 1 with warnings, 1 with errors (1.23s)');
    expect(formatSummary({ files: 1, ok: 1, warnings: 0, errors: 0, elapsedMs: 5 })).toBe('checked 1 file: 1 ok, 0 with warnings, 0 with errors (0.01s)');
  });
});
