/**
 * drizzle-kit migrations are split on `--> statement-breakpoint` and run statement by statement,
 * for every dialect: MySQL/MariaDB reads `-->` as a syntax error, so a whole file never ran there.
 */
import { tempProjects } from '../../../core/src/testing/temp-projects';
import { connect } from '../connect';
import { readMigrationFolder, splitBreakpoints } from './migration-folder';
import { replayMigrationFolder } from './replay-folder';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const projects = tempProjects('replay-breakpoints');

const journal = (dialect: string, tags: string[]) =>
  JSON.stringify({ version: '7', dialect, entries: tags.map((tag, idx) => ({ idx, version: '5', when: 1700000000000 + idx, tag, breakpoints: true })) });

/** What drizzle-kit generate writes for a users/profiles one-to-one on MySQL. */
const MYSQL_INIT = `CREATE TABLE \`users\` (
\t\`id\` int AUTO_INCREMENT NOT NULL,
\tCONSTRAINT \`users_id\` PRIMARY KEY(\`id\`)
);
--> statement-breakpoint
CREATE TABLE \`profiles\` (
\t\`id\` int AUTO_INCREMENT NOT NULL,
\t\`user_id\` int NOT NULL,
\tCONSTRAINT \`profiles_id\` PRIMARY KEY(\`id\`),
\tCONSTRAINT \`profiles_user_id_unique\` UNIQUE(\`user_id\`)
);
--> statement-breakpoint
ALTER TABLE \`profiles\` ADD CONSTRAINT \`profiles_user_id_users_id_fk\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE cascade ON UPDATE no action;`;

const MYSQL_DROP = `ALTER TABLE \`profiles\` ADD INDEX \`profiles_user_id_idx\` (\`user_id\`);--> statement-breakpoint
ALTER TABLE \`profiles\` DROP INDEX \`profiles_user_id_unique\`;`;

describe('splitBreakpoints', () => {
  it('cuts at each breakpoint, whether or not a newline follows the statement, and drops empty pieces', () => {
    expect(splitBreakpoints(MYSQL_DROP).map((s) => s.trim())).toEqual([
      'ALTER TABLE `profiles` ADD INDEX `profiles_user_id_idx` (`user_id`);',
      'ALTER TABLE `profiles` DROP INDEX `profiles_user_id_unique`;',
    ]);
    expect(splitBreakpoints('CREATE TABLE a (id int);\n--> statement-breakpoint\n')).toEqual(['CREATE TABLE a (id int);\n']);
  });

  it('reads a drizzle-kit folder into its statements; other layouts stay whole', () => {
    const dir = projects('read', {
      'drizzle/meta/_journal.json': journal('mysql', ['0000_init']),
      'drizzle/0000_init.sql': MYSQL_INIT,
      'sql/001.sql': 'CREATE TABLE a (id int);\n--> statement-breakpoint\nCREATE TABLE b (id int);',
    });
    expect(readMigrationFolder(`${dir}/drizzle`, 'drizzle').migrations[0]!.statements).toHaveLength(3);
    expect(readMigrationFolder(`${dir}/sql`, 'sql').migrations[0]!.statements).toHaveLength(1);
  });
});

const MYSQL_URL = process.env['OTO_TEST_MYSQL_URL'];

(MYSQL_URL ? describe : describe.skip)('drizzle-kit MySQL migrations on MariaDB (OTO_TEST_MYSQL_URL)', () => {
  const database = 'oto_replay_d';
  const scratch = () => {
    const url = new URL(MYSQL_URL!);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const reset = async () => {
    const admin = await connect(MYSQL_URL!, { cwd: process.cwd() });
    try {
      await admin.exec(`DROP DATABASE IF EXISTS \`${database}\`; CREATE DATABASE \`${database}\``);
    } finally {
      await admin.close();
    }
  };
  afterAll(async () => {
    const admin = await connect(MYSQL_URL!, { cwd: process.cwd() });
    await admin.exec(`DROP DATABASE IF EXISTS \`${database}\``).finally(() => admin.close());
  }, 60_000);

  it('replays a journal with breakpoints statement by statement, and sees the key each migration leaves', async () => {
    await reset();
    const dir = projects('mysql', {
      'drizzle/meta/_journal.json': journal('mysql', ['0000_init', '0001_drop_unique']),
      'drizzle/0000_init.sql': MYSQL_INIT,
      'drizzle/0001_drop_unique.sql': MYSQL_DROP,
    });
    const folder = readMigrationFolder(`${dir}/drizzle`, 'drizzle');
    const facts = await replayMigrationFolder(folder, { schemaDialect: 'mysql', label: 'drizzle', cwd: dir, databaseUrl: scratch() });
    const profiles = (step: number) => facts.steps![step]!.tables.find((t) => t.name === 'profiles')!;
    expect(facts.steps!.map((s) => s.name)).toEqual(['0000_init', '0001_drop_unique']);
    expect(profiles(0).uniques.map((u) => [u.name, u.columns])).toEqual([['profiles_user_id_unique', ['user_id']]]);
    expect(profiles(0).foreignKeys.map((fk) => [fk.columns, fk.referencedTable, fk.onDelete])).toEqual([[['user_id'], 'users', 'cascade']]);
    expect(profiles(1).uniques).toEqual([]);
  }, 120_000);

  it('names the statement that fails', async () => {
    await reset();
    const dir = projects('mysql-broken', {
      'drizzle/meta/_journal.json': journal('mysql', ['0000_init']),
      'drizzle/0000_init.sql': 'CREATE TABLE `a` (`id` int NOT NULL);\n--> statement-breakpoint\nCREATE TABLE `a` (`id` int NOT NULL);',
    });
    const folder = readMigrationFolder(`${dir}/drizzle`, 'drizzle');
    await expect(replayMigrationFolder(folder, { schemaDialect: 'mysql', label: 'drizzle', cwd: dir, databaseUrl: scratch() })).rejects.toThrow(
      /^drizzle: migration 0000_init \(statement 2 of 2\) fails on .*: Table 'a' already exists/,
    );
  }, 120_000);
});
