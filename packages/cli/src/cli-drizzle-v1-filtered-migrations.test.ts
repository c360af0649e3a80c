/**
 * A drizzle-orm 1.0 filtered one-to-one (`r.one.x({ from, to, where })`) that the schema backs
 * with its partial unique, against migrations that never create it (drizzle-kit 1.0's folder
 * layout, replayed on PGlite): `oto check --migrations` finds it (database-unique-missing's
 * `filtered`), `oto generate sql --migrations` writes the partial unique, and once that SQL is a
 * migration of the folder the replay backs the relation: no finding. The same against a live
 * database (`--database-url`, PGlite) holding cancelled rows that the partial unique allows.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPglite } from '@oto/database';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(180_000);

const V1 = installed('drizzle-orm-v1', path.resolve(__dirname, '../../drizzle'));
const projects = tempProjects('cli-drizzle-v1-filtered');

const SCHEMA = `import { defineRelations, sql } from 'drizzle-orm';
import { integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const users = pgTable('app_user', { id: serial('id').primaryKey() });

// A user has many subscriptions, one of them live (not cancelled): the partial unique holds that.
export const subscriptions = pgTable(
  'subscription',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    plan: text('plan').notNull(),
    cancelledAt: timestamp('cancelled_at'),
  },
  (t) => [uniqueIndex('subscription_live_user_id_key').on(t.userId).where(sql\`\${t.cancelledAt} IS NULL\`)],
);

export const relations = defineRelations({ users, subscriptions }, (r) => ({
  users: {
    liveSubscription: r.one.subscriptions({ from: r.users.id, to: r.subscriptions.userId, where: { cancelledAt: { isNull: true } } }),
  },
}));
`;
/** The first migration as drizzle-kit 1.0 writes it, before the schema had the partial unique. */
const INIT = `CREATE TABLE "app_user" (
\t"id" serial PRIMARY KEY
);
--> statement-breakpoint
CREATE TABLE "subscription" (
\t"id" serial PRIMARY KEY,
\t"user_id" integer NOT NULL,
\t"plan" text NOT NULL,
\t"cancelled_at" timestamp
);
--> statement-breakpoint
ALTER TABLE "subscription" ADD CONSTRAINT "subscription_user_id_app_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE;`;
/** Only the replay's dialect is read from it here (generate sql --into, which needs drizzle-kit's real snapshots, is the e2e's). */
const SNAPSHOT = JSON.stringify({ version: '8', dialect: 'postgres', id: '00000000-0000-4000-8000-000000000001', prevIds: [], ddl: [] });

interface JsonFinding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly message: string;
  readonly location: { readonly relation?: string };
}
const findings = (stdout: string) => (JSON.parse(stdout) as { diagnostics: JsonFinding[] }).diagnostics.filter((d) => d.location.relation === 'users.liveSubscription');

describe('drizzle-orm 1.0: a filtered one-to-one whose partial unique the migrations lack', () => {
  const dir = projects(
    'filtered',
    {
      'package.json': JSON.stringify({ oto: { naming: 'off' } }),
      'src/schema.ts': SCHEMA,
      'drizzle/20240101000000_init/migration.sql': INIT,
      'drizzle/20240101000000_init/snapshot.json': SNAPSHOT,
    },
    { 'drizzle-orm': V1 },
  );
  const check = () => oto(dir, 'check', '--drizzle', 'src/schema.ts', '--migrations', 'drizzle', '--format', 'json');

  it('check --migrations: the database finding naming the filter and the partial unique; generate sql writes it; applied, no finding', async () => {
    const before = await check();
    expect(before.stderr).toBe('');
    expect(findings(before.stdout).map((d) => `${d.ruleId}/${d.messageId}`)).toEqual(['database-unique-missing/filtered']);
    const [finding] = findings(before.stdout);
    expect(finding?.message).toContain('{"cancelledAt":{"isNull":true}}');
    expect(finding?.message).toContain('partial unique subscription_live_user_id_key on subscription(user_id) WHERE');
    expect(before.code).toBe(1);

    const generated = await oto(dir, 'generate', 'sql', '--drizzle', 'src/schema.ts', '--migrations', 'drizzle');
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(/^CREATE UNIQUE INDEX "subscription_live_user_id_key" ON "subscription" \("user_id"\) WHERE .*cancelled_at.* IS NULL;$/m);

    fs.mkdirSync(path.join(dir, 'drizzle/20240102000000_oto_one_to_one'));
    fs.writeFileSync(path.join(dir, 'drizzle/20240102000000_oto_one_to_one/migration.sql'), generated.stdout);
    fs.writeFileSync(path.join(dir, 'drizzle/20240102000000_oto_one_to_one/snapshot.json'), SNAPSHOT.replace('0001', '0002'));
    const after = await check();
    expect(after.stderr).toBe('');
    expect(findings(after.stdout)).toEqual([]);
    expect(after.code).toBe(0);
  });

  it('check --database-url: the same finding; the generated SQL run on that database keeps its rows and backs the relation', async () => {
    const data = path.join(dir, 'live');
    const seed = await createPglite(data);
    // User 1: one live subscription and two cancelled ones (the partial unique allows them); user 2: one live.
    await seed.exec(`${INIT}; INSERT INTO app_user VALUES (1), (2); INSERT INTO subscription (user_id, plan, cancelled_at) VALUES (1, 'a', now()), (1, 'b', now()), (1, 'c', NULL), (2, 'a', NULL);`);
    await seed.close();
    const url = ['--database-url', `pglite:${data}`];
    // User 1's three rows are no duplicates of the live one-to-one: its filter keeps one of them.
    const before = await oto(dir, 'check', '--drizzle', 'src/schema.ts', ...url, '--format', 'json');
    expect(findings(before.stdout).map((d) => `${d.ruleId}/${d.messageId}`)).toEqual(['database-unique-missing/filtered']);

    const generated = await oto(dir, 'generate', 'sql', '--drizzle', 'src/schema.ts', ...url);
    expect(generated.code).toBe(0);
    const db = await createPglite(data);
    try {
      await db.exec(generated.stdout);
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM subscription');
      expect(rows.rows[0]?.n).toBe(4);
      // A second live subscription of user 2 is what the partial unique now refuses.
      const second = await db.exec("INSERT INTO subscription (user_id, plan) VALUES (2, 'b')").then(() => undefined, (e: unknown) => e as Error);
      expect(second?.message).toMatch(/duplicate key value violates unique constraint "subscription_live_user_id_key"/);
    } finally {
      await db.close();
    }
    const after = await oto(dir, 'check', '--drizzle', 'src/schema.ts', ...url, '--format', 'json');
    expect(after.stderr).toBe('');
    expect(findings(after.stdout)).toEqual([]);
    expect(after.code).toBe(0);
  });

  it('check --database-url: two live rows of one user are duplicates among the filtered rows, and the generated guard stops on them', async () => {
    const data = path.join(dir, 'live-duplicates');
    const seed = await createPglite(data);
    await seed.exec(`${INIT}; INSERT INTO app_user VALUES (1), (2); INSERT INTO subscription (user_id, plan, cancelled_at) VALUES (1, 'a', now()), (1, 'b', NULL), (2, 'a', NULL), (2, 'b', NULL);`);
    await seed.close();
    const url = ['--database-url', `pglite:${data}`];
    const before = await oto(dir, 'check', '--drizzle', 'src/schema.ts', ...url, '--format', 'json');
    expect(findings(before.stdout).map((d) => `${d.ruleId}/${d.messageId}`)).toEqual(['database-unique-missing/filtered', 'database-duplicates/filteredDuplicates']);
    expect(findings(before.stdout)[1]?.message).toContain('among the subscription rows its filter {"cancelledAt":{"isNull":true}} keeps (WHERE "cancelled_at" IS NULL), 1 value(s) of subscription(user_id) are held by 2 rows (e.g. 2)');

    const generated = await oto(dir, 'generate', 'sql', '--drizzle', 'src/schema.ts', ...url);
    const db = await createPglite(data);
    try {
      const error = await db.exec(generated.stdout).then(() => undefined, (e: unknown) => e as Error);
      expect(error?.message).toBe('oto: nothing was changed, the data would break the migration:\n  duplicate keys in subscription(user_id) WHERE "cancelled_at" IS NULL: (2) 2 rows');
    } finally {
      await db.close();
    }
  });
});
