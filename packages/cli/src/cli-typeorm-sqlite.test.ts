/**
 * A TypeORM SQLite replay: SQLite migrations replay in memory, which TypeORM cannot reach, so
 * `--database-url sqlite:<file>` names an empty database file for TypeORM's own driver
 * (better-sqlite3 here); the migrations then fill it, and oto reads it after each one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { expectInputError, oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const INSTALLED: Record<string, string> = { typeorm: installed('typeorm', path.resolve(__dirname, '../../typeorm')) };
const projects = tempProjects('cli-typeorm-sqlite');

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
  @OneToOne(() => Member, (member) => member.badge)
  @JoinColumn({ name: 'member_id' })
  member!: Relation<Member>;
}
`;
const DATA_SOURCE = `import { DataSource } from 'typeorm';
import { Badge, Member } from './entities';

export default new DataSource({ type: 'better-sqlite3', database: 'app.db', entities: [Member, Badge] });
`;
const MIGRATION = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1700000000000 implements MigrationInterface {
  name = 'Init1700000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`CREATE TABLE "member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL)\`);
    await queryRunner.query(\`CREATE TABLE "oto_badge" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "member_id" integer NOT NULL REFERENCES "member" ("id"), CONSTRAINT "REL_badge_member" UNIQUE ("member_id"))\`);
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
    { 'package.json': '{"oto":{"naming":"off"}}', 'src/entities.ts': ENTITIES, 'src/data-source.ts': DATA_SOURCE, 'src/migration/1700000000000-Init.ts': MIGRATION },
    INSTALLED,
  );

describe('oto check --typeorm (SQLite) --migrations', () => {
  it('replays into the empty database file --database-url names', async () => {
    const dir = project('replay');
    const file = path.join(dir, 'scratch.db');
    fs.writeFileSync(file, '');
    const { code, stdout, stderr } = await oto(dir, 'check', '--typeorm', 'src/data-source.ts', '--migrations', 'src/migration', '--database-url', `sqlite:${file}`);
    expect(stderr).toBe('');
    expect(stdout).toContain('no findings in 1 one-to-one relation (of 1 relation), against the database replayed from src/migration');
    expect(code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  }, 180_000);

  it('without one: one line that says to give it', async () => {
    await expectInputError(
      project('no-file'),
      ['check', '--typeorm', 'src/data-source.ts', '--migrations', 'src/migration'],
      /^oto: SQLite migrations are replayed in memory; give an empty database file with --database-url sqlite:<file> for a TypeORM replay\n$/,
    );
  }, 180_000);
});
