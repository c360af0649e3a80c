import type { SqlChange } from '@oto/core';
import { applyDeltas, KIT_DIALECTS } from './drizzle-kit-v1-ddl';
import type { KitDelta, KitRow, KitV1Dialect } from './drizzle-kit-v1-ddl';
import { nextV1Snapshot } from './drizzle-kit-v1-snapshot';
import type { StoredSnapshot } from './drizzle-kit-v1-snapshot';

const DIALECTS: readonly KitV1Dialect[] = ['postgres', 'mysql', 'sqlite'];

/** The rows drizzle-kit 1.0 writes for app_user(id) and passport(id, user_id → app_user ON DELETE SET NULL, code UNIQUE passport_code_key), per dialect. */
function baseRows(dialect: KitV1Dialect): KitRow[] {
  const pg = dialect === 'postgres';
  const s = pg ? { schema: 'public' } : {};
  const column = (table: string, name: string, notNull: boolean) => ({ ...s, table, name, type: 'integer', notNull, entityType: 'columns' });
  const fkName = dialect === 'sqlite' ? 'fk_passport_user_id_app_user_id_fk' : 'passport_user_id_app_user_id_fkey';
  const code: KitRow =
    dialect === 'mysql'
      ? KIT_DIALECTS.mysql.unique({ table: 'passport' }, 'passport_code_key', ['code'], 'constraint')
      : KIT_DIALECTS[dialect].unique({ ...s, table: 'passport' }, 'passport_code_key', ['code'], 'constraint');
  return [
    { ...s, name: 'app_user', entityType: 'tables' },
    { ...s, name: 'passport', entityType: 'tables' },
    column('app_user', 'id', true),
    column('passport', 'id', true),
    column('passport', 'user_id', false),
    column('passport', 'code', false),
    { ...s, table: 'passport', name: fkName, columns: ['user_id'], ...(pg ? { schemaTo: 'public' } : {}), tableTo: 'app_user', columnsTo: ['id'], onUpdate: 'NO ACTION', onDelete: 'SET NULL', entityType: 'fks' },
    code,
  ];
}

/** One folder with one migration of the base rows, as drizzle-kit 1.0 writes it for the dialect. */
function folder(dialect: KitV1Dialect, rows = baseRows(dialect)): StoredSnapshot[] {
  const header = { version: KIT_DIALECTS[dialect].version, dialect, id: 'init', prevIds: ['00000000-0000-0000-0000-000000000000'] };
  return [{ folder: '20261201000000_init', snapshot: dialect === 'postgres' ? { type: 'base', ...header, footprints: [], ddl: rows } : { ...header, ddl: rows, renames: [] } }];
}

/** The model after oto's snapshot: PostgreSQL's deltas applied to the base, the others' whole model. */
function modelAfter(dialect: KitV1Dialect, stored: readonly StoredSnapshot[], changes: readonly SqlChange[]) {
  const next = nextV1Snapshot(stored, changes, 'oto');
  if ('reason' in next) throw new Error(next.reason);
  const rows = dialect === 'postgres' ? applyDeltas(dialect, baseRows(dialect), next.snapshot['deltas'] as KitDelta[]) : (next.snapshot['ddl'] as KitRow[]);
  const before = new Set(baseRows(dialect).map((r) => JSON.stringify(r)));
  const after = new Set(rows.map((r) => JSON.stringify(r)));
  return {
    snapshot: next.snapshot,
    added: rows.filter((r) => !before.has(JSON.stringify(r))),
    removed: baseRows(dialect).filter((r) => !after.has(JSON.stringify(r))),
  };
}

const passport = { name: 'passport' };
const fk = { name: '', columns: ['user_id'], referencedTable: 'app_user', referencedColumns: ['id'], onDelete: 'set-null' } as const;
const pick = (dialect: KitV1Dialect) => (dialect === 'postgres' ? { schema: 'public' } : {});

interface Case {
  readonly name: string;
  readonly change: SqlChange;
  /** What the model gains and loses, per dialect: a dialect not listed here is a compile error. */
  readonly expected: Record<KitV1Dialect, { readonly added: readonly object[]; readonly removed: readonly object[] }>;
}

const each = (f: (d: KitV1Dialect) => { readonly added: readonly object[]; readonly removed: readonly object[] }): Case['expected'] => ({ postgres: f('postgres'), mysql: f('mysql'), sqlite: f('sqlite') });

const CASES: readonly Case[] = [
  {
    name: 'add-unique, a UNIQUE constraint: uniques on PostgreSQL and SQLite, a unique index on MySQL',
    change: { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_key', keyKind: 'constraint' },
    expected: {
      postgres: { added: [{ schema: 'public', table: 'passport', name: 'oto_passport_user_id_key', nameExplicit: true, columns: ['user_id'], nullsNotDistinct: false, entityType: 'uniques' }], removed: [] },
      mysql: {
        added: [{ table: 'passport', name: 'oto_passport_user_id_key', columns: [{ value: 'user_id', isExpression: false }], isUnique: true, using: null, algorithm: null, lock: null, nameExplicit: true, entityType: 'indexes' }],
        removed: [],
      },
      sqlite: { added: [{ table: 'passport', name: 'oto_passport_user_id_key', columns: ['user_id'], nameExplicit: true, entityType: 'uniques' }], removed: [] },
    },
  },
  {
    name: "add-unique under drizzle's own name: not explicit",
    change: { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'passport_user_id_key', keyKind: 'constraint' },
    expected: {
      postgres: { added: [expect.objectContaining({ name: 'passport_user_id_key', nameExplicit: false })], removed: [] },
      mysql: { added: [expect.objectContaining({ name: 'passport_user_id_key', nameExplicit: true })], removed: [] },
      sqlite: { added: [expect.objectContaining({ name: 'passport_user_id_key', nameExplicit: true })], removed: [] },
    },
  },
  {
    name: 'add-unique, a unique index',
    change: { kind: 'add-unique', table: passport, columns: ['user_id', 'code'], name: 'oto_passport_user_id_code_idx', keyKind: 'index' },
    expected: {
      postgres: {
        added: [
          {
            schema: 'public',
            table: 'passport',
            name: 'oto_passport_user_id_code_idx',
            nameExplicit: true,
            columns: ['user_id', 'code'].map((value) => ({ value, isExpression: false, asc: true, nullsFirst: false, opclass: null })),
            isUnique: true,
            where: null,
            with: '',
            method: 'btree',
            concurrently: false,
            entityType: 'indexes',
          },
        ],
        removed: [],
      },
      mysql: { added: [expect.objectContaining({ name: 'oto_passport_user_id_code_idx', isUnique: true, entityType: 'indexes', nameExplicit: true })], removed: [] },
      sqlite: {
        added: [{ table: 'passport', name: 'oto_passport_user_id_code_idx', columns: ['user_id', 'code'].map((value) => ({ value, isExpression: false })), isUnique: true, where: null, origin: 'manual', entityType: 'indexes' }],
        removed: [],
      },
    },
  },
  {
    name: 'set-not-null: the column NOT NULL',
    change: { kind: 'set-not-null', table: passport, columns: ['user_id', 'id'] },
    expected: each((d) => ({
      added: [{ ...pick(d), table: 'passport', name: 'user_id', type: 'integer', notNull: true, entityType: 'columns' }],
      removed: [{ ...pick(d), table: 'passport', name: 'user_id', type: 'integer', notNull: false, entityType: 'columns' }],
    })),
  },
  {
    name: 'replace-foreign-key, found by its columns: its ON DELETE',
    change: { kind: 'replace-foreign-key', table: passport, foreignKey: fk, onDelete: 'restrict' },
    expected: each(() => ({ added: [expect.objectContaining({ entityType: 'fks', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })], removed: [expect.objectContaining({ entityType: 'fks', onDelete: 'SET NULL' })] })),
  },
  {
    name: 'rename-unique: the UNIQUE (MySQL: the unique index) under its new name',
    change: { kind: 'rename-unique', table: passport, columns: ['code'], from: 'passport_code_key', to: 'oto_passport_code_key', keyKind: 'constraint' },
    expected: each(() => ({ added: [expect.objectContaining({ name: 'oto_passport_code_key', columns: expect.any(Array) })], removed: [expect.objectContaining({ name: 'passport_code_key' })] })),
  },
  {
    name: 'rename-table: the table and everything on it or referencing it',
    change: { kind: 'rename-table', table: { name: 'app_user' }, to: 'oto_app_user' },
    expected: each((d) => ({
      added: [
        { ...pick(d), name: 'oto_app_user', entityType: 'tables' },
        expect.objectContaining({ table: 'oto_app_user', name: 'id', entityType: 'columns' }),
        expect.objectContaining({ table: 'passport', tableTo: 'oto_app_user', entityType: 'fks' }),
      ],
      removed: [
        { ...pick(d), name: 'app_user', entityType: 'tables' },
        expect.objectContaining({ table: 'app_user', name: 'id' }),
        expect.objectContaining({ tableTo: 'app_user', entityType: 'fks' }),
      ],
    })),
  },
];

describe.each(DIALECTS)('nextV1Snapshot, %s', (dialect) => {
  it.each(CASES)('$name', ({ change, expected }) => {
    const { added, removed } = modelAfter(dialect, folder(dialect), [change]);
    expect(added).toEqual(expected[dialect].added);
    expect(removed).toEqual(expected[dialect].removed);
  });

  it('after the folder\'s last snapshot, in the form drizzle-kit 1.0 writes for the dialect', () => {
    const { snapshot } = modelAfter(dialect, folder(dialect), []);
    const header = { version: KIT_DIALECTS[dialect].version, dialect, id: 'oto', prevIds: ['init'] };
    expect(snapshot).toEqual(dialect === 'postgres' ? { type: 'diff', ...header, footprints: [], deltas: [] } : { ...header, ddl: baseRows(dialect), renames: [] });
  });

  it('what the snapshot already has gives no change', () => {
    const renamed: SqlChange = { kind: 'rename-unique', table: passport, columns: ['code'], from: 'gone', to: 'passport_code_key', keyKind: 'constraint' };
    const notNull: SqlChange = { kind: 'set-not-null', table: passport, columns: ['id'] };
    expect(modelAfter(dialect, folder(dialect), [renamed, notNull]).added).toEqual([]);
  });

  it.each<[string, SqlChange, string]>([
    ['no table', { kind: 'set-not-null', table: { name: 'visa' }, columns: ['user_id'] }, 'its last snapshot has no table visa (for the set-not-null of visa)'],
    ['no column', { kind: 'add-unique', table: passport, columns: ['visa_id'], name: 'k', keyKind: 'constraint' }, 'its last snapshot has no column visa_id in passport (for the add-unique of passport)'],
    ['no such foreign key', { kind: 'replace-foreign-key', table: passport, foreignKey: { ...fk, name: 'other', columns: ['code'] }, onDelete: 'cascade' }, 'its last snapshot has no foreign key other in passport (for the replace-foreign-key of passport)'],
    ['no such unique', { kind: 'rename-unique', table: passport, columns: ['code'], from: 'gone', to: 'oto_gone', keyKind: 'constraint' }, 'its last snapshot has no unique gone in passport (for the rename-unique of passport)'],
    ['a table of the new name', { kind: 'rename-table', table: passport, to: 'app_user' }, 'its last snapshot has a table app_user already (for the rename-table of passport)'],
    ['another unique of that name', { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'passport_code_key', keyKind: 'constraint' }, 'its last snapshot has another '],
  ])('%s: the reason, and no snapshot', (_name, change, reason) => {
    const next = nextV1Snapshot(folder(dialect), [change], 'oto');
    expect('reason' in next && next.reason).toContain(reason);
  });

  it('add-unique, a partial unique index: the index with its WHERE as written (MySQL has none: the reason)', () => {
    const partial: SqlChange = { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_idx', keyKind: 'index', where: '"code" IS NOT NULL' };
    if (dialect === 'mysql') {
      expect(nextV1Snapshot(folder(dialect), [partial], 'oto')).toEqual({ reason: 'MySQL has no partial (WHERE) index for oto_passport_user_id_idx (for the add-unique of passport)' });
      return;
    }
    expect(modelAfter(dialect, folder(dialect), [partial]).added).toEqual([expect.objectContaining({ name: 'oto_passport_user_id_idx', entityType: 'indexes', isUnique: true, where: '"code" IS NOT NULL' })]);
  });

  it('changes apply in order: a unique added, then its table renamed', () => {
    const changes: SqlChange[] = [
      { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_key', keyKind: 'constraint' },
      { kind: 'rename-table', table: passport, to: 'oto_passport' },
    ];
    const { added, snapshot } = modelAfter(dialect, folder(dialect), changes);
    expect(added).toContainEqual(expect.objectContaining({ table: 'oto_passport', name: 'oto_passport_user_id_key' }));
    expect(snapshot['renames']).toEqual(dialect === 'sqlite' ? ['passport->oto_passport'] : dialect === 'mysql' ? [] : undefined);
  });

  it('a snapshot of another version: the reason names its folder and drizzle-kit up', () => {
    const [init] = folder(dialect);
    const next = nextV1Snapshot([{ ...init!, snapshot: { ...init!.snapshot, version: '5' } }], [], 'oto');
    expect('reason' in next && next.reason).toBe(
      `the snapshot in 20261201000000_init is ${dialect} version 5, and oto writes drizzle-kit 1.0.0-rc.5's ${dialect} version ${KIT_DIALECTS[dialect].version} (run drizzle-kit up)`,
    );
  });
});

describe('nextV1Snapshot, PostgreSQL history', () => {
  const unique: SqlChange = { kind: 'add-unique', table: passport, columns: ['user_id'], name: 'oto_passport_user_id_key', keyKind: 'constraint' };
  const diff = (folder: string, id: string, prevIds: string[], deltas: KitDelta[]): StoredSnapshot => ({ folder, snapshot: { type: 'diff', version: '9', dialect: 'postgres', id, prevIds, footprints: [], deltas } });
  const column = (name: string): KitDelta => ({ op: 'create', row: { schema: 'public', table: 'passport', name, type: 'text', notNull: false, entityType: 'columns' } });

  it('the model is rebuilt through the diffs: a column a later migration adds can take the unique', () => {
    const stored = [...folder('postgres'), diff('20261202000000_visa', 'visa', ['init'], [column('visa_id')])];
    const next = nextV1Snapshot(stored, [{ ...unique, columns: ['visa_id'] }], 'oto');
    expect(next).toMatchObject({ snapshot: { prevIds: ['visa'], deltas: [{ op: 'create', row: { columns: ['visa_id'] } }] } });
  });

  it('two branches merged in git: after both leaves, the last folder first, with both branches\' columns', () => {
    const stored = [...folder('postgres'), diff('20261202000000_a', 'a', ['init'], [column('a_id')]), diff('20261203000000_b', 'b', ['init'], [column('b_id')])];
    const next = nextV1Snapshot(stored, [{ ...unique, columns: ['a_id', 'b_id'] }], 'oto');
    expect(next).toMatchObject({ snapshot: { prevIds: ['b', 'a'], deltas: [{ op: 'create', row: { columns: ['a_id', 'b_id'] } }] } });
  });

  it('a footprint per delta, with sqlHash where drizzle-kit counts the statement idempotent', () => {
    const next = nextV1Snapshot(folder('postgres'), [{ kind: 'set-not-null', table: passport, columns: ['user_id'] }, unique], 'oto');
    if ('reason' in next) throw new Error(next.reason);
    expect(next.snapshot['footprints']).toEqual([
      {
        statementType: 'alter_column',
        statementTarget: ['column', 'public', 'passport', 'user_id'],
        writes: ['s|colprop|public.passport.user_id.notNull'],
        reads: ['n|tbl|public.passport', 'n|sch|public', 'n|col|public.passport.user_id'],
        // drizzle-kit's: sha256('ALTER TABLE "passport" ALTER COLUMN "user_id" SET NOT NULL;'), 16 hex digits.
        sqlHash: '3e2d1257375049f4',
      },
      expect.objectContaining({ statementType: 'add_unique', writes: expect.arrayContaining(['n|rel|public.oto_passport_user_id_key']) }),
    ]);
  });

  it('a diff whose parent is not in the folder: the reason', () => {
    const next = nextV1Snapshot([...folder('postgres'), diff('20261202000000_x', 'x', ['lost'], [])], [unique], 'oto');
    expect('reason' in next && next.reason).toBe('the snapshot in 20261202000000_x follows lost, which is not in the folder (drizzle-kit check says more)');
  });
});

describe('nextV1Snapshot, MySQL and SQLite branches, another dialect', () => {
  it.each(['mysql', 'sqlite'] as const)('%s: two leaves are for drizzle-kit generate to merge first', (dialect) => {
    const [init] = folder(dialect);
    const branch = (name: string, id: string): StoredSnapshot => ({ folder: name, snapshot: { ...init!.snapshot, id, prevIds: ['init'] } });
    const next = nextV1Snapshot([init!, branch('20261202000000_a', 'a'), branch('20261203000000_b', 'b')], [], 'oto');
    expect('reason' in next && next.reason).toBe(
      'it has 2 migrations no other follows (20261202000000_a, 20261203000000_b: branches merged in git), which drizzle-kit generate merges first',
    );
  });

  it('a SingleStore folder: the reason names the dialect', () => {
    const next = nextV1Snapshot([{ folder: '20261201000000_init', snapshot: { version: '2', dialect: 'singlestore', id: 'init', prevIds: [], ddl: [] } }], [], 'oto');
    expect('reason' in next && next.reason).toBe('its snapshots are for singlestore, and oto writes PostgreSQL, MySQL and SQLite ones only');
  });
});
