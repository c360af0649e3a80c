import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const projects = tempProjects('cli-stubs');

const SCHEMA = `import { relations } from 'drizzle-orm';
import { integer, pgTable, serial } from 'drizzle-orm/pg-core';
import { redis } from '../lib/redis';
import { flags } from '@app/flags';

export const users = pgTable('app_user', { id: serial('id').primaryKey() });
export const profiles = pgTable('oto_profile', { id: serial('id').primaryKey(), userId: integer('user_id').notNull().unique().references(() => users.id) });
export const usersRelations = relations(users, ({ one }) => ({ profile: one(profiles) }));
export const profilesRelations = relations(profiles, ({ one }) => ({ user: one(users, { fields: [profiles.userId], references: [users.id] }) }));
export const used = [redis, flags];
`;

describe('oto check: stubbed modules in one summary line, each with its importer under --verbose', () => {
  const dir = projects(
    'drizzle',
    {
      // The config imports a module that needs the environment: stubbed too, and named.
      'drizzle.config.ts': `import { url } from './src/env';\nexport default { schema: './src/db/*.ts', dialect: 'postgresql', dbCredentials: { url } };\n`,
      'src/env.ts': `throw new Error('DATABASE_URL is not set');\n`,
      'src/lib/redis.ts': `throw new Error('connects to redis');\n`,
      'src/db/schema.ts': SCHEMA,
    },
    { 'drizzle-orm': installed('drizzle-orm', path.resolve(__dirname, '../../drizzle')) },
  );
  const STUBS = ['--stub', 'src/env.ts', '--stub', 'src/lib/redis.ts', '--stub', '@app/flags'];

  it('names the modules stubbed for the drizzle config and the schema in one line', async () => {
    const { code, stderr } = await oto(dir, 'check', ...STUBS);
    expect(stderr).toBe(`oto: warning: stubbed 3 modules, their exports inert stand-ins: '../lib/redis', './src/env' and '@app/flags' (--verbose names each one's importer)\n`);
    expect(code).toBe(0);
  });

  it('lists each with its importer under --verbose', async () => {
    const { code, stderr } = await oto(dir, 'check', ...STUBS, '--verbose');
    expect(stderr.split('\n').slice(1)).toEqual([
      `oto:   stubbed module '../lib/redis' (imported by src/db/schema.ts): its exports are inert stand-ins`,
      `oto:   stubbed module './src/env' (imported by drizzle.config.ts): its exports are inert stand-ins`,
      `oto:   stubbed module '@app/flags' (imported by src/db/schema.ts): its exports are inert stand-ins`,
      '',
    ]);
    expect(code).toBe(0);
  });
});
