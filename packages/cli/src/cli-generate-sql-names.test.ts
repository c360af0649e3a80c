/**
 * The reproduction through the CLI: a Drizzle table named `x\rCREATE TABLE injected (x int);
 * --` (psql ends a `--` comment at `\r`). `oto generate sql` prints a file whose comments show the
 * name escaped, and running it on PGlite makes the unique and nothing else (before, `CREATE TABLE
 * injected` ran ahead of BEGIN). A name the file cannot carry is one line and exit 2: a NUL in any
 * dialect, `\r\n` for the mysql CLI.
 */
import * as path from 'node:path';
import { createPglite, pgliteClient } from '@oto/database';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { expectInputError, oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const DRIZZLE_PACKAGE = path.resolve(__dirname, '../../drizzle');
const INSTALLED: Record<string, string> = { 'drizzle-orm': installed('drizzle-orm', DRIZZLE_PACKAGE), '@oto/drizzle': DRIZZLE_PACKAGE };
const projects = tempProjects('cli-generate-sql-names');

/** A one-to-one whose dependent table has the given name (a JavaScript string literal) and no unique on its key. */
const schema = (tableLiteral: string) => `import { relations } from 'drizzle-orm';
import { integer, pgTable, serial } from 'drizzle-orm/pg-core';

export const users = pgTable('app_user', { id: serial('id').primaryKey() });
export const profiles = pgTable(${tableLiteral}, {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
});
export const usersRelations = relations(users, ({ one }) => ({ profile: one(profiles) }));
export const profilesRelations = relations(profiles, ({ one }) => ({ user: one(users, { fields: [profiles.userId], references: [users.id] }) }));
`;
const project = (name: string, tableLiteral: string) =>
  projects(name, { 'package.json': '{"oto":{"naming":"off"}}', 'src/schema.ts': schema(tableLiteral) }, INSTALLED);
const INJECTING = 'x\rCREATE TABLE injected (x int); --';

describe('oto generate sql and hostile table names', () => {
  it('a table named x\\rCREATE TABLE injected …: the printed file makes the unique on PGlite and no other table', async () => {
    const dir = project('injecting', JSON.stringify(INJECTING));
    const { code, stdout, stderr } = await oto(dir, 'generate', 'sql', '--drizzle', 'src/schema.ts');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('x\\rCREATE TABLE injected (x int); --(user_id)');
    expect(stdout.split('\n').filter((line) => line.startsWith('--') && line.includes('\r'))).toEqual([]);

    const db = pgliteClient(await createPglite());
    try {
      await db.exec(`CREATE TABLE "app_user" ("id" serial PRIMARY KEY); CREATE TABLE "${INJECTING}" ("id" serial PRIMARY KEY, "user_id" integer NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE);`);
      await db.exec(stdout);
      const tables = await db.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
      expect(tables.map((t) => t.tablename)).toEqual(['app_user', INJECTING]);
      const uniques = await db.query<{ conname: string }>("SELECT conname FROM pg_constraint WHERE contype = 'u' AND conrelid = (SELECT oid FROM pg_class WHERE relname = $1)", [INJECTING]);
      expect(uniques).toHaveLength(1);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('a NUL in a table name: one line naming it, exit 2', async () => {
    const dir = project('nul', JSON.stringify('pro\0file'));
    await expectInputError(dir, ['generate', 'sql', '--drizzle', 'src/schema.ts'], /^oto: table pro\\0file: the name pro\\0file holds a NUL character \(\\0\), which no SQL database takes in a name: rename it in the schema\n$/);
  }, 120_000);

  it('\\r\\n in a table name for the mysql CLI: one line, exit 2', async () => {
    const dir = project('crlf', JSON.stringify('pro\r\nfile'));
    await expectInputError(dir, ['generate', 'sql', '--drizzle', 'src/schema.ts', '--dialect', 'mysql'], /^oto: table pro\\r\\nfile: the name pro\\r\\nfile holds \\r\\n, which the mysql\/mariadb CLI reads as \\n: write the migration with --into/);
  }, 120_000);
});
