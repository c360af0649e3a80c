/**
 * A drizzle-orm 1.0 filtered one-to-one (`r.one.x({ from, to, where })`) that the schema backs
 * with its partial unique, against migrations that never create it (drizzle-kit 1.0's folder
 * layout, replayed on PGlite): `oto check --migrations` finds it (database-unique-missing's
 * `filtered`), `oto generate sql --migrations` writes the partial unique, and once that SQL is a
 * migration of the folder the replay backs the relation: no finding.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
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
});
