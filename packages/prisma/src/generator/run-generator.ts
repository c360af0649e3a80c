/** What `prisma generate` runs: check the schema, print and write the report, fail at `failOn`. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatJson, formatText, planAccessors, runProjectCheck, shownPath, UserError, writeFileAtomic, writeGeneratedFile } from '@oto/core';
import type { SchemaModel } from '@oto/core';
import type { GeneratorOptions as PrismaGeneratorOptions } from '@prisma/generator';
import { getTsconfig } from 'get-tsconfig';
import { clientModule } from './client-module';
import { renderPrismaAccessors } from './render-prisma-accessors';
import { fromDmmf } from '../from-dmmf';
import { findPrismaSchema } from '../load-prisma-schema';
import { parseGeneratorOptions, toConfig } from './generator-options';

export const REPORT_FILE = 'oto-report.json';
export const ACCESSORS_FILE = 'accessors.ts';

export interface GeneratorIo {
  readonly cwd: string;
  readonly color: boolean;
  print(text: string): void;
}

export async function runGenerator(options: PrismaGeneratorOptions, io: GeneratorIo): Promise<void> {
  const block = parseGeneratorOptions(options.generator.config);
  const datasource = options.datasources[0];
  if (!datasource) throw new UserError(`${options.schemaPath}: the schema has no datasource block`);
  let model: SchemaModel | undefined;
  const { report, config, failed } = await runProjectCheck({
    cwd: io.cwd,
    configSearchFrom: path.dirname(options.schemaPath),
    ...(block.config ? { configFile: block.config } : {}),
    overrides: toConfig(block),
    source: 'generator oto',
    load: async () => {
      const schema = await findPrismaSchema({ schema: options.schemaPath, cwd: io.cwd });
      model = fromDmmf({ datamodel: options.dmmf.datamodel, provider: datasource.activeProvider, files: schema.files });
      return { model };
    },
  });
  const output = options.generator.output?.value;
  if (output) {
    await fs.mkdir(output, { recursive: true });
    const reportFile = path.join(output, REPORT_FILE);
    writeFileAtomic(reportFile, formatJson(report), { label: shownPath(io.cwd, reportFile) });
    const client = block.accessors === 'false' ? undefined : clientModule(options.otherGenerators, output, (dir) => getTsconfig(dir)?.config.compilerOptions);
    if (client && model) {
      const file = path.join(output, ACCESSORS_FILE);
      const schemaLabel = shownPath(io.cwd, options.schemaPath);
      const text = renderPrismaAccessors({ plan: planAccessors(model), client, source: schemaLabel, command: 'prisma generate' });
      writeGeneratedFile(file, text, shownPath(io.cwd, file));
    } else if (block.accessors === 'true') {
      throw new UserError(`${options.schemaPath}: generator oto: accessors = "true" needs a Prisma Client generator (provider "prisma-client" with an output, or "prisma-client-js") in the schema`);
    }
  }
  const text = formatText(report, { color: io.color });
  if (failed) {
    throw new UserError(`oto found one-to-one problems at or above "${config.failOn}":\n${text}`);
  }
  io.print(text);
}
