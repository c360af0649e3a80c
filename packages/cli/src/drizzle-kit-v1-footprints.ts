/**
 * The footprint of each delta in a drizzle-kit 1.0 PostgreSQL "diff" snapshot: the statement it is
 * (`add_unique`, `create_index`, `alter_column`, `recreate_fk`, `rename_constraint`,
 * `rename_index`, `rename_table`), its target, and the names it writes and reads, which drizzle-kit's
 * commutativity check (`drizzle-kit check`, and `generate` on a folder with branches) intersects
 * across two branches of the folder to find migrations that do not commute. Statements drizzle-kit
 * counts as idempotent carry `sqlHash`, the hash of the SQL drizzle-kit writes for them, so that
 * the same change on two branches is one change, not a conflict. Nodes and SQL as drizzle-kit
 * 1.0.0-rc.5 writes them (checked against its own snapshots in
 * test/e2e/drizzle-kit-v1-snapshot-parity.test.ts). Pure.
 */
import { createHash } from 'node:crypto';
import { rowKey } from './drizzle-kit-v1-ddl';
import type { KitDelta, KitRow } from './drizzle-kit-v1-ddl';

export interface KitFootprint {
  readonly statementType: string;
  readonly statementTarget: readonly string[];
  readonly writes: readonly string[];
  readonly reads: readonly string[];
  readonly sqlHash?: string;
}

const node = (mark: 's' | 'n' | 'e', kind: string, ...path: readonly unknown[]) => `${mark}|${kind}|${path.join('.')}`;

/** The names a statement on the entity takes besides its own (a table's relation and type, a unique's constraint and index). */
function shared(kind: string, path: readonly unknown[]): string[] {
  if (kind === 'tbl') return [node('n', 'rel', ...path), node('n', 'type', ...path)];
  if (kind === 'idx') return [node('n', 'rel', ...path)];
  if (kind === 'uq') return [node('n', 'con', ...path), node('n', 'rel', path[0], path[2])];
  if (kind === 'fk') return [node('n', 'con', ...path)];
  return [];
}
const created = (kind: string, ...path: readonly unknown[]) => [node('s', kind, ...path), node('n', kind, ...path), node('e', kind, ...path), ...shared(kind, path)];
const endpoint = (kind: string, ...path: readonly unknown[]) => [node('s', kind, ...path), node('n', kind, ...path), ...shared(kind, path)];
const underTable = (schema: unknown, table: unknown) => [node('n', 'tbl', schema, table), node('n', 'sch', schema)];

/** drizzle-kit's `sqlHash`: the first 16 hex digits of the SHA-256 of its statements. */
const sqlHash = (sql: string) => createHash('sha256').update(sql).digest('hex').slice(0, 16);
const kitTable = (schema: unknown, table: unknown) => (schema !== 'public' ? `"${String(schema)}"."${String(table)}"` : `"${String(table)}"`);
const kitColumns = (columns: readonly unknown[]) => columns.map((c) => `"${String(c)}"`).join(',');

/** The SQL drizzle-kit writes to recreate a foreign key (its ON DELETE changed). */
function recreateForeignKey(fk: KitRow): string {
  const onDelete = fk['onDelete'] !== 'NO ACTION' ? ` ON DELETE ${String(fk['onDelete'])}` : '';
  const onUpdate = fk['onUpdate'] !== 'NO ACTION' ? ` ON UPDATE ${String(fk['onUpdate'])}` : '';
  const name = String(fk['name']);
  return (
    `ALTER TABLE ${kitTable(fk['schema'], fk['table'])} DROP CONSTRAINT "${name}", ADD CONSTRAINT "${name}" FOREIGN KEY (${kitColumns(fk['columns'] as unknown[])}) ` +
    `REFERENCES ${kitTable(fk['schemaTo'], fk['tableTo'])}(${kitColumns(fk['columnsTo'] as unknown[])})${onDelete}${onUpdate};`
  );
}

const plainColumns = (row: KitRow) => (row['columns'] as { value: string; isExpression: boolean }[]).filter((c) => !c.isExpression).map((c) => c.value);

/** The footprint of a delta on the rows before it (the rows it alters or renames are there). */
export function footprintOf(delta: KitDelta, before: readonly KitRow[]): KitFootprint {
  const row = delta.op === 'create' ? delta.row : before.find((r) => rowKey('postgres', r) === delta.key);
  if (!row) throw new Error(`footprintOf: no row ${delta.op === 'create' ? '' : delta.key}`);
  const [schema, table, name] = [String(row['schema']), String(row['table']), String(row['name'])];
  const to = delta.op === 'create' || delta.op === 'drop' ? undefined : delta.set['name'];
  switch (`${delta.op} ${row.entityType}`) {
    case 'create uniques':
      return {
        statementType: 'add_unique',
        statementTarget: ['table', schema, table],
        writes: created('uq', schema, table, name),
        reads: [...underTable(schema, table), ...(row['columns'] as string[]).map((c) => node('n', 'col', schema, table, c))],
      };
    case 'create indexes':
      return {
        statementType: 'create_index',
        statementTarget: ['index', schema, table, name],
        writes: created('idx', schema, name),
        reads: [...underTable(schema, table), ...plainColumns(row).map((c) => node('n', 'col', schema, table, c))],
      };
    case 'alter columns':
      return {
        statementType: 'alter_column',
        statementTarget: ['column', schema, table, name],
        writes: [node('s', 'colprop', schema, table, name, 'notNull')],
        reads: [...underTable(schema, table), node('n', 'col', schema, table, name)],
        sqlHash: sqlHash(`ALTER TABLE ${kitTable(schema, table)} ALTER COLUMN "${name}" SET NOT NULL;`),
      };
    case 'alter fks': {
      const fk = { ...row, ...(delta.op === 'alter' ? delta.set : {}) };
      return {
        statementType: 'recreate_fk',
        statementTarget: ['table', schema, table],
        writes: created('fk', schema, table, name),
        reads: [
          ...underTable(schema, table),
          node('n', 'tbl', fk['schemaTo'], fk['tableTo']),
          node('n', 'sch', fk['schemaTo']),
          ...(fk['columns'] as string[]).map((c) => node('n', 'col', schema, table, c)),
          ...(fk['columnsTo'] as string[]).map((c) => node('n', 'col', fk['schemaTo'], fk['tableTo'], c)),
          node('e', 'uniqueness', fk['schemaTo'], fk['tableTo'], ...[...(fk['columnsTo'] as string[])].sort()),
        ],
        sqlHash: sqlHash(recreateForeignKey(fk)),
      };
    }
    case 'rename uniques':
      return {
        statementType: 'rename_constraint',
        statementTarget: ['table', schema, table],
        writes: [...endpoint('uq', schema, table, name), ...endpoint('uq', schema, table, to)],
        reads: [...underTable(schema, table), ...(row['columns'] as string[]).map((c) => node('e', 'col', schema, table, c))],
      };
    case 'rename indexes':
      return {
        statementType: 'rename_index',
        statementTarget: ['index', schema, table, name],
        writes: [...endpoint('idx', schema, name), ...endpoint('idx', schema, to)],
        reads: [node('e', 'tbl', schema, table), node('n', 'sch', schema), ...plainColumns(row).map((c) => node('e', 'col', schema, table, c))],
      };
    case 'rename tables':
      return {
        statementType: 'rename_table',
        statementTarget: ['table', schema, name],
        writes: [...endpoint('tbl', schema, name), ...endpoint('tbl', schema, to)],
        reads: [node('n', 'sch', schema)],
      };
    default:
      throw new Error(`footprintOf: oto writes no ${delta.op} of ${row.entityType}`);
  }
}
