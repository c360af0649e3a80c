/**
 * The Drizzle renderer on what a Drizzle schema cannot declare but the plan can hold: a self
 * one-to-one, read through an aliased self-join. The committed module (testing/self-join) is what
 * the renderer writes now, compiles with the rest of the repo under --strict, and on PGlite returns
 * each side of a marriage, null for none, and throws when two people name the same spouse.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { planAccessors } from '@oto/core';
import { OneToOneViolationError } from '@oto/runtime';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { relation, schema, table } from '../../../core/src/testing/fixtures';
import { renderDrizzleAccessors } from './render-drizzle-accessors';
import { people } from '../testing/self-join/schema';
import { peopleSpouse, peopleSpouseOf } from '../testing/self-join/oto-accessors';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const MODULE = path.join(__dirname, '..', 'testing', 'self-join', 'oto-accessors.ts');

const model = schema(
  [table('person', { entity: 'people', columns: ['id', 'name', 'spouse_id=spouseId?'], pk: ['id'], uniques: [['spouse_id']] })],
  [relation({ dependent: 'person', principal: 'person', columns: ['spouse_id'], dependentField: 'spouse', principalField: 'spouseOf', dependentOptional: true })],
);

describe('renderDrizzleAccessors: a self one-to-one', () => {
  it('reads the principal through an aliased self-join; the committed module is what it writes', () => {
    const text = renderDrizzleAccessors({ plan: planAccessors(model), dialect: 'postgresql', moduleOf: () => './schema', source: 'a test plan', command: 'UPDATE_GOLDEN=1 npx jest packages/drizzle/src/accessors' });
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(MODULE, text);
    expect(fs.readFileSync(MODULE, 'utf8')).toBe(text);
    expect(text).toContain("import { alias } from 'drizzle-orm/pg-core';");
    expect(text).toContain("const from = alias(people, 'oto_from');");
  });

  it('returns each side, null for none, and throws when two rows name the same spouse', async () => {
    const client = new PGlite();
    try {
      // No unique on spouse_id: the table a migration forgot to constrain.
      await client.exec('CREATE TABLE "person" ("id" serial PRIMARY KEY, "name" text NOT NULL, "spouse_id" integer REFERENCES "person" ("id"))');
      const db = drizzle({ client });
      const [ada, bob, cy] = await db.insert(people).values([{ name: 'Ada' }, { name: 'Bob' }, { name: 'Cy' }]).returning();
      if (!ada || !bob || !cy) throw new Error('no people');
      await db.update(people).set({ spouseId: ada.id }).where(eq(people.id, bob.id));
      expect(await peopleSpouse(db, bob.id)).toMatchObject({ id: ada.id, name: 'Ada' });
      expect(await peopleSpouseOf(db, ada.id)).toMatchObject({ id: bob.id, name: 'Bob' });
      expect(await peopleSpouse(db, ada.id)).toBeNull();
      expect(await peopleSpouseOf(db, cy.id)).toBeNull();

      await db.update(people).set({ spouseId: ada.id }).where(eq(people.id, cy.id));
      const error = await peopleSpouseOf(db, ada.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OneToOneViolationError);
      expect(error).toMatchObject({ relation: 'people.spouseOf', table: 'person', key: { id: ada.id }, rows: 2 });
      // The join side still reads one row per key: Bob's and Cy's spouse are each Ada.
      expect(await peopleSpouse(db, cy.id)).toMatchObject({ id: ada.id });
    } finally {
      await client.close();
    }
  });
});
