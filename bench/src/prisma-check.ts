/**
 * `oto check --prisma` against a bare `getDMMF` (@prisma/get-dmmf) of the same schema: the work Prisma itself does to
 * read it. Both run in this process, warm, alternating; the median of each is compared.
 * The subject is the whole check: find and read the files, DMMF, model, rules, JSON report.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildReport, check, formatJson, resolveConfig } from '@oto/core';
import { loadPrismaModel, prepareSchema } from '@oto/prisma';
import type { SchemaFile } from '@oto/prisma';
import { getDMMF } from '@prisma/get-dmmf';
import { generatedPrismaSchema } from './generated-schema';
import { compare, row } from './measure';

const CIVITAI = path.resolve(__dirname, '../../../shared/corpus/prisma/civitai__civitai/packages/civitai-db-schema/prisma/schema.full.prisma');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function bench(name: string, schemaPath: string, target?: number): Promise<void> {
  const files: SchemaFile[] = [{ path: schemaPath, content: fs.readFileSync(schemaPath, 'utf8') }];
  const prepared = await prepareSchema(files); // the text Prisma 7 accepts: what a bare getDMMF is given
  const datamodel = prepared.files.map((f) => [f.path, f.content] as [string, string]);
  const config = resolveConfig({});
  const result = await compare(
    RUNS,
    async () => {
      const { model } = await loadPrismaModel({ schema: schemaPath, cwd: process.cwd() });
      return formatJson(buildReport(check(model, config)));
    },
    async () => {
      // What \`prisma generate\` runs to read the schema (the wasm getDMMF under @prisma/internals').
      const dmmf = getDMMF({ datamodel });
      if ('reason' in dmmf) throw dmmf.error;
      return dmmf;
    },
  );
  console.log(row(name, result, target));
}

async function main(): Promise<void> {
  console.log(`oto check vs bare getDMMF (median of ${RUNS} warm runs each, ${os.cpus().length} cores)`);
  if (fs.existsSync(CIVITAI)) await bench('civitai (302 models, corpus)', CIVITAI, 1.3);
  else console.log('civitai: ../shared/corpus absent, skipped');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oto-bench-'));
  try {
    const generated = path.join(dir, 'schema.prisma');
    fs.writeFileSync(generated, generatedPrismaSchema(1000));
    await bench('generated (1,000 models)', generated, 1.3);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
