/**
 * `oto fix`: edits the schema source so that the ORM itself carries what the findings ask for (the
 * missing uniques, under the names `oto generate sql` gives them; with `--renames` the naming
 * rule's renames; NOT NULL and ON DELETE where the ORM writes them in the schema). Only fixes the
 * schema lacks: what only the database lacks is `oto generate sql`'s. Idempotent: a second run finds
 * nothing to fix. `--dry-run` prints a unified diff instead of writing; a file is written atomically.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Diff from 'diff';
import { readFileSnapshot, setAsideLines, shownPath, UserError } from '@oto/core';
import type { FileSnapshot, PlannedChange, SchemaModel, SourceEdits } from '@oto/core';
import { drizzleAdapter, prismaAdapter, typeormAdapter } from './adapters';
import { finishInterrupted, JOURNAL_FILE, writeFixFiles } from './fix-journal';
import type { CliIo } from './io';
import { checkProject, EXIT } from './run-check';
import type { Orm, SourceOptions } from './run-check';
import { ON_DELETE_CHOICES, planProjectChanges } from './run-generate-sql';

export interface FixOptions extends SourceOptions {
  readonly dryRun?: boolean;
  readonly renames?: boolean;
  readonly onDelete?: (typeof ON_DELETE_CHOICES)[number];
}

const EDITORS: Record<Orm, (model: SchemaModel, changes: readonly PlannedChange[], read: (file: string) => string) => SourceEdits> = {
  prisma: (...args) => prismaAdapter().editPrismaSchema(...args),
  drizzle: (...args) => drizzleAdapter().editDrizzleSchema(...args),
  typeorm: (...args) => typeormAdapter().editTypeormSchema(...args),
};

export async function runFix(options: FixOptions, io: CliIo): Promise<number> {
  const journal = path.join(io.cwd, JOURNAL_FILE);
  const interrupted = options.dryRun ? undefined : finishInterrupted(journal);
  const project = await checkProject({ ...options, failOn: 'never' }, io);
  const plan = planProjectChanges(project, { ...options, target: 'schema' });
  const resolve = (file: string) => path.resolve(io.cwd, file);
  const shown = (file: string) => shownPath(io.cwd, resolve(file));
  const read = new Map<string, FileSnapshot>();
  const edits = EDITORS[project.orm](project.result.analyzed.model, plan.changes, (file) => {
    const snapshot = readFileSnapshot(resolve(file), shown(file));
    if (!snapshot) throw new UserError(`${shown(file)}: no such file (the schema names it): run oto fix from the project folder`);
    read.set(file, snapshot);
    return snapshot.text;
  });
  for (const line of setAsideLines([...plan.setAside, ...edits.setAside])) io.stderr(`oto: not fixed: ${line}\n`);
  for (const file of interrupted?.fixed ?? []) io.stdout(`oto: already fixed by an earlier, interrupted oto fix: ${file}\n`);
  if (edits.files.size === 0) {
    if (interrupted) fs.rmSync(journal, { force: true });
    io.stderr('oto: nothing to fix in the schema\n');
    return EXIT.ok;
  }
  const writes = [...edits.files].map(([file, text]) => ({ file: resolve(file), label: shown(file), text, expected: read.get(file)! }));
  if (options.dryRun) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createTwoFilesPatch } = require('diff') as typeof Diff; // a patch is shown by `oto fix --dry-run` only
    for (const w of writes) io.stdout(createTwoFilesPatch(`a/${w.label}`, `b/${w.label}`, w.expected.text, w.text));
  } else {
    writeFixFiles(writes, journal);
    for (const w of writes) io.stdout(`oto: fixed ${w.label}\n`);
  }
  const findings = edits.applied.reduce((n, c) => n + c.findings.length, 0);
  const changes = `${edits.applied.length} change${edits.applied.length === 1 ? '' : 's'} for ${findings} finding${findings === 1 ? '' : 's'}`;
  io.stderr(options.dryRun ? `oto: would make ${changes} (--dry-run: nothing written)\n` : `oto: made ${changes}\n`);
  return EXIT.ok;
}
