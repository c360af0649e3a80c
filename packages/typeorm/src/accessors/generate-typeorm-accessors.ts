/**
 * `oto generate accessors --typeorm`: build the entity metadata as `oto check` does, plan the
 * accessors, render them with imports of the entity classes, write the module if its text changed.
 */
import * as path from 'node:path';
import { planAccessors, relativeImport, shownPath, UserError, writeAccessors } from '@oto/core';
import type { GeneratedAccessors, RenderedAccessors, Table } from '@oto/core';
import { importsNeedExtension } from '@oto/loader';
import { loadTypeormModel } from '../load-typeorm';
import type { LoadTypeormOptions } from '../load-typeorm';
import { renderTypeormAccessors } from './render-typeorm-accessors';

export interface GenerateTypeormAccessorsOptions extends Omit<LoadTypeormOptions, 'migrations'> {
  /** The module to write, relative to cwd. */
  readonly out: string;
}

/** The module's text and where it goes, without writing it. */
export async function renderTypeormAccessorsFile(options: GenerateTypeormAccessorsOptions): Promise<RenderedAccessors> {
  const cwd = path.resolve(options.cwd);
  const out = path.resolve(cwd, options.out);
  const file = shownPath(cwd, out);
  const loaded = await loadTypeormModel(options);
  const extension = importsNeedExtension(out);
  const moduleOf = (table: Table) => {
    if (!table.origin) throw new UserError(`${file}: cannot tell which file declares entity ${table.entity ?? table.name}: list the entity classes of ${loaded.dataSourceFile} from the project's files`);
    return relativeImport(path.dirname(out), path.resolve(cwd, table.origin.file), extension);
  };
  const command = `oto generate accessors --typeorm ${loaded.dataSourceFile} --out ${file}`;
  const { text, skipped, accessors } = renderTypeormAccessors({ plan: planAccessors(loaded.model), moduleOf, source: loaded.dataSourceFile, command });
  return { out, file, text, accessors, skipped };
}

export async function generateTypeormAccessors(options: GenerateTypeormAccessorsOptions): Promise<GeneratedAccessors> {
  return writeAccessors(await renderTypeormAccessorsFile(options));
}
