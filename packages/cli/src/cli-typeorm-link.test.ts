/**
 * A one-to-one whose entities declare no join column (TypeORM @JoinColumn on neither side) while
 * the migrations create a FOREIGN KEY between its tables: oto uses the database's FOREIGN KEY
 * (issue 16 item 17) instead of saying that nothing links the rows.
 */
import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const INSTALLED: Record<string, string> = { typeorm: installed('typeorm', path.resolve(__dirname, '../../typeorm')) };
const projects = tempProjects('cli-typeorm-link');

const ENTITIES = `import { Entity, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn() id!: number;
  @OneToOne(() => Profile, (profile) => profile.user) profile?: Relation<Profile>;
}

@Entity('oto_profile')
export class Profile {
  @PrimaryGeneratedColumn() id!: number;
  @OneToOne(() => User, (user) => user.profile) user?: Relation<User>;
}
`;
const DATA_SOURCE = `import { DataSource } from 'typeorm';
import { Profile, User } from './entities';

export default new DataSource({ type: 'postgres', entities: [User, Profile] });
`;
const migration = (unique: string) =>
  `CREATE TABLE "app_user" ("id" SERIAL PRIMARY KEY);\nCREATE TABLE "oto_profile" ("id" SERIAL PRIMARY KEY, "user_id" integer REFERENCES "app_user" ("id")${unique});\n`;

type Finding = { ruleId: string; messageId: string; message: string };
const findings = (stdout: string) => (JSON.parse(stdout) as { diagnostics: Finding[] }).diagnostics.filter((d) => d.ruleId !== 'one-to-one-naming');

describe('oto check --typeorm --migrations: a FOREIGN KEY the entities lack', () => {
  it('says the entities lack the join column, and checks that FOREIGN KEY for a unique', async () => {
    const dir = projects('no-unique', { 'src/entities.ts': ENTITIES, 'src/data-source.ts': DATA_SOURCE, 'migrations/0001_init.sql': migration('') }, INSTALLED);
    const run = await oto(dir, 'check', '--typeorm', 'src/data-source.ts', '--migrations', 'migrations', '--format', 'json');
    const found = findings(run.stdout);
    expect(found.map((d) => `${d.ruleId}/${d.messageId}`)).toEqual(['one-to-one-no-foreign-key/noJoinColumn', 'database-unique-missing/linkNotUnique']);
    expect(found[0]?.message).toContain('has no join column in the entities, but the database replayed from migrations links them by a FOREIGN KEY on oto_profile(user_id) to app_user(id)');
    expect(found.some((d) => d.message.includes('nothing in the database links'))).toBe(false);
    expect(run.code).toBe(1);
  }, 180_000);

  it('a unique over that FOREIGN KEY backs it: only the missing join column is reported', async () => {
    const dir = projects('unique', { 'src/entities.ts': ENTITIES, 'src/data-source.ts': DATA_SOURCE, 'migrations/0001_init.sql': migration(' UNIQUE') }, INSTALLED);
    const run = await oto(dir, 'check', '--typeorm', 'src/data-source.ts', '--migrations', 'migrations', '--format', 'json');
    expect(findings(run.stdout).map((d) => `${d.ruleId}/${d.messageId}`)).toEqual(['one-to-one-no-foreign-key/noJoinColumn']);
    expect(run.code).toBe(0);
  }, 180_000);
});
