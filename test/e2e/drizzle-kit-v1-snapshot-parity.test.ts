/**
 * Each change `oto generate sql --into` writes to a drizzle-kit 1.0 folder gives the snapshot the
 * real drizzle-kit 1.0.0-rc.5 (examples/drizzle-v1 installs it) writes for the same change of the
 * schema, on PostgreSQL (a diff: its deltas and footprints, sqlHash included) and on MySQL and SQLite
 * (the whole model after the last snapshot). A dialect's cases are a few migrations of several
 * changes each: drizzle-kit runs once a migration, two at a time, from one `init` copied.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SqlChange } from '@oto/core';
import { nextV1Snapshot } from '../../packages/cli/src/drizzle-kit-v1-snapshot';
import type { StoredSnapshot } from '../../packages/cli/src/drizzle-kit-v1-snapshot';
import { CORE, DIALECTS, drizzleV1Projects, kitConfig as config } from '../support/drizzle-v1-projects';
import type { Dialect } from '../support/drizzle-v1-projects';

jest.setTimeout(240_000);

const { copied, initialised, drizzleKit, later } = drizzleV1Projects('drizzle-kit-v1-parity');

interface Edit {
  readonly userId?: string;
  readonly onDelete?: string;
  readonly table?: string;
  readonly unique?: string;
  readonly index?: string;
  readonly extra?: string;
}

/** The tables every parity case starts from: a foreign key, a named UNIQUE and a named unique index to rename. */
function parityTables(dialect: Dialect, edit: Edit = {}): string {
  const c = CORE[dialect];
  const text = c.module === 'mysql-core' ? 'varchar' : 'text';
  return `import { sql } from 'drizzle-orm';
import { ${c.table}, ${c.int}, ${text}, unique, uniqueIndex } from 'drizzle-orm/${c.module}';
export const users = ${c.table}('app_user', { id: ${c.id} });
export const passports = ${c.table}('${edit.table ?? 'passport'}', {
  id: ${c.id},
  userId: ${c.int}('user_id')${edit.userId ?? ''}.references(() => users.id, { onDelete: '${edit.onDelete ?? 'set null'}' }),
  code: ${c.text('code')},
  serial: ${c.text('serial')},
}, (t) => [unique('${edit.unique ?? 'passport_code_key'}').on(t.code), uniqueIndex('${edit.index ?? 'passport_serial_idx'}').on(t.serial)${edit.extra ?? ''}]);
`;
}

const passport = { name: 'passport' };
const hint = (kind: string, from: string, to: string, table?: string) => ({ type: 'rename', kind, from: ['public', ...(table ? [table] : []), from], to: ['public', ...(table ? [table] : []), to] });

/**
 * Each change oto writes, and the same change made to the schema for drizzle-kit. A dialect's
 * changes are three migrations, each change its own rows, deltas and footprint: the `keys` (the
 * UNIQUEs, NOT NULL, ON DELETE), the `indexes` (apart: beside a unique index on the same column
 * drizzle-kit's SQLite snapshot leaves the column's UNIQUE out) and the `renames` (the uniques'
 * first, then their table's; drizzle-kit wants the uniques' hints on the table's new name). On
 * PostgreSQL the table's rename is a migration of its own: in one diff with it drizzle-kit keys a
 * unique's rename on the table's new name, oto on the old one, its rename first (deltas are applied
 * in order: drizzle-kit reads both to the same model), so the two diffs differ though both are right.
 */
const CASES: readonly {
  readonly name: string;
  readonly migration: 'keys' | 'indexes' | 'renames';
  readonly edit: Edit;
  readonly change: SqlChange;
  readonly hints?: (table: string) => readonly object[];
  readonly only?: readonly Dialect[];
}[] = [
  { name: 'a UNIQUE on one column', migration: 'keys', edit: { userId: ".unique('oto_passport_user_id_key')" }, change: { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_key', keyKind: 'constraint' } },
  {
    name: 'a UNIQUE on two columns',
    migration: 'keys',
    edit: { extra: ", unique('oto_passport_user_id_code_key').on(t.userId, t.code)" },
    change: { kind: 'add-unique', table: passport, columns: ['user_id', 'code'], name: 'oto_passport_user_id_code_key', keyKind: 'constraint' },
  },
  { name: 'a unique index', migration: 'indexes', edit: { extra: ", uniqueIndex('oto_passport_user_id_idx').on(t.userId)" }, change: { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_idx', keyKind: 'index' } },
  {
    name: 'a partial unique index',
    migration: 'indexes',
    edit: { extra: ", uniqueIndex('oto_passport_user_id_live_idx').on(t.userId).where(sql`\"code\" IS NOT NULL`)" },
    change: { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_live_idx', keyKind: 'index', where: '"code" IS NOT NULL' },
    // MySQL has no partial indexes (drizzle-orm's MySQL uniqueIndex has no where).
    only: ['postgresql', 'sqlite'],
  },
  { name: 'NOT NULL', migration: 'keys', edit: { userId: '.notNull()' }, change: { kind: 'set-not-null', table: passport, columns: ['user_id'] } },
  {
    name: 'an ON DELETE',
    migration: 'keys',
    edit: { onDelete: 'cascade' },
    change: { kind: 'replace-foreign-key', table: passport, foreignKey: { name: '', columns: ['user_id'], referencedTable: 'app_user', referencedColumns: ['id'], onDelete: 'set-null' }, onDelete: 'cascade' },
  },
  {
    name: 'a renamed UNIQUE',
    migration: 'renames',
    edit: { unique: 'oto_passport_code_key' },
    change: { kind: 'rename-unique', table: passport, columns: ['code'], from: 'passport_code_key', to: 'oto_passport_code_key', keyKind: 'constraint' },
    hints: (table) => [hint('unique', 'passport_code_key', 'oto_passport_code_key', table)],
  },
  {
    name: 'a renamed unique index',
    migration: 'renames',
    edit: { index: 'oto_passport_serial_idx' },
    change: { kind: 'rename-unique', table: passport, columns: ['serial'], from: 'passport_serial_idx', to: 'oto_passport_serial_idx', keyKind: 'index' },
    hints: (table) => [hint('index', 'passport_serial_idx', 'oto_passport_serial_idx', table)],
  },
  { name: 'a renamed table', migration: 'renames', edit: { table: 'oto_passport' }, change: { kind: 'rename-table', table: passport, to: 'oto_passport' }, hints: () => [hint('table', 'passport', 'oto_passport')] },
];

const readSnapshots = (out: string): StoredSnapshot[] =>
  fs
    .readdirSync(out)
    .sort()
    .map((folder) => ({ folder, snapshot: JSON.parse(fs.readFileSync(path.join(out, folder, 'snapshot.json'), 'utf8')) as StoredSnapshot['snapshot'] }));
const sorted = (rows: unknown) => (rows as unknown[]).map((r) => JSON.stringify(r)).sort();

/** The cases of one migration together: the edits merged into one schema, the changes and hints in order. */
function together(cases: typeof CASES) {
  const edit: Edit = {
    userId: cases.map((c) => c.edit.userId ?? '').join(''),
    extra: cases.map((c) => c.edit.extra ?? '').join(''),
    ...Object.assign({}, ...cases.map(({ edit: { userId: _u, extra: _e, ...rest } }) => rest)),
  };
  return { edit, changes: cases.map((c) => c.change), hints: cases.flatMap((c) => c.hints?.(edit.table ?? 'passport') ?? []) };
}

const MIGRATIONS = ['keys', 'indexes', 'renames', 'table'] as const;
const migrationOf = (dialect: Dialect, c: (typeof CASES)[number]) => (dialect === 'postgresql' && c.change.kind === 'rename-table' ? 'table' : c.migration);
const PARITY = DIALECTS.map((dialect) => {
  const base = initialised(`parity-${dialect}`, { 'src/schema.ts': parityTables(dialect), 'drizzle.config.ts': config(dialect) });
  const migrations = MIGRATIONS.flatMap((migration) => {
    const cases = CASES.filter((c) => migrationOf(dialect, c) === migration && (!c.only || c.only.includes(dialect)));
    if (cases.length === 0) return [];
    const { edit, changes, hints } = together(cases);
    const run = later(async () => {
      const dir = copied(await base(), `parity-${dialect}-${migration}`, { 'src/schema.ts': parityTables(dialect, edit), 'drizzle.config.ts': config(dialect) });
      const before = readSnapshots(path.join(dir, 'drizzle'));
      const kit = await drizzleKit(dir, 'generate', '--name', 'change', ...(hints.length > 0 ? ['--hints', JSON.stringify(hints)] : []));
      return { before, kit, after: kit.status === 0 ? readSnapshots(path.join(dir, 'drizzle')) : [] };
    });
    return [{ migration, names: cases.map((c) => c.name).join(', '), changes, run }];
  });
  return [dialect, migrations] as const;
});

describe.each(PARITY)('%s: the snapshot oto writes is the one drizzle-kit 1.0 writes for the same changes', (dialect, migrations) => {
  it.each(migrations)('$migration: $names', async ({ changes, run }) => {
    const { before, kit, after } = await run();
    if (kit.status !== 0) throw new Error(`drizzle-kit generate: exit ${kit.status}\n${kit.output}`);
    expect(after).toHaveLength(2);
    const theirs = after[1]!.snapshot;
    const ours = nextV1Snapshot(before, changes, String(theirs['id']));
    if ('reason' in ours) throw new Error(ours.reason);
    if (dialect === 'postgresql') {
      // One delta and one footprint a change, in drizzle-kit's statement order: compared as sets, as drizzle-kit reads them.
      const { deltas, footprints, ...header } = ours.snapshot;
      const { deltas: theirDeltas, footprints: theirFootprints, ...theirHeader } = theirs;
      expect(header).toEqual(theirHeader);
      expect(sorted(deltas)).toEqual(sorted(theirDeltas));
      expect(sorted(footprints)).toEqual(sorted(theirFootprints));
    } else {
      const { ddl, ...header } = ours.snapshot;
      const { ddl: theirDdl, ...theirHeader } = theirs;
      expect(header).toEqual(theirHeader);
      expect(sorted(ddl)).toEqual(sorted(theirDdl));
    }
  });
});
