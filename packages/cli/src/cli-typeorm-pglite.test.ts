/**
 * `oto check --typeorm … --migrations … --database-url pglite:<folder>`: TypeORM has no PGlite
 * driver, so the given PGlite folder is served through the same socket server as the embedded
 * replay (before, TypeORM tried 127.0.0.1:5432).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPglite, introspect, pgliteClient } from '@oto/database';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { expectInputError, oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const INSTALLED: Record<string, string> = { typeorm: installed('typeorm', path.resolve(__dirname, '../../typeorm')) };
const projects = tempProjects('cli-typeorm-pglite');

const ENTITIES = `import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';

@Entity('member')
export class Member {
  @PrimaryGeneratedColumn() id!: number;
  @OneToOne(() => Badge, (badge) => badge.member) badge?: Relation<Badge>;
}

@Entity('oto_badge')
export class Badge {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'member_id' }) memberId!: number;
  @OneToOne(() => Member, (member) => member.badge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member!: Relation<Member>;
}
`;
const DATA_SOURCE = `import { DataSource } from 'typeorm';
import { Badge, Member } from './entities';

export default new DataSource({ type: 'postgres', url: 'postgres://app:hunter2@127.0.0.1:5432/app', entities: [Member, Badge] });
`;
/** The migration leaves out the unique on member_id that TypeORM adds implicitly (REL_…). */
const MIGRATION = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1700000000000 implements MigrationInterface {
  name = 'Init1700000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`CREATE TABLE "member" ("id" SERIAL NOT NULL, CONSTRAINT "PK_member" PRIMARY KEY ("id"))\`);
    await queryRunner.query(\`CREATE TABLE "oto_badge" ("id" SERIAL NOT NULL, "member_id" integer NOT NULL, CONSTRAINT "PK_badge" PRIMARY KEY ("id"))\`);
    await queryRunner.query(\`ALTER TABLE "oto_badge" ADD CONSTRAINT "FK_badge_member" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE\`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`DROP TABLE "oto_badge"\`);
    await queryRunner.query(\`DROP TABLE "member"\`);
  }
}
`;

const project = (name: string) =>
  projects(
    name,
    {
      'package.json': '{"oto":{"naming":"off"}}',
      'src/entities.ts': ENTITIES,
      'src/data-source.ts': DATA_SOURCE,
      'src/migration/1700000000000-Init.ts': MIGRATION,
    },
    INSTALLED,
  );

describe('oto check --typeorm --migrations into embedded PGlite', () => {
  it('loads the extensions the migration classes create (cube ships with PGlite, unloaded by default)', async () => {
    const dir = project('extension');
    const cube = MIGRATION.replace(
      'await queryRunner.query(`CREATE TABLE "member"',
      'await queryRunner.query("CREATE EXTENSION IF NOT EXISTS \\"cube\\"");\n    await queryRunner.query(`CREATE TABLE "member"',
    ).replace('"member_id" integer NOT NULL,', '"member_id" integer NOT NULL, "area" cube,');
    fs.writeFileSync(path.join(dir, 'src/migration/1700000000000-Init.ts'), cube);
    const { code, stdout, stderr } = await oto(dir, 'check', '--typeorm', 'src/data-source.ts', '--migrations', 'src/migration', '--format', 'json');
    expect(stderr).toBe('');
    expect((JSON.parse(stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId)).toEqual(['database-unique-missing']);
    expect(code).toBe(1);
  }, 180_000);
});

describe('oto check --typeorm --migrations: the extensions TypeORM creates itself', () => {
  it('a generated uuid column: TypeORM creates uuid-ossp as it connects, and the migration calling uuid_generate_v4() replays', async () => {
    const dir = project('typeorm-uuid');
    fs.writeFileSync(
      path.join(dir, 'src/entities.ts'),
      ENTITIES.replace("import { Column, Entity,", "import { Column, Entity, Generated,").replace(
        "  @Column({ name: 'member_id' }) memberId!: number;",
        "  @Column({ name: 'member_id' }) memberId!: number;\n  @Column() @Generated('uuid') token!: string;",
      ),
    );
    fs.writeFileSync(
      path.join(dir, 'src/migration/1700000000000-Init.ts'),
      MIGRATION.replace('"member_id" integer NOT NULL,', '"member_id" integer NOT NULL, "token" uuid NOT NULL DEFAULT uuid_generate_v4(),'),
    );
    const { code, stdout, stderr } = await oto(dir, 'check', '--typeorm', 'src/data-source.ts', '--migrations', 'src/migration', '--format', 'json');
    expect(stderr).toBe('');
    expect((JSON.parse(stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId)).toEqual(['database-unique-missing']);
    expect(code).toBe(1);
  }, 180_000);
});

describe('oto check --typeorm --migrations on Supabase', () => {
  /** The member row is the auth user's: the migration references auth.users. */
  const supabase = (name: string, config: object) => {
    const dir = project(name);
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ oto: { naming: 'off', ...config } }));
    const migration = MIGRATION.replace('"id" SERIAL NOT NULL, CONSTRAINT "PK_member"', '"id" SERIAL NOT NULL, "auth_id" uuid REFERENCES auth.users (id), CONSTRAINT "PK_member"');
    fs.writeFileSync(path.join(dir, 'src/migration/1700000000000-Init.ts'), migration);
    return dir;
  };
  const args = ['check', '--typeorm', 'src/data-source.ts', '--migrations', 'src/migration'];

  it('without the prelude: one line that names the prelude to add', async () => {
    await expectInputError(supabase('no-prelude', {}), args, /^oto: src\/data-source\.ts: migration Init1700000000000 fails on the scratch database: schema "auth" does not exist; Supabase creates .*"replay": \{ "prelude": \["supabase"\] \}/);
  }, 180_000);

  it('with it: the replay runs', async () => {
    const { code, stderr } = await oto(supabase('prelude', { replay: { prelude: ['supabase'] } }), ...args);
    expect(stderr).toBe('');
    expect(code).toBe(1);
  }, 180_000);
});

describe('oto check --typeorm --migrations --database-url pglite:<folder>', () => {
  it('replays the migration classes into the given PGlite folder through the socket server', async () => {
    const dir = project('replay');
    fs.mkdirSync(path.join(dir, 'scratch'));
    const { code, stdout, stderr } = await oto(dir, 'check', '--typeorm', 'src/data-source.ts', '--migrations', 'src/migration', '--database-url', 'pglite:scratch', '--format', 'json');
    expect(stderr).toBe('');
    const findings = (JSON.parse(stdout) as { diagnostics: { ruleId: string; messageId: string }[] }).diagnostics.map((d) => `${d.ruleId}/${d.messageId}`);
    expect(findings).toEqual(['database-unique-missing/missing']);
    expect(code).toBe(1);
    // The migrations ran in that folder: it now holds their tables (and TypeORM's migrations table).
    expect(fs.existsSync(path.join(dir, 'scratch', 'PG_VERSION'))).toBe(true);
    const client = pgliteClient(await createPglite(path.join(dir, 'scratch')));
    try {
      const { model } = await introspect(client);
      expect(model.tables.map((t) => t.name).sort()).toEqual(['member', 'migrations', 'oto_badge']);
    } finally {
      await client.close();
    }
  }, 180_000);

  it('refuses a PGlite folder that already holds tables: one line, exit 2', async () => {
    const dir = project('not-empty');
    const client = pgliteClient(await createPglite(path.join(dir, 'used')));
    await client.exec('CREATE TABLE keep_me (id int)');
    await client.close();
    await expectInputError(
      dir,
      ['check', '--typeorm', 'src/data-source.ts', '--migrations', 'src/migration', '--database-url', 'pglite:used'],
      /^oto: PGlite used has 1 table\(s\): migrations are replayed only into an empty scratch database/,
    );
  }, 180_000);
});
