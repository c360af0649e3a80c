/**
 * How `oto fix` writes several files as nearly together as files allow: every new text is first
 * written next to its file (checked writable), then every file is checked unchanged since it was
 * read, and only then are they renamed into place, one after the other. Between the first rename
 * and the last, a journal in the project (`.oto-fix-journal.json`) lists the files and the hash of
 * each one's new text: if oto is killed there, the next `oto fix` reads it, says which files already
 * have their fix, removes the temporary files left behind, and fixes the rest.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkUnchanged, commitWrite, discardWrite, isTemporaryOf, prepareWrite, readFileSnapshot, UserError, writeFileAtomic } from '@oto/core';
import type { FileSnapshot, PreparedWrite } from '@oto/core';

export const JOURNAL_FILE = '.oto-fix-journal.json';

export interface FixWrite {
  readonly file: string;
  readonly label: string;
  readonly text: string;
  readonly expected: FileSnapshot;
}

interface JournalEntry {
  readonly label: string;
  readonly target: string;
  readonly temporary: string;
  readonly hash: string;
}

const hashOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Writes the journal of prepared writes (before the first rename). */
export function writeJournal(journal: string, prepared: readonly PreparedWrite[], texts: readonly string[]): void {
  const entries: JournalEntry[] = prepared.map((p, i) => ({ label: p.label, target: p.target, temporary: p.temporary, hash: hashOf(texts[i]!) }));
  const note = 'oto fix stopped while it renamed these files into place: run `oto fix` again to finish (it says which already have their fix).';
  writeFileAtomic(journal, `${JSON.stringify({ note, files: entries }, null, 2)}\n`, { label: path.basename(journal) });
}

/** Prepares every write, checks every file unchanged, journals, renames each, and removes the journal. */
export function writeFixFiles(writes: readonly FixWrite[], journal: string): void {
  const prepared: PreparedWrite[] = [];
  try {
    for (const w of writes) prepared.push(prepareWrite(w.file, w.text, { label: w.label, expected: w.expected }));
  } catch (error) {
    for (const p of prepared) discardWrite(p);
    throw error;
  }
  checkUnchanged(prepared);
  try {
    if (prepared.length > 1) writeJournal(journal, prepared, writes.map((w) => w.text));
  } catch (error) {
    for (const p of prepared) discardWrite(p);
    throw error;
  }
  prepared.forEach((p, i) => {
    try {
      commitWrite(p);
    } catch (error) {
      for (const rest of prepared.slice(i + 1)) discardWrite(rest);
      if (i === 0 && prepared.length > 1) fs.rmSync(journal, { force: true });
      const fixed = prepared.slice(0, i).map((d) => d.label);
      const done = fixed.length === 0 ? 'no file was changed' : `${fixed.join(', ')} ${fixed.length === 1 ? 'has its' : 'have their'} fix already`;
      const why = (error instanceof UserError ? error.message : `${p.label}: ${(error as Error).message}`).replace(/; run oto again$/, '');
      throw new UserError(`${why} (${done}; run oto fix again to finish)`);
    }
  });
  fs.rmSync(journal, { force: true });
}

/**
 * What an interrupted `oto fix` left: the files that got their new text (by hash), with its
 * temporary files removed and the journal read; undefined when there is no journal.
 */
export function finishInterrupted(journal: string): { readonly fixed: readonly string[] } | undefined {
  let entries: JournalEntry[];
  try {
    entries = (JSON.parse(fs.readFileSync(journal, 'utf8')) as { files: JournalEntry[] }).files;
    if (!Array.isArray(entries)) throw new Error('no "files" list');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`${path.basename(journal)}: not an oto fix journal (${(error as Error).message}): remove it and run again`);
  }
  const fixed: string[] = [];
  for (const entry of entries) {
    // Only a temporary file oto names (next to its target), whatever else the journal says.
    if (isTemporaryOf(entry.target, entry.temporary)) fs.rmSync(entry.temporary, { force: true });
    const now = readFileSnapshot(entry.target, entry.label);
    if (now && hashOf(now.text) === entry.hash) fixed.push(entry.label);
  }
  return { fixed };
}
