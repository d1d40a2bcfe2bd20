import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { appendLine } from './append-line.ts';

/**
 * What a run is about to change, written before it writes anything and removed when it has
 * finished: a run killed in between leaves it, and the next run rebuilds those sources even if
 * they look unchanged, rewrites the listings, and purges those URLs, since a CDN may have fetched
 * the killed run's bytes. Append-only JSON lines: a kill mid-line loses only that line, and the
 * line before it was written before anything it names.
 */
export const JOURNAL_FILE = '.alphanode-journal';

export interface Journal {
  files: Set<string>;
  urls: Set<string>;
  /** Whether the listings (home, topics) may have been written. */
  listings: boolean;
}

interface JournalLine {
  files?: string[];
  urls?: string[];
  listings?: boolean;
}

/** The journal a killed run left, empty when the last run finished. */
export function readJournal(outDir: string): Journal {
  const journal: Journal = { files: new Set(), urls: new Set(), listings: false };
  let text: string;
  try {
    text = readFileSync(path.join(outDir, JOURNAL_FILE), 'utf8');
  } catch {
    return journal;
  }
  for (const line of text.split('\n')) {
    let entry: JournalLine;
    try {
      entry = JSON.parse(line) as JournalLine;
    } catch {
      continue;
    }
    for (const file of entry.files ?? []) journal.files.add(file);
    for (const url of entry.urls ?? []) journal.urls.add(url);
    if (entry.listings === true) journal.listings = true;
  }
  return journal;
}

/** Records what the run is about to change; kept, with any earlier killed run's lines, until `clearJournal`. */
export function appendJournal(outDir: string, entry: JournalLine): void {
  appendLine(path.join(outDir, JOURNAL_FILE), JSON.stringify(entry));
}

export function clearJournal(outDir: string): void {
  rmSync(path.join(outDir, JOURNAL_FILE), { force: true });
}
