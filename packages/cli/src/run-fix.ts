/**
 * `oto fix`: edits the schema source so that the ORM itself carries what the findings ask for (the
 * missing uniques, under the names `oto generate sql` gives them; with `--renames` the naming
 * rule's renames; NOT NULL and ON DELETE where the ORM writes them in the schema). Only fixes the
 * schema lacks: what only the database lacks is `oto generate sql`'s. Idempotent: a second run finds
 * nothing to fix. `--dry-run` prints a unified diff instead of writing; a file is written atomically.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { setAsideLine, shownPath, writeFileAtomic } from '@oto/core';
import type { PlannedChange, SchemaModel, SourceEdits } from '@oto/core';
import { editDrizzleSchema } from '@oto/drizzle';
import { editPrismaSchema } from '@oto/prisma';
import { editTypeormSchema } from '@oto/typeorm';
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
  prisma: editPrismaSchema,
  drizzle: editDrizzleSchema,
  typeorm: editTypeormSchema,
};

export async function runFix(options: FixOptions, io: CliIo): Promise<number> {
  const project = await checkProject({ ...options, failOn: 'never' }, io);
  const plan = planProjectChanges(project, { ...options, target: 'schema' });
  const resolve = (file: string) => path.resolve(io.cwd, file);
  const edits = EDITORS[project.orm](project.result.analyzed.model, plan.changes, (file) => fs.readFileSync(resolve(file), 'utf8'));
  for (const aside of [...plan.setAside, ...edits.setAside]) io.stderr(`oto: not fixed: ${setAsideLine(aside)}\n`);
  if (edits.files.size === 0) {
    io.stderr('oto: nothing to fix in the schema\n');
    return EXIT.ok;
  }
  for (const [file, text] of edits.files) {
    const shown = shownPath(io.cwd, resolve(file));
    if (options.dryRun) io.stdout(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, fs.readFileSync(resolve(file), 'utf8'), text));
    else {
      writeFileAtomic(resolve(file), text);
      io.stdout(`oto: fixed ${shown}\n`);
    }
  }
  const findings = edits.applied.reduce((n, c) => n + c.findings.length, 0);
  const changes = `${edits.applied.length} change${edits.applied.length === 1 ? '' : 's'} for ${findings} finding${findings === 1 ? '' : 's'}`;
  io.stderr(options.dryRun ? `oto: would make ${changes} (--dry-run: nothing written)\n` : `oto: made ${changes}\n`);
  return EXIT.ok;
}
