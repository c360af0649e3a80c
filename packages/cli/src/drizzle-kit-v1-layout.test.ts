import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderSql, UserError } from '@oto/core';
import type { SqlChange, SqlDialect } from '@oto/core';
import { tempProjects } from '../../core/src/testing/temp-projects';
import { writeSqlMigration } from './sql-migration-layouts';

const projects = tempProjects('drizzle-kit-v1-layout');

const KIT: Record<SqlDialect, { readonly dialect: string; readonly header: object }> = {
  postgresql: { dialect: 'postgres', header: { type: 'base', version: '9', footprints: [] } },
  mysql: { dialect: 'mysql', header: { version: '6', renames: [] } },
  sqlite: { dialect: 'sqlite', header: { version: '7', renames: [] } },
};

/** A first migration as drizzle-kit 1.0 writes it: table a(b_id). */
function snapshot(dialect: SqlDialect, rows: 'table' | 'none' = 'table'): string {
  const { dialect: kit, header } = KIT[dialect];
  const s = dialect === 'postgresql' ? { schema: 'public' } : {};
  const ddl = rows === 'none' ? [] : [{ ...s, name: 'a', entityType: 'tables' }, { ...s, table: 'a', name: 'b_id', type: 'integer', notNull: false, entityType: 'columns' }];
  return JSON.stringify({ ...header, dialect: kit, id: 'prev-id', prevIds: ['00000000-0000-0000-0000-000000000000'], ddl });
}

const unique: SqlChange = { kind: 'add-unique', table: { name: 'a' }, columns: ['b_id'], name: 'oto_a_b_id_key', keyKind: 'constraint' };
const render = (dialect: SqlDialect, change: SqlChange) =>
  renderSql({ dialect, changes: [{ change, findings: [] }], setAside: [] }, { source: 'x', command: 'x', runner: 'migrator', transaction: false });
const NOW = new Date(Date.UTC(2026, 11, 2, 3, 4, 5));

describe.each<SqlDialect>(['postgresql', 'mysql', 'sqlite'])('generate sql --into a drizzle-kit 1.0 folder, %s', (dialect) => {
  it('writes <timestamp>_oto_one_to_one/ with the migration and the snapshot after the last one', () => {
    const dir = projects(`written-${dialect}`, { 'drizzle/20261201000000_init/migration.sql': 'CREATE TABLE a (b_id integer);', 'drizzle/20261201000000_init/snapshot.json': snapshot(dialect) });
    const into = path.join(dir, 'drizzle');
    const sql = render(dialect, unique);
    const files = writeSqlMigration('drizzle', into, sql, { now: NOW, cwd: dir, noTransaction: false, changes: [unique] });
    expect(files.map((f) => path.relative(into, f))).toEqual(['20261202030405_oto_one_to_one/migration.sql', '20261202030405_oto_one_to_one/snapshot.json']);
    expect(fs.readFileSync(files[0]!, 'utf8').split('\n--> statement-breakpoint\n')).toHaveLength(sql.statements.length);
    const written = JSON.parse(fs.readFileSync(files[1]!, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ dialect: KIT[dialect].dialect, prevIds: ['prev-id'] });
    expect(JSON.stringify(written)).toContain('"name":"oto_a_b_id_key"');
  });

  it('a snapshot without the table: refused in one line naming the folder, nothing written', () => {
    const dir = projects(`refused-${dialect}`, { 'drizzle/20261201000000_init/migration.sql': '', 'drizzle/20261201000000_init/snapshot.json': snapshot(dialect, 'none') });
    const into = path.join(dir, 'drizzle');
    expect(() => writeSqlMigration('drizzle', into, render(dialect, unique), { now: NOW, cwd: dir, noTransaction: false, changes: [unique] })).toThrow(
      new UserError(
        'drizzle: oto cannot write its migration into this drizzle-kit 1.0 folder: its last snapshot has no table a (for the add-unique of a): write the SQL with --out, or run oto fix and then drizzle-kit generate',
      ),
    );
    expect(fs.readdirSync(into)).toEqual(['20261201000000_init']);
  });
});

describe('generate sql --into a drizzle-kit 1.0 folder: what is refused before writing', () => {
  const write = (dir: string) => () => writeSqlMigration('drizzle', path.join(dir, 'drizzle'), render('postgresql', unique), { now: NOW, cwd: dir, noTransaction: false, changes: [unique] });

  it('a snapshot that is no JSON: the file, and what to do', () => {
    const dir = projects('bad-json', { 'drizzle/20261201000000_init/snapshot.json': '{' });
    expect(write(dir)).toThrow(UserError);
    expect(write(dir)).toThrow(/^drizzle\/20261201000000_init\/snapshot\.json: not a drizzle-kit snapshot \(.*\): restore it from git, or regenerate the folder with drizzle-kit generate$/);
  });

  it('a last migration not older than now: check the clock', () => {
    const dir = projects('clock', { 'drizzle/20270101000000_init/snapshot.json': snapshot('postgresql') });
    expect(write(dir)).toThrow(new UserError("drizzle/20261202030405_oto_one_to_one: the folder's last migration 20270101000000_init is not older: check the clock, then run again"));
    expect(fs.readdirSync(path.join(dir, 'drizzle'))).toEqual(['20270101000000_init']);
  });
});
