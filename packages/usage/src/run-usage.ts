/** `oto check --usage`: the application code's queries over the analyzed model, with the ignore comments. */
import { analyze } from '@oto/core';
import type { CodeLocation, IgnoreComment, Query, SchemaModel, UnresolvedQuery, UsageFacts } from '@oto/core';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { createDrizzleRecogniser } from './drizzle/recognise-drizzle';
import { createPrismaRecogniser } from './prisma/recognise-prisma';
import { createTypeormRecogniser } from './typeorm/recognise-typeorm';
import type { Recognised } from './recognise-calls';
import type { AnalyzedModel } from '@oto/core';
import type { SourceFile } from 'ts-morph';

/** One recogniser per ORM, chosen by the schema source. */
const RECOGNISERS: Partial<Record<SchemaModel['source'], (model: AnalyzedModel) => (file: SourceFile) => Recognised>> = {
  drizzle: createDrizzleRecogniser,
  prisma: createPrismaRecogniser,
  typeorm: createTypeormRecogniser,
};
import { readIgnoreComments } from './ignore-comments';
import { createRawSqlRecogniser } from './sql/recognise-raw-sql';
import type { LoadedSqlParser } from './sql/sql-parser';
import { openPrograms, readUsageConfigs } from './load-project';
import type { UsageProjectOptions } from './load-project';

/** `sql`, the dialect's parser (`loadSqlParser`), also reads the raw SQL of the code. */
export function readUsage(model: SchemaModel, options: UsageProjectOptions, sql?: LoadedSqlParser): UsageFacts {
  const analyzed = analyze(model);
  const configs = readUsageConfigs(options);
  const queries: Query[] = [];
  const unresolved: UnresolvedQuery[] = [];
  const ignores: IgnoreComment[] = [];
  const syntaxErrors: { location: CodeLocation; message: string }[] = [];
  let files = 0;
  for (const { project, files: paths } of openPrograms(configs)) {
    const recognise = RECOGNISERS[model.source]?.(analyzed);
    const recogniseSql = sql ? createRawSqlRecogniser(analyzed, sql) : undefined;
    const program = project.getProgram().compilerObject;
    for (const path of paths) {
      const file = project.getSourceFileOrThrow(path);
      files += 1;
      const [syntax] = program.getSyntacticDiagnostics(file.compilerNode);
      if (syntax) {
        const { line, character } = file.compilerNode.getLineAndCharacterOfPosition(syntax.start ?? 0);
        syntaxErrors.push({ location: { file: file.getFilePath(), line: line + 1, column: character + 1 }, message: ts.flattenDiagnosticMessageText(syntax.messageText, ' ') });
        continue;
      }
      ignores.push(...readIgnoreComments(file));
      for (const found of [recognise?.(file), recogniseSql?.(file)]) {
        if (!found) continue;
        queries.push(...found.queries);
        unresolved.push(...found.unresolved);
      }
    }
  }
  return { tsconfig: path.resolve(options.cwd, options.tsconfig), files, queries, unresolved, ignores, syntaxErrors };
}
