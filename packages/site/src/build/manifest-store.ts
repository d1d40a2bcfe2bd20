import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeManifest, encodeManifestChunks, encodePatch } from '../manifest/manifest-codec.ts';
import { MANIFEST_FILE, MANIFEST_JOURNAL_FILE } from '../manifest/manifest-files.ts';
import type { Manifest } from '../manifest/manifest.ts';
import { appendLine } from './append-line.ts';
import { writeChunksAtomic } from './atomic-write.ts';

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
 * The manifest this process last wrote to each out dir, with the state of its files then: a build
 * that finds them as it left them (`alphanode dev`, a server rebuilding on a webhook) starts from
 * it instead of reading and decoding 7 MB again (at 10,000 posts, 70–100 ms of a 300 ms rebuild).
 * One manifest per out dir this process built, held until the process ends.
 */
const lastWritten = new Map<string, { state: string; stored: StoredManifest }>();

/** Size and mtime of manifest.json and of its journal: another writer changes one of them. */
export function manifestFilesState(dir: string): string {
  const stat = (file: string) => statSync(path.join(dir, file), { throwIfNoEntry: false });
  const base = stat(MANIFEST_FILE);
  const journal = stat(MANIFEST_JOURNAL_FILE);
  return `${base?.size}:${base?.mtimeMs}:${journal?.size}:${journal?.mtimeMs}`;
}

/** The staged site, with the manifest it was written with, is now at `outDir`. */
export function manifestMoved(staging: string, outDir: string): void {
  const last = lastWritten.get(staging);
  lastWritten.delete(staging);
  if (last !== undefined) lastWritten.set(outDir, { state: manifestFilesState(outDir), stored: last.stored });
}

/**
 * The previous run's manifest whatever its settings (a settings change rebuilds every post, but the
 * old outputs must still be known, to remove and purge what goes); none when there is none or it
 * cannot be read.
 */
export function readManifest(outDir: string): StoredManifest | undefined {
  const last = lastWritten.get(outDir);
  if (last !== undefined && last.state === manifestFilesState(outDir)) return last.stored;
  return readManifestFiles(outDir);
}

/**
 * Keeps the out dir's manifest decoded (`stored`, when the caller read it and its files are as they
 * were), as if this process had written it, for the next run to start from.
 */
export function rememberManifest(outDir: string, stored?: StoredManifest): StoredManifest | undefined {
  const state = manifestFilesState(outDir);
  const kept = stored ?? readManifest(outDir);
  if (kept !== undefined) lastWritten.set(outDir, { state, stored: kept });
  return kept;
}

/** The manifest as its files on disk say, never the copy this process keeps: a caller may change it. */
export function readManifestFiles(outDir: string): StoredManifest | undefined {
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
function writeWhole(dir: string, manifest: Manifest): StoredManifest {
  const generation = randomBytes(8).toString('hex');
  const bytes = writeChunksAtomic(dir, MANIFEST_FILE, encodeManifestChunks(manifest, generation));
  // Killed before this line, the old journal's lines carry the old generation: they are ignored.
  rmSync(path.join(dir, MANIFEST_JOURNAL_FILE), { force: true });
  return { manifest, generation, baseBytes: bytes, journalBytes: 0 };
}

/**
 * Records `next` in `dir`: as one journal line of what changed since `stored` when that is small,
 * so a one-post rebuild of a 10,000-post site writes a few hundred bytes instead of 7 MB; as a
 * whole new `manifest.json` when there is none of this version yet, or when the journal would pass
 * a quarter of it (folding it back costs one full write per many runs). The manifest must not be
 * changed afterwards: the next build in this process may start from it.
 */
export function writeManifest(dir: string, next: Manifest, stored: StoredManifest | undefined): void {
  let written: StoredManifest;
  const line = stored?.generation === undefined ? undefined : encodePatch(stored.manifest, next, stored.generation);
  if (stored?.generation === undefined || line === undefined || stored.journalBytes + line.length > Math.max(JOURNAL_MIN_BYTES, stored.baseBytes / 4)) written = writeWhole(dir, next);
  else {
    appendLine(path.join(dir, MANIFEST_JOURNAL_FILE), line);
    written = { manifest: next, generation: stored.generation, baseBytes: stored.baseBytes, journalBytes: stored.journalBytes + line.length };
  }
  lastWritten.set(dir, { state: manifestFilesState(dir), stored: written });
}
