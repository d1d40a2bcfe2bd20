import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { decodeManifest, encodeManifest, encodePatch } from '../manifest/manifest-codec.ts';
import { MANIFEST_FILE, MANIFEST_JOURNAL_FILE } from '../manifest/manifest-files.ts';
import type { Manifest } from '../manifest/manifest.ts';
import { writeFileAtomic } from './atomic-write.ts';

/** The manifest a run starts from, and what its next write needs to know: which generation, how large. */
export interface StoredManifest {
  manifest: Manifest;
  /** Absent for a version 1 or 2 file, which the next write replaces. */
  generation?: string;
  baseBytes: number;
  journalBytes: number;
}

// Below this the journal is never folded: a few thousand one-post runs of a small site.
const JOURNAL_MIN_BYTES = 256 * 1024;

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The previous run's manifest whatever its settings (a settings change rebuilds every post, but the
 * old outputs must still be known, to remove and purge what goes); none when there is none or it
 * cannot be read.
 */
export function readManifest(outDir: string): StoredManifest | undefined {
  const text = readText(path.join(outDir, MANIFEST_FILE));
  if (text === undefined) return undefined;
  const journal = readText(path.join(outDir, MANIFEST_JOURNAL_FILE)) ?? '';
  const decoded = decodeManifest(text, journal);
  if (decoded === undefined) return undefined;
  const stored: StoredManifest = { manifest: decoded.manifest, baseBytes: text.length, journalBytes: journal.length };
  if (decoded.generation !== undefined) stored.generation = decoded.generation;
  return stored;
}

/** A new `manifest.json` holding all of `manifest`, its generation new, and no journal. */
function writeWhole(dir: string, manifest: Manifest): void {
  writeFileAtomic(dir, MANIFEST_FILE, encodeManifest(manifest, randomBytes(8).toString('hex')));
  // Killed before this line, the old journal's lines carry the old generation: they are ignored.
  rmSync(path.join(dir, MANIFEST_JOURNAL_FILE), { force: true });
}

/**
 * Records `next` in `dir`: as one journal line of what changed since `stored` when that is small,
 * so a one-post rebuild of a 10,000-post site writes a few hundred bytes instead of 7 MB; as a
 * whole new `manifest.json` when there is none of this version yet, or when the journal would pass
 * a quarter of it (folding it back costs one full write per many runs).
 */
export function writeManifest(dir: string, next: Manifest, stored: StoredManifest | undefined): void {
  if (stored?.generation === undefined) return writeWhole(dir, next);
  const line = encodePatch(stored.manifest, next, stored.generation);
  if (stored.journalBytes + line.length > Math.max(JOURNAL_MIN_BYTES, stored.baseBytes / 4)) return writeWhole(dir, next);
  appendFileSync(path.join(dir, MANIFEST_JOURNAL_FILE), line);
}
