/**
 * Drizzle accessors as a TypeScript module: one exported function per accessor, taking a Drizzle
 * database (or transaction) and the key, reading with the select builder and `.limit(2)`. Types
 * come from the user's tables (`$inferSelect`), so they follow the schema. Pure: plan in, text out.
 */
import { accessorDoc, accessorTables, camelName, fieldOf, generatedHeader, guardCall, keyParameter, pascalName, runtimeImport, tableImports, tableKey, tsMember, tsString, uniqueNames } from '@oto/core';
import type { Accessor, AccessorPlan, Column, Dialect, Table } from '@oto/core';

export interface DrizzleAccessorsInput {
  readonly plan: AccessorPlan;
  readonly dialect: Dialect;
  /** The module that exports a table (under its `entity` name), as the generated file imports it. */
  readonly moduleOf: (table: Table) => string;
  /** What the file was generated from, and the command that writes it again (the header says both). */
  readonly source: string;
  readonly command: string;
  /** The major version of the project's drizzle-orm: 1.0 renamed the database classes. */
  readonly drizzleMajor?: number;
}

interface DialectCode {
  readonly core: string;
  readonly database: string;
  readonly types: readonly string[];
}

const DIALECTS: Partial<Record<Dialect, DialectCode>> = {
  postgresql: { core: 'drizzle-orm/pg-core', database: 'Pick<PgDatabase<PgQueryResultHKT>, \'select\'>', types: ['PgDatabase', 'PgQueryResultHKT'] },
  mysql: {
    core: 'drizzle-orm/mysql-core',
    database: 'Pick<MySqlDatabase<MySqlQueryResultHKT, PreparedQueryHKTBase>, \'select\'>',
    types: ['MySqlDatabase', 'MySqlQueryResultHKT', 'PreparedQueryHKTBase'],
  },
  sqlite: { core: 'drizzle-orm/sqlite-core', database: 'Pick<BaseSQLiteDatabase<\'sync\' | \'async\', unknown>, \'select\'>', types: ['BaseSQLiteDatabase'] },
};

/** drizzle-orm 1.0's database classes (`PgAsyncDatabase`, …); the select builder is the same. */
const DIALECTS_V1: Partial<Record<Dialect, DialectCode>> = {
  postgresql: { core: 'drizzle-orm/pg-core', database: 'Pick<PgAsyncDatabase<PgQueryResultHKT>, \'select\'>', types: ['PgAsyncDatabase', 'PgQueryResultHKT'] },
  mysql: { core: 'drizzle-orm/mysql-core', database: 'Pick<MySqlAsyncDatabase<MySqlQueryResultHKT>, \'select\'>', types: ['MySqlAsyncDatabase', 'MySqlQueryResultHKT'] },
  sqlite: { core: 'drizzle-orm/sqlite-core', database: 'Pick<SQLiteAsyncDatabase<\'sync\' | \'async\', unknown>, \'select\'>', types: ['SQLiteAsyncDatabase'] },
};

const RESERVED = ['and', 'eq', 'alias', 'atMostOne', 'exactlyOne', 'OtoDatabase', 'db', 'rows', 'from'];

export function renderDrizzleAccessors(input: DrizzleAccessorsInput): string {
  const code = ((input.drizzleMajor ?? 0) >= 1 ? DIALECTS_V1 : DIALECTS)[input.dialect === 'cockroachdb' ? 'postgresql' : input.dialect];
  if (!code) throw new Error(`no Drizzle accessors for dialect ${input.dialect}`);
  const { accessors } = input.plan;
  const taken = new Set(RESERVED);

  // The tables, imported under their export names (a second table of the same name gets a number).
  const tableList = accessorTables(accessors);
  const local = new Map(tableList.map((t, i) => [tableKey(t), uniqueNames([t.entity ?? camelName(t.name)], taken)[0] ?? `table${i}`] as const));
  const nameOf = (t: Table) => local.get(tableKey(t)) as string;

  const functionNames = uniqueNames(accessors.map((a) => `${camelName(a.from.entity ?? a.from.name)}${pascalName(a.name)}`), taken);
  const needsAnd = accessors.some((a) => a.join.length > 1 || (!a.direct && a.key.length > 1));
  const needsAlias = accessors.some((a) => !a.direct && tableKey(a.from) === tableKey(a.to));

  const imports: string[] = [];
  imports.push(`import { ${needsAnd ? 'and, ' : ''}eq } from 'drizzle-orm';`);
  if (needsAlias) imports.push(`import { alias } from '${code.core}';`);
  imports.push(`import type { ${code.types.join(', ')} } from '${code.core}';`);
  imports.push(...runtimeImport(accessors), ...tableImports(tableList, input.moduleOf, nameOf));

  const parts = [
    generatedHeader(input.source, input.command),
    imports.join('\n'),
    `/** A Drizzle database or transaction (${input.dialect}). */\nexport type OtoDatabase = ${code.database};`,
    ...accessors.map((a, i) => renderAccessor(a, functionNames[i] as string, nameOf)),
  ];
  if (input.plan.skipped.length > 0) {
    parts.push(input.plan.skipped.map((s) => `// No accessor for ${s.relation}: ${s.reason}.`).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

function conditions(pairs: readonly (readonly [string, string])[]): string {
  const each = pairs.map(([a, b]) => `eq(${a}, ${b})`);
  return each.length === 1 ? (each[0] as string) : `and(${each.join(', ')})`;
}

function renderAccessor(a: Accessor, name: string, nameOf: (t: Table) => string): string {
  const to = nameOf(a.to);
  const selfJoin = tableKey(a.from) === tableKey(a.to);
  const from = selfJoin ? 'from' : nameOf(a.from);
  const column = (table: string, c: Column) => tsMember(table, fieldOf(c));
  const typeOf = (c: Column) => {
    const type = `(typeof ${nameOf(a.from)}.$inferSelect)[${tsString(fieldOf(c))}]`;
    return c.nullable ? `NonNullable<${type}>` : type;
  };
  const key = keyParameter(a, typeOf, ['db']);
  const row = `typeof ${to}.$inferSelect`;
  const result = a.optional ? `${row} | null` : row;
  const body: string[] = [];
  if (a.direct) {
    const where = conditions(a.join.map((p, i) => [column(to, p.to), key.values[i] as string] as const));
    body.push(`  const rows = await db.select().from(${to}).where(${where}).limit(2);`);
    body.push(`  return ${guardCall(a, 'rows', key, tableKey(a.to))};`);
  } else {
    if (selfJoin) body.push(`  const from = alias(${to}, 'oto_from');`);
    const on = conditions(a.join.map((p) => [column(from, p.from), column(to, p.to)] as const));
    const where = conditions(a.key.map((c, i) => [column(from, c), key.values[i] as string] as const));
    body.push(`  const rows = await db.select({ row: ${to} }).from(${to}).innerJoin(${from}, ${on}).where(${where}).limit(2);`);
    body.push(`  return ${guardCall(a, 'rows.map((r) => r.row)', key, tableKey(a.to))};`);
  }
  return `${accessorDoc(a)}\nexport async function ${name}(db: OtoDatabase, ${key.declaration}): Promise<${result}> {\n${body.join('\n')}\n}`;
}
