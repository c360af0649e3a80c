/**
 * `oto fix` through the CLI, in a temporary Drizzle project: `--dry-run` prints a unified diff and
 * writes nothing; the run writes the file; the schema then checks clean of what it fixed, and a
 * second run changes nothing; `--renames` also renames to the oto_ convention.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { oto } from './testing/run-oto';

const DRIZZLE_PACKAGE = path.resolve(__dirname, '../../drizzle');
const projects = tempProjects('cli-fix');

const SCHEMA = `import { relations } from 'drizzle-orm';
import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

export const users = pgTable('app_user', {
  id: serial('id').primaryKey(),
});

// Each user has one passport (or none).
export const passports = pgTable('passport', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  number: text('number'),
});

export const usersRelations = relations(users, ({ one }) => ({ passport: one(passports) }));
export const passportsRelations = relations(passports, ({ one }) => ({
  user: one(users, { fields: [passports.userId], references: [users.id] }),
}));
`;

const project = (name: string, naming: string) =>
  projects(
    name,
    { 'src/schema.ts': SCHEMA, 'drizzle.config.ts': "export default { schema: './src/schema.ts', dialect: 'postgresql' };\n", 'package.json': JSON.stringify({ oto: { naming } }) },
    { 'drizzle-orm': installed('drizzle-orm', DRIZZLE_PACKAGE) },
  );
const findings = (stdout: string) => (JSON.parse(stdout) as { diagnostics: { ruleId: string; messageId: string }[] }).diagnostics.map((d) => `${d.ruleId}/${d.messageId}`);

describe('oto fix', () => {
  it('--dry-run prints the diff; then the fix is written, the finding is gone, and a second run changes nothing', async () => {
    const dir = project('drizzle', 'off');
    const file = path.join(dir, 'src/schema.ts');
    expect(findings((await oto(dir, 'check', '--format', 'json')).stdout)).toEqual(['one-to-one-unique/missing']);

    const dry = await oto(dir, 'fix', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(
      [
        '===================================================================',
        '--- a/src/schema.ts',
        '+++ b/src/schema.ts',
        '@@ -9,9 +9,10 @@',
        ' export const passports = pgTable(\'passport\', {',
        '   id: serial(\'id\').primaryKey(),',
        '   userId: integer(\'user_id\')',
        '     .notNull()',
        '-    .references(() => users.id),',
        '+    .references(() => users.id)',
        "+    .unique('oto_passport_user_id_key'),",
        "   number: text('number'),",
        ' });',
        ' ',
        ' export const usersRelations = relations(users, ({ one }) => ({ passport: one(passports) }));',
        '',
      ].join('\n'),
    );
    expect(dry.stderr).toBe('oto: would make 1 change for 1 finding (--dry-run: nothing written)\n');
    expect(fs.readFileSync(file, 'utf8')).toBe(SCHEMA);

    const run = await oto(dir, 'fix');
    expect(run).toMatchObject({ code: 0, stdout: 'oto: fixed src/schema.ts\n', stderr: 'oto: made 1 change for 1 finding\n' });
    expect(findings((await oto(dir, 'check', '--format', 'json')).stdout)).toEqual([]);
    const again = await oto(dir, 'fix');
    expect(again).toMatchObject({ code: 0, stdout: '', stderr: 'oto: nothing to fix in the schema\n' });
  }, 60_000);

  it('--renames: the table and the new unique under the oto_ convention', async () => {
    const dir = project('renames', 'prefix');
    const plain = await oto(dir, 'fix', '--dry-run');
    expect(plain.stderr).toContain('oto: not fixed: passports.user: renaming table passport to oto_passport: renames are off (--renames makes them)\n');

    const run = await oto(dir, 'fix', '--renames');
    expect(run.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'src/schema.ts'), 'utf8');
    expect(text).toContain("export const passports = pgTable('oto_passport', {");
    expect(text).toContain(".unique('oto_passport_user_id_key'),");
    expect(findings((await oto(dir, 'check', '--format', 'json')).stdout)).toEqual([]);
  }, 60_000);
});
