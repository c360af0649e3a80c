import { countingClient } from '../clients/sql-client';
import { inFreshSchema, postgresTargets } from '../testing/postgres-targets';
import { introspect } from './introspect';

const SCHEMA = `
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, tenant int NOT NULL, CONSTRAINT users_email_key UNIQUE (email));
CREATE TABLE profile (
  id int GENERATED ALWAYS AS IDENTITY,
  user_id int REFERENCES users (id) ON DELETE CASCADE,
  bio text,
  CONSTRAINT profile_pk PRIMARY KEY (id)
);
CREATE UNIQUE INDEX profile_user_id_key ON profile (user_id);
CREATE TABLE payment (
  id int PRIMARY KEY,
  cart_id int,
  canceled_at timestamptz,
  code text,
  CONSTRAINT payment_cart_fk FOREIGN KEY (cart_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE RESTRICT DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX payment_cart_active ON payment (cart_id) WHERE canceled_at IS NULL;
CREATE UNIQUE INDEX payment_code_lower ON payment (lower(code));
CREATE UNIQUE INDEX payment_cart_incl ON payment (id) INCLUDE (cart_id);
CREATE TABLE "odd ""name""" ("user id" int NOT NULL, "Tenant" int NOT NULL, PRIMARY KEY ("Tenant", "user id"));
CREATE VIEW user_emails AS SELECT email FROM users;
`;

describe.each(postgresTargets())('introspection of $name', (target) => {
  afterAll(() => target.close());

  it('reads tables, columns, keys, partial and expression uniques, and foreign keys', async () => {
    const client = await target.client();
    await inFreshSchema(client, async () => {
      await client.exec(SCHEMA);
      const { model, defaultSchema } = await introspect(client);
      expect(defaultSchema).toMatch(/^oto_/);
      const tables = model.tables.filter((t) => t.schema === undefined);
      expect(tables.map((t) => t.name)).toEqual(['odd "name"', 'payment', 'profile', 'users']);
      const [odd, payment, profile, users] = tables;
      expect(users).toMatchObject({
        primaryKey: { name: 'users_pkey', columns: ['id'] },
        uniques: [{ name: 'users_email_key', columns: ['email'], kind: 'constraint' }],
        foreignKeys: [],
      });
      expect(users!.columns.map((c) => [c.name, c.type, c.nullable])).toEqual([
        ['id', 'integer', false],
        ['email', 'text', false],
        ['tenant', 'integer', false],
      ]);
      expect(profile).toMatchObject({
        primaryKey: { name: 'profile_pk', columns: ['id'] },
        uniques: [{ name: 'profile_user_id_key', columns: ['user_id'], kind: 'index' }],
        foreignKeys: [{ name: 'profile_user_id_fkey', columns: ['user_id'], referencedTable: 'users', referencedColumns: ['id'], onDelete: 'cascade', onUpdate: 'no-action' }],
      });
      expect(profile!.columns.find((c) => c.name === 'user_id')?.nullable).toBe(true);
      expect(payment!.uniques).toEqual([
        { name: 'payment_cart_active', columns: ['cart_id'], kind: 'index', where: '(canceled_at IS NULL)' },
        { name: 'payment_cart_incl', columns: ['id'], kind: 'index' },
        { name: 'payment_code_lower', columns: [], kind: 'index', expression: true },
      ]);
      expect(payment!.foreignKeys).toEqual([
        { name: 'payment_cart_fk', columns: ['cart_id'], referencedTable: 'users', referencedColumns: ['id'], onDelete: 'set-null', onUpdate: 'restrict', deferrable: 'initially-deferred' },
      ]);
      expect(odd!.primaryKey?.columns).toEqual(['Tenant', 'user id']);
      expect(model.relations).toEqual([]);
    });
  });

  it('names tables of other schemas with their schema', async () => {
    const client = await target.client();
    await inFreshSchema(client, async (schema) => {
      const other = `${schema}_b`;
      await client.exec(`CREATE SCHEMA ${other}; CREATE TABLE ${other}.account (id int PRIMARY KEY); CREATE TABLE local (id int PRIMARY KEY, account_id int REFERENCES ${other}.account (id))`);
      try {
        const { model } = await introspect(client);
        expect(model.tables.find((t) => t.name === 'account' && t.schema === other)).toBeDefined();
        const local = model.tables.find((t) => t.name === 'local' && t.schema === undefined);
        expect(local?.foreignKeys[0]).toMatchObject({ referencedTable: 'account', referencedSchema: other });
      } finally {
        await client.exec(`DROP SCHEMA ${other} CASCADE`);
      }
    });
  });

  it('uses as many catalog queries for 400 tables as for 2', async () => {
    const client = await target.client();
    const queriesFor = (tables: number) =>
      inFreshSchema(client, async () => {
        const create = (i: number) =>
          i === 0 ? 'CREATE TABLE t0 (id int PRIMARY KEY);' : `CREATE TABLE t${i} (id int PRIMARY KEY, t0_id int UNIQUE REFERENCES t0 (id));`;
        // In batches: one transaction creating (or dropping) thousands of tables runs out of lock slots.
        const batches = (statement: (i: number) => string) =>
          Array.from({ length: Math.ceil(tables / 200) }, (_, b) =>
            Array.from({ length: Math.min(200, tables - b * 200) }, (_, i) => statement(b * 200 + i)).join('\n'),
          );
        for (const batch of batches(create)) await client.exec(batch);
        const counting = countingClient(client);
        const { model } = await introspect(counting);
        expect(model.tables.filter((t) => t.schema === undefined)).toHaveLength(tables);
        expect(model.tables.find((t) => t.name === `t${tables - 1}`)?.uniques).toHaveLength(1);
        for (const batch of batches((i) => `DROP TABLE t${tables - 1 - i} CASCADE;`)) await client.exec(batch);
        return counting.count();
      });
    const few = await queriesFor(2);
    const many = await queriesFor(400);
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(4);
  }, 120_000);
});
