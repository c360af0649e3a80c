/**
 * `oto generate accessors --drizzle`: load the schema as `oto check` does, plan the accessors,
 * render them next to the tables they import, write the module (only if its text changed).
 */
import * as path from 'node:path';
import { planAccessors, relativeImport, shownPath, UserError, writeAccessors } from '@oto/core';
import type { GeneratedAccessors, RenderedAccessors, Table } from '@oto/core';
import { importsNeedExtension } from '@oto/loader';
import { installedDrizzleMajor } from '../installed-drizzle';
import { loadDrizzleModel } from '../load-drizzle';
import type { LoadDrizzleOptions } from '../load-drizzle';
import { renderDrizzleAccessors } from './render-drizzle-accessors';

export interface GenerateDrizzleAccessorsOptions extends LoadDrizzleOptions {
  /** The module to write, relative to cwd. */
  readonly out: string;
}

/** The module's text and where it goes, without writing it. */
export function renderDrizzleAccessorsFile(options: GenerateDrizzleAccessorsOptions): RenderedAccessors {
  const cwd = path.resolve(options.cwd);
  const out = path.resolve(cwd, options.out);
  const label = shownPath(cwd, out);
  const loaded = loadDrizzleModel(options);
  const plan = planAccessors(loaded.model);
  const extension = importsNeedExtension(out);
  const moduleOf = (table: Table) => {
    if (!table.origin) throw new UserError(`${label}: cannot tell which file declares table ${table.name} (${table.entity ?? '?'}): export it from a schema file`);
    return relativeImport(path.dirname(out), path.resolve(cwd, table.origin.file), extension);
  };
  const source = loaded.configFile ?? loaded.schemaFiles.join(', ');
  const command = `oto generate accessors --drizzle ${loaded.configFile ?? loaded.schemaFiles.join(' ')} --out ${shownPath(cwd, out)}`;
  const drizzleMajor = installedDrizzleMajor(path.dirname(path.resolve(cwd, loaded.schemaFiles[0] ?? '.')));
  const text = renderDrizzleAccessors({ plan, dialect: loaded.model.dialect, moduleOf, source, command, ...(drizzleMajor !== undefined ? { drizzleMajor } : {}) });
  return { out, file: label, text, accessors: plan.accessors.length, skipped: plan.skipped };
}

export function generateDrizzleAccessors(options: GenerateDrizzleAccessorsOptions): GeneratedAccessors {
  return writeAccessors(renderDrizzleAccessorsFile(options));
}
