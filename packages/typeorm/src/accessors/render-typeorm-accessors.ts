/**
 * TypeORM accessors as a TypeScript module: one exported function per accessor, taking a
 * DataSource or an EntityManager (a transaction's) and the key, reading with a query builder and
 * `.limit(2)`: one query, without the two-query pagination `take` brings with joins. Conditions
 * name properties (`t.user.id`), which TypeORM turns into the join column, so the text is the
 * same for every database. Types are the user's entity classes. Pure: plan in, text out.
 */
import { accessorDoc, accessorTables, camelName, generatedHeader, guardCall, keyParameter, pascalName, runtimeImport, tableImports, tableKey, tsString, uniqueNames } from '@oto/core';
import type { Accessor, AccessorPlan, Column, SkippedAccessor, Table } from '@oto/core';

export interface TypeormAccessorsInput {
  readonly plan: AccessorPlan;
  /** The module that exports an entity class (under its `entity` name), as the generated file imports it. */
  readonly moduleOf: (table: Table) => string;
  readonly source: string;
  readonly command: string;
}

const RESERVED = ['DataSource', 'EntityManager', 'atMostOne', 'exactlyOne', 'OtoManager', 'db', 'rows'];

/**
 * The property path of a column in a query-builder condition: the column's property, or for a
 * join column without one, the relation property and the referenced property (`t.user.id`).
 */
function columnPath(alias: string, column: Column, a: Accessor, paired: Column): string | undefined {
  if (column.field) return `${alias}.${column.field}`;
  const relationField = a.relation.dependent.field;
  if (!relationField || !paired.field) return undefined;
  return `${alias}.${relationField}.${paired.field}`;
}

interface Rendered {
  readonly text?: string;
  readonly skipped?: SkippedAccessor;
}

export function renderTypeormAccessors(input: TypeormAccessorsInput): { text: string; skipped: readonly SkippedAccessor[]; accessors: number } {
  const taken = new Set(RESERVED);
  const usable = input.plan.accessors.filter((a) => a.from.entity && a.to.entity);
  const classList = accessorTables(usable);
  const local = new Map(classList.map((t) => [tableKey(t), uniqueNames([t.entity as string], taken)[0] as string] as const));
  const nameOf = (t: Table) => local.get(tableKey(t)) as string;
  const functionNames = uniqueNames(usable.map((a) => `${camelName(a.from.entity as string)}${pascalName(a.name)}`), taken);

  const rendered = usable.map((a, i) => renderAccessor(a, functionNames[i] as string, nameOf));
  const skipped: SkippedAccessor[] = [
    ...input.plan.skipped,
    ...input.plan.accessors.filter((a) => !usable.includes(a)).map((a) => ({ relation: a.label, reason: 'a table without an entity class' })),
    ...rendered.flatMap((r) => (r.skipped ? [r.skipped] : [])),
  ];
  const written = rendered.flatMap((r, i) => (r.text ? [{ text: r.text, accessor: usable[i] as Accessor }] : []));

  const imports = ["import type { DataSource, EntityManager } from 'typeorm';"];
  const writtenAccessors = written.map((w) => w.accessor);
  imports.push(...runtimeImport(writtenAccessors), ...tableImports(accessorTables(writtenAccessors), input.moduleOf, nameOf));

  const parts = [
    generatedHeader(input.source, input.command),
    imports.join('\n'),
    '/** A TypeORM DataSource, or an EntityManager (a transaction\'s). */\nexport type OtoManager = DataSource | EntityManager;',
    ...written.map((w) => w.text),
  ];
  if (skipped.length > 0) parts.push(skipped.map((s) => `// No accessor for ${s.relation}: ${s.reason}.`).join('\n'));
  return { text: `${parts.join('\n\n')}\n`, skipped, accessors: written.length };
}

function renderAccessor(a: Accessor, name: string, nameOf: (t: Table) => string): Rendered {
  const from = nameOf(a.from);
  const to = nameOf(a.to);
  const key = keyParameter(a, (c) => `${from}[${tsString(c.field ?? c.name)}]`, ['db']);
  const missing = [...a.key].find((c) => !c.field);
  if (missing) return { skipped: { relation: a.label, reason: `key column ${a.from.name}.${missing.name} has no property` } };
  const params = key.values.map((v, i) => `k${i}: ${v}`).join(', ');
  let query: string;
  if (a.direct) {
    const conditions = a.join.map((p, i) => [columnPath('t', p.to, a, p.from), `:k${i}`] as const);
    if (conditions.some(([c]) => !c)) return { skipped: { relation: a.label, reason: 'a join column without a property or relation property' } };
    query = `db.getRepository(${to}).createQueryBuilder('t')\n    .where(${tsString(conditions.map(([c, v]) => `${c} = ${v}`).join(' AND '))}, { ${params} })`;
  } else {
    const on = a.join.map((p) => [columnPath('f', p.from, a, p.to), columnPath('t', p.to, a, p.from)] as const);
    if (on.some(([x, y]) => !x || !y)) return { skipped: { relation: a.label, reason: 'a join column without a property or relation property' } };
    const where = a.key.map((c, i) => `f.${c.field} = :k${i}`).join(' AND ');
    query =
      `db.getRepository(${to}).createQueryBuilder('t')\n    .innerJoin(${from}, 'f', ${tsString(on.map(([x, y]) => `${x} = ${y}`).join(' AND '))})\n` +
      `    .where(${tsString(where)}, { ${params} })`;
  }
  const result = a.optional ? `${to} | null` : to;
  const body = [`  const rows = await ${query}\n    .limit(2)\n    .getMany();`, `  return ${guardCall(a, 'rows', key, tableKey(a.to))};`];
  return { text: `${accessorDoc(a)}\nexport async function ${name}(db: OtoManager, ${key.declaration}): Promise<${result}> {\n${body.join('\n')}\n}` };
}
