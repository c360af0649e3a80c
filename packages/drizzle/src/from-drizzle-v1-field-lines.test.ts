/**
 * The lines fromDrizzle gives drizzle-orm 1.0 relation fields, and so their findings: a table's
 * key at the top level of the defineRelations callback (never a field named like the table in an
 * earlier table's block), the field inside it, in the part that declares it.
 * The tables and relations are built by the real drizzle-orm 1.0 (installed as drizzle-orm-v1).
 */
import { check, resolveConfig } from '@oto/core';
import { defineRelations, defineRelationsPart } from 'drizzle-orm-v1';
import { integer, pgTable, serial, text } from 'drizzle-orm-v1/pg-core';
import type { DrizzleExport } from './from-drizzle';
import { fromDrizzle } from './from-drizzle';
import { exportedDeclarations } from './source-text';

const gitProvider = pgTable('git_provider', { id: serial('id').primaryKey(), name: text('name') });
// Neither provider id is unique: each one-to-one below lacks its unique (one finding each).
const github = pgTable('github', { id: serial('id').primaryKey(), gitProviderId: integer('git_provider_id').notNull().references(() => gitProvider.id) });
const bitbucket = pgTable('bitbucket', {
  id: serial('id').primaryKey(),
  githubId: integer('github_id').references(() => github.id),
  gitProviderId: integer('git_provider_id').notNull().references(() => gitProvider.id),
});
const tables = { gitProvider, github, bitbucket };

/** A file's text from its lines; `// @mark` at a line's end names that line for the expectations. */
const source = (...lines: string[]) => lines.join('\n');
const lineMarked = (file: string, mark: string) => file.split('\n').findIndex((l) => l.trimEnd().endsWith(`// @${mark}`)) + 1;

const TABLES = source(
  "import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';",
  "export const gitProvider = pgTable('git_provider', { id: serial('id').primaryKey(), name: text('name') });",
  "export const github = pgTable('github', { id: serial('id').primaryKey(), gitProviderId: integer('git_provider_id').notNull().references(() => gitProvider.id) });",
  "export const bitbucket = pgTable('bitbucket', {",
  "  id: serial('id').primaryKey(),",
  "  githubId: integer('github_id').references(() => github.id), // @bitbucket.githubId",
  "  gitProviderId: integer('git_provider_id').notNull().references(() => gitProvider.id), // @bitbucket.gitProviderId",
  '});',
);
const RELATIONS = source(
  "import { defineRelations } from 'drizzle-orm';",
  "import * as schema from './tables';",
  '',
  'export const relations = defineRelations(schema, (r) => ({',
  '  bitbucket: {',
  '    github: r.one.github({ from: r.bitbucket.githubId, to: r.github.id }), // @bitbucket.github',
  '    gitProvider: r.one.gitProvider({ from: r.bitbucket.gitProviderId, to: r.gitProvider.id, optional: false }), // @bitbucket.gitProvider',
  '  },',
  '  github: {',
  '    bitbucket: r.one.bitbucket(), // @github.bitbucket',
  '    gitProvider: r.one.gitProvider({ from: r.github.gitProviderId, to: r.gitProvider.id, optional: false }), // @github.gitProvider',
  '  },',
  '  gitProvider: {',
  '    github: r.one.github(), // @gitProvider.github',
  '    bitbucket: r.one.bitbucket(), // @gitProvider.bitbucket',
  '  },',
  '}));',
);

function exportsOf(files: ReadonlyMap<string, string>, values: Record<string, Record<string, unknown>>): DrizzleExport[] {
  return Object.entries(values).flatMap(([file, exported]) => {
    const lines = exportedDeclarations(files.get(file) ?? '');
    return Object.entries(exported).map(([name, value]) => ({ name, value, origin: { file, line: lines.get(name)! } }));
  });
}

/** Each relation end's field with its file and line, and each finding's. */
function located(files: ReadonlyMap<string, string>, values: Record<string, Record<string, unknown>>) {
  const { model } = fromDrizzle({ exports: exportsOf(files, values), files });
  const ends = model.relations
    .flatMap((r) => [r.dependent, r.principal])
    .filter((e) => e.field)
    .map((e) => `${e.entity}.${e.field} ${e.origin?.file}:${e.origin?.line}`)
    .sort();
  const findings = check(model, resolveConfig({}))
    .diagnostics.filter((d) => d.ruleId === 'one-to-one-unique')
    .map((d) => `${d.location.relation} ${d.location.file}:${d.location.line}`)
    .sort();
  return { ends, findings };
}

describe('fromDrizzle: the lines of drizzle-orm 1.0 relation fields', () => {
  it('a field named like a table in an earlier block is not that table’s key', () => {
    const files = new Map([
      ['src/tables.ts', TABLES],
      ['src/relations.ts', RELATIONS],
    ]);
    const relations = defineRelations(tables, (r) => ({
      bitbucket: {
        github: r.one.github({ from: r.bitbucket.githubId, to: r.github.id }),
        gitProvider: r.one.gitProvider({ from: r.bitbucket.gitProviderId, to: r.gitProvider.id, optional: false }),
      },
      github: {
        bitbucket: r.one.bitbucket(),
        gitProvider: r.one.gitProvider({ from: r.github.gitProviderId, to: r.gitProvider.id, optional: false }),
      },
      gitProvider: { github: r.one.github(), bitbucket: r.one.bitbucket() },
    }));
    const at = (mark: string) => `src/relations.ts:${lineMarked(RELATIONS, mark)}`;
    const column = (mark: string) => `src/tables.ts:${lineMarked(TABLES, mark)}`;
    expect(located(files, { 'src/tables.ts': tables, 'src/relations.ts': { relations } })).toEqual({
      ends: [
        `bitbucket.github ${at('bitbucket.github')}`,
        `bitbucket.gitProvider ${at('bitbucket.gitProvider')}`,
        `github.bitbucket ${at('github.bitbucket')}`,
        `github.gitProvider ${at('github.gitProvider')}`,
        `gitProvider.bitbucket ${at('gitProvider.bitbucket')}`,
        `gitProvider.github ${at('gitProvider.github')}`,
      ].sort(),
      // A one-to-one lacking its unique is reported at its foreign key column's line, else (github's
      // columns are on the table's first line, not located) at its dependent's field.
      findings: [`bitbucket.github ${column('bitbucket.githubId')}`, `bitbucket.gitProvider ${column('bitbucket.gitProviderId')}`, `github.gitProvider ${at('github.gitProvider')}`].sort(),
    });
  });

  it('several parts in several files: each field in the part that declares it', () => {
    const MAIN = source(
      "import { defineRelations } from 'drizzle-orm';",
      'export const relations = defineRelations(schema, (r) => ({',
      '  bitbucket: {',
      '    github: r.one.github({ from: r.bitbucket.githubId, to: r.github.id }), // @bitbucket.github',
      '  },',
      '  github: { bitbucket: r.one.bitbucket() }, // @github.bitbucket',
      '}));',
    );
    const PART = source(
      "import { defineRelationsPart } from 'drizzle-orm';",
      '',
      'export const providerRelations = defineRelationsPart(schema, (r) => ({',
      '  github: {',
      '    gitProvider: r.one.gitProvider({ from: r.github.gitProviderId, to: r.gitProvider.id, optional: false }), // @github.gitProvider',
      '  },',
      '  gitProvider: {',
      '    github: r.one.github(), // @gitProvider.github',
      '  },',
      '}));',
    );
    const files = new Map([
      ['src/tables.ts', TABLES],
      ['src/relations/main.ts', MAIN],
      ['src/relations/providers.ts', PART],
    ]);
    const relations = defineRelations(tables, (r) => ({
      bitbucket: { github: r.one.github({ from: r.bitbucket.githubId, to: r.github.id }) },
      github: { bitbucket: r.one.bitbucket() },
    }));
    const providerRelations = defineRelationsPart(tables, (r) => ({
      github: { gitProvider: r.one.gitProvider({ from: r.github.gitProviderId, to: r.gitProvider.id, optional: false }) },
      gitProvider: { github: r.one.github() },
    }));
    const main = (mark: string) => `src/relations/main.ts:${lineMarked(MAIN, mark)}`;
    const part = (mark: string) => `src/relations/providers.ts:${lineMarked(PART, mark)}`;
    const { ends, findings } = located(files, { 'src/tables.ts': tables, 'src/relations/main.ts': { relations }, 'src/relations/providers.ts': { providerRelations } });
    expect(ends).toEqual(
      [`bitbucket.github ${main('bitbucket.github')}`, `github.bitbucket ${main('github.bitbucket')}`, `github.gitProvider ${part('github.gitProvider')}`, `gitProvider.github ${part('gitProvider.github')}`].sort(),
    );
    expect(findings).toEqual([`bitbucket.github src/tables.ts:${lineMarked(TABLES, 'bitbucket.githubId')}`, `github.gitProvider ${part('github.gitProvider')}`].sort());
  });
});
