import * as fs from 'node:fs';
import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { expectInputError, oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

/** The packages a user's project has installed, linked from this checkout. */
const DRIZZLE_PACKAGE = path.resolve(__dirname, '../../drizzle');
const INSTALLED: Record<string, string> = {
  'drizzle-orm': installed('drizzle-orm', DRIZZLE_PACKAGE),
  '@oto/drizzle': DRIZZLE_PACKAGE,
};
const projects = tempProjects('cli-drizzle');
const project = (name: string, files: Record<string, string>) => projects(name, files, INSTALLED);

const USERS = `import { relations } from 'drizzle-orm';
import { integer, pgTable, serial } from 'drizzle-orm/pg-core';
import { profiles } from './profile';

export const users = pgTable('app_user', { id: serial('id').primaryKey() });

export const usersRelations = relations(users, ({ one }) => ({
  profile: one(profiles),
}));
`;
/** profile.user_id has no unique: one() on both sides makes it a one-to-one that is not. */
const PROFILES = `import { relations } from 'drizzle-orm';
import { integer, pgTable, serial } from 'drizzle-orm/pg-core';
import { users } from './user';

export const profiles = pgTable('oto_profile', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
});

export const profilesRelations = relations(profiles, ({ one }) => ({
  user: one(users, { fields: [profiles.userId], references: [users.id] }),
}));
`;
const CONFIG = `export default { schema: './src/db/*.ts', dialect: 'postgresql', out: './drizzle' };\n`;

describe('oto check --drizzle', () => {
  const dir = project('basic', {
    'drizzle.config.ts': CONFIG,
    'src/db/user.ts': USERS,
    'src/db/profile.ts': PROFILES,
    'src/schema.ts': `export * from './db/user';\nexport * from './db/profile';\n`,
  });

  it('finds drizzle.config.* without a flag, reads its schema glob, and reports the missing unique (exit 1)', async () => {
    const { code, stdout, stderr } = await oto(dir, 'check', '--format', 'json');
    expect(stderr).toBe('');
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ source: 'drizzle', dialect: 'postgresql' });
    expect(report.relations).toEqual([
      {
        name: 'profiles.user',
        kind: 'one-to-one',
        dependent: { table: 'oto_profile', entity: 'profiles', field: 'user', columns: ['user_id'] },
        principal: { table: 'app_user', entity: 'users', field: 'profile', columns: ['id'] },
        backing: null,
      },
    ]);
    expect(report.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['one-to-one-unique']);
    // At the user_id column, where the unique goes (not the relations() field).
    expect(report.diagnostics[0].location).toMatchObject({ file: 'src/db/profile.ts', line: 7, columns: ['user_id'] });
    expect(code).toBe(1);
  });

  it('reads a schema module given instead of a config', async () => {
    const { code, stdout } = await oto(dir, 'check', '--drizzle', 'src/schema.ts');
    expect(stdout).toContain('one-to-one-unique  src/db/profile.ts:7');
    expect(code).toBe(1);
  });

  it('applies the options of withOto in the drizzle config, its stubs included', async () => {
    const wrapped = project('with-oto', {
      'drizzle.config.ts': `import { withOto } from '@oto/drizzle';\nexport default withOto({ schema: './src/db/*.ts', dialect: 'postgresql' }, { rules: { 'one-to-one-unique': 'warning' }, stub: ['src/env.ts'] });\n`,
      'src/db/user.ts': `import { key } from '../env';\n${USERS}export const k = key;\n`,
      'src/db/profile.ts': PROFILES,
      'src/env.ts': `throw new Error('needs a server');\n`,
    });
    const { code, stdout, stderr } = await oto(wrapped, 'check', '--drizzle', 'drizzle.config.ts');
    expect(stderr).toBe(`oto: warning: stubbed module '../env' (imported by src/db/user.ts): its exports are inert stand-ins\n`);
    expect(stdout).toContain('warning one-to-one-unique');
    expect(code).toBe(0);
  });

  it('refuses withOto options that are not an oto config, naming the drizzle config', async () => {
    const wrong = project('with-oto-wrong', {
      'drizzle.config.ts': `import { withOto } from '@oto/drizzle';\nexport default withOto({ schema: './src/db/*.ts', dialect: 'postgresql' }, { stub: 'src/env.ts' } as never);\n`,
      'src/db/user.ts': USERS,
      'src/db/profile.ts': PROFILES,
    });
    await expectInputError(wrong, ['check'], /^oto: drizzle\.config\.ts: withOto options: stub: /);
  });

  it('stubs a module that cannot load here, and says so on stderr', async () => {
    const secret = project('stub', {
      'drizzle.config.ts': CONFIG,
      'src/db/user.ts': `import { key } from '../env';\n${USERS}export const k = key;\n`,
      'src/db/profile.ts': PROFILES,
      'src/env.ts': `export const key: string = process.env.OTO_TEST_NEVER_SET ?? (() => { throw new Error('OTO_TEST_NEVER_SET is required'); })();\n`,
    });
    const failed = await oto(secret, 'check');
    expect(failed.stderr).toBe(
      `oto: src/db/profile.ts: module '../env' imported by src/db/user.ts threw while loading: OTO_TEST_NEVER_SET is required; if it cannot load here (it needs secrets, env vars or servers), stub it: "stub": ["../env"] in the oto config, or --stub '../env'\n`,
    );
    expect(failed.code).toBe(2);
    const stubbed = await oto(secret, 'check', '--stub', '../env');
    expect(stubbed.stderr).toBe(`oto: warning: stubbed module '../env' (imported by src/db/user.ts): its exports are inert stand-ins\n`);
    expect(stubbed.code).toBe(1);
    fs.writeFileSync(path.join(secret, 'oto.config.json'), '{ "stub": ["src/env.ts"] }');
    expect((await oto(secret, 'check')).code).toBe(1);
  });
});

describe('oto check --drizzle: bad input, one line on stderr, exit 2', () => {
  const dir = project('bad', {
    'drizzle.config.ts': `export default { schema: './src/nothing/*.ts', dialect: 'postgresql' };\n`,
    'no-schema.config.ts': `export default { dialect: 'postgresql' };\n`,
    'src/db/user.ts': USERS,
    'src/db/profile.ts': PROFILES,
    'throws.ts': `throw new Error('cannot connect to the database');\n`,
  });

  it.each([
    ['schema paths that match nothing', ['check'], /^oto: drizzle\.config\.ts: schema "\.\/src\/nothing\/\*\.ts" matches no file: fix the schema paths\n$/],
    ['a config without schema', ['check', '--drizzle', 'no-schema.config.ts'], /^oto: no-schema\.config\.ts: exports no drizzle config with a "schema"/],
    ['a missing config', ['check', '--drizzle', 'nope.config.ts'], /^oto: nope\.config\.ts: drizzle config not found: check the --drizzle path\n$/],
    ['a schema module that throws at import', ['check', '--drizzle', 'throws.ts'], /^oto: throws\.ts: failed to load: cannot connect to the database\n$/],
    [
      'a relation to a table that is not exported',
      ['check', '--drizzle', 'src/db/user.ts'],
      /^oto: src\/db\/user\.ts:8: relation users\.profile refers to table "oto_profile", which no schema file exports: export the table from a schema file\n$/,
    ],
    ['two ORM flags', ['check', '--drizzle', '--prisma'], /^oto: --prisma and --drizzle name 2 schema sources: check one at a time\n$/],
  ])('%s', (_, args, message) => expectInputError(dir, args, message));
});
