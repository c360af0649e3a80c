import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { expectInputError, oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

/** TypeORM as a user's project has it installed, linked from this checkout. */
const INSTALLED: Record<string, string> = { typeorm: installed('typeorm', path.resolve(__dirname, '../../typeorm')) };
const projects = tempProjects('cli-typeorm');
const project = (name: string, files: Record<string, string>) => projects(name, files, INSTALLED);

const USER = `import { Entity, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Profile } from './profile';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn() id!: number;
  @OneToOne(() => Profile, (profile) => profile.user) profile?: Relation<Profile>;
}
`;
/** An owning one-to-one: TypeORM adds the REL_ unique on oto_profile.user_id by itself. */
const PROFILE = `import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from './user';

@Entity('oto_profile')
export class Profile {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'user_id' }) userId!: number;
  @OneToOne(() => User, (user) => user.profile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user!: Relation<User>;
}
`;
const DATA_SOURCE = `import { DataSource } from 'typeorm';
import { User } from './entity/user';
import { Profile } from './entity/profile';

export default new DataSource({ type: 'postgres', url: 'postgres://app:hunter2@db.internal:5432/app', entities: [User, Profile] });
`;

describe('oto check --typeorm', () => {
  const dir = project('basic', {
    'src/entity/user.ts': USER,
    'src/entity/profile.ts': PROFILE,
    'src/data-source.ts': DATA_SOURCE,
    'src/named.ts': `import { DataSource } from 'typeorm';\nimport { User } from './entity/user';\nimport { Profile } from './entity/profile';\nexport const AppDataSource = Promise.resolve(new DataSource({ type: 'postgres', entities: [User, Profile] }));\nexport const port = 5432;\n`,
    'src/glob.ts': `import * as path from 'node:path';\nimport { DataSource } from 'typeorm';\nexport const AppDataSource = new DataSource({ type: 'postgres', entities: [path.join(__dirname, 'entity', '*.ts')] });\n`,
  });

  it('builds the metadata without connecting, and the implicit REL_ unique backs the one-to-one', async () => {
    const { code, stdout, stderr } = await oto(dir, 'check', '--typeorm', 'src/data-source.ts', '--format', 'json');
    expect(stderr).toBe('');
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ source: 'typeorm', dialect: 'postgresql' });
    expect(report.relations).toEqual([
      {
        name: 'Profile.user',
        kind: 'one-to-one',
        dependent: { table: 'oto_profile', entity: 'Profile', field: 'user', columns: ['user_id'] },
        principal: { table: 'app_user', entity: 'User', field: 'profile', columns: ['id'] },
        backing: { kind: 'unique', name: expect.stringMatching(/^REL_[0-9a-f]{26}$/), columns: ['user_id'], implicit: true },
      },
    ]);
    // TypeORM's REL_ name carries no oto_: the one finding (in the naming summary), located at the relation property.
    expect(report.diagnostics.map((d: { ruleId: string; messageId: string }) => `${d.ruleId}/${d.messageId}`)).toEqual(['one-to-one-naming/summary']);
    expect(report.diagnostics[0].related.map((d: { messageId: string }) => d.messageId)).toEqual(['uniqueName']);
    expect(report.diagnostics[0].related[0].location).toMatchObject({ file: 'src/entity/profile.ts', line: 11 });
    expect(code).toBe(0);
  });

  it('takes a named export, a promise of a DataSource, and entity globs as the TypeORM CLI does', async () => {
    for (const file of ['src/named.ts', 'src/glob.ts']) {
      const { code, stdout } = await oto(dir, 'check', '--typeorm', file, '--format', 'json');
      expect(JSON.parse(stdout).relations.map((r: { name: string }) => r.name)).toEqual(['Profile.user']);
      expect(code).toBe(0);
    }
  });
});

describe('oto check --typeorm: bad input, one line on stderr, exit 2', () => {
  const dir = project('bad', {
    'src/entity/user.ts': USER,
    'src/entity/profile.ts': PROFILE,
    'src/entity/broken.ts': `import { secret } from '../env';\nexport const key = secret;\n`,
    'src/env.ts': `export const secret: string = process.env.OTO_TEST_NEVER_SET ?? (() => { throw new Error('OTO_TEST_NEVER_SET is required'); })();\n`,
    'no-data-source.ts': `export const config = { type: 'postgres' };\n`,
    'two.ts': `import { DataSource } from 'typeorm';\nexport const a = new DataSource({ type: 'postgres', entities: [] });\nexport const b = new DataSource({ type: 'postgres', entities: [] });\n`,
    'missing-entity.ts': `import { DataSource } from 'typeorm';\nimport { Profile } from './src/entity/profile';\nexport default new DataSource({ type: 'postgres', url: 'postgres://app:hunter2@db:5432/app', entities: [Profile] });\n`,
    'entity-throws.ts': `import { DataSource } from 'typeorm';\nimport { User } from './src/entity/user';\nimport { Profile } from './src/entity/profile';\nimport { key } from './src/entity/broken';\nexport default new DataSource({ type: 'postgres', entities: [User, Profile], extra: { key } });\n`,
    'glob-throws.ts': `import * as path from 'node:path';\nimport { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres', entities: [path.join(__dirname, 'src', 'entity', '*.ts')] });\n`,
    'mssql.ts': `import { DataSource } from 'typeorm';\nimport { User } from './src/entity/user';\nimport { Profile } from './src/entity/profile';\nexport default new DataSource({ type: 'mssql', host: 'db', database: 'app', entities: [User, Profile] });\n`,
    'no-package.ts': `import { DataSource } from 'typeorm';\nimport 'typeorm-extension-that-is-not-installed';\nexport default new DataSource({ type: 'postgres', entities: [] });\n`,
  });

  it.each([
    ['a missing file', ['check', '--typeorm', 'nope.ts'], /^oto: nope\.ts: data source file not found: pass --typeorm <file exporting a DataSource>\n$/],
    ['no DataSource exported', ['check', '--typeorm', 'no-data-source.ts'], /^oto: no-data-source\.ts: exports no TypeORM DataSource: export one, /],
    ['two DataSources exported', ['check', '--typeorm', 'two.ts'], /^oto: two\.ts: exports 2 DataSources: point --typeorm at a module that exports one\n$/],
    [
      'an entity whose import throws',
      ['check', '--typeorm', 'entity-throws.ts'],
      /^oto: entity-throws\.ts: module '\.\.\/env' imported by src\/entity\/broken\.ts threw while loading: OTO_TEST_NEVER_SET is required; .* --stub '\.\.\/env'\n$/,
    ],
    [
      'an entity glob that reaches a module whose import throws',
      ['check', '--typeorm', 'glob-throws.ts'],
      /^oto: glob-throws\.ts: module '\.\.\/env' imported by src\/entity\/broken\.ts threw while loading: OTO_TEST_NEVER_SET is required; /,
    ],
    ['a package that is not installed', ['check', '--typeorm', 'no-package.ts'], /^oto: no-package\.ts: cannot find module 'typeorm-extension-that-is-not-installed' imported by no-package\.ts: install it /],
    [
      'a relation to an entity the DataSource does not list',
      ['check', '--typeorm', 'missing-entity.ts'],
      /^oto: missing-entity\.ts: TypeORM cannot build the entity metadata: Entity metadata for Profile#user was not found\. .*\n$/,
    ],
    [
      'a database driver that is not installed',
      ['check', '--typeorm', 'mssql.ts'],
      /^oto: mssql\.ts: TypeORM needs the database driver 'mssql' to create the DataSource; oto never connects: install it, or stub it: .* --stub 'mssql'\n$/,
    ],
    ['two ORM flags', ['check', '--typeorm', 'x.ts', '--prisma'], /^oto: --prisma and --typeorm name 2 schema sources: check one at a time\n$/],
  ])('%s', (_, args, message) => expectInputError(dir, args, message));

  it('reads a DataSource once its missing driver is stubbed', async () => {
    const { code, stdout } = await oto(dir, 'check', '--typeorm', 'mssql.ts', '--stub', 'mssql', '--format', 'json');
    expect(JSON.parse(stdout)).toMatchObject({ source: 'typeorm', dialect: 'sqlserver' });
    expect(code).toBe(0);
  });

  it('loads once the failing module is stubbed, and says so', async () => {
    const { code, stderr } = await oto(dir, 'check', '--typeorm', 'entity-throws.ts', '--stub', '../env');
    expect(stderr).toBe(`oto: warning: stubbed module '../env' (imported by src/entity/broken.ts): its exports are inert stand-ins\n`);
    expect(code).toBe(0);
  });
});
