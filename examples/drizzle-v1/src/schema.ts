// The one-to-one situations of oto's README in a Drizzle 1.0 (RC) PostgreSQL schema, written the
// v1 way: relations through defineRelations (from/to, optional, where, through) and a
// defineRelationsPart, read by drizzle-kit 1.0 (drizzle.config.ts) and by oto.
import { defineRelations, defineRelationsPart, sql } from 'drizzle-orm';
import { boolean, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const users = pgTable('app_user', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
});

// A sound unique-foreign-key one-to-one, with the oto_ names on the table and the unique.
export const profiles = pgTable('oto_profile', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .unique('oto_profile_user_id_key')
    .references(() => users.id, { onDelete: 'cascade' }),
  bio: text('bio'),
});

// The defect oto reports: r.one on both sides, and nothing makes passport.user_id unique.
// drizzle accepts it; `db.query.users.findFirst({ with: { passport: true } })` then returns an
// arbitrary one of the user's passports.
export const passports = pgTable('oto_passport', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  number: text('number').notNull(),
});

// A one-to-one optional on both sides: a driver may have no car, a car may have no driver.
export const drivers = pgTable('driver', {
  id: serial('id').primaryKey(),
});

export const cars = pgTable('oto_car', {
  id: serial('id').primaryKey(),
  driverId: integer('driver_id')
    .unique('oto_car_driver_id_key')
    .references(() => drivers.id, { onDelete: 'set null' }),
});

// A filtered one-to-one, backed: a user has many subscriptions but one live one (not cancelled),
// and the partial unique on the live rows makes the database hold it.
export const subscriptions = pgTable(
  'oto_subscription',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    plan: text('plan').notNull(),
    cancelledAt: timestamp('cancelled_at'),
  },
  (t) => [uniqueIndex('oto_subscription_live_user_id_key').on(t.userId).where(sql`${t.cancelledAt} IS NULL`)],
);

// A filtered one-to-one, not backed: "the primary address" of many, with no partial unique on the
// primary rows, so a user may have two.
export const addresses = pgTable('oto_address', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  line: text('line').notNull(),
  isPrimary: boolean('is_primary').notNull().default(false),
});

// A many-to-many through a junction (its relations in a part of their own, below).
export const teams = pgTable('team', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
});

export const memberships = pgTable(
  'membership',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.teamId] })],
);

export const relations = defineRelations({ users, profiles, passports, drivers, cars, subscriptions, addresses }, (r) => ({
  users: {
    profile: r.one.profiles({ from: r.users.id, to: r.profiles.userId }),
    passport: r.one.passports({ from: r.users.id, to: r.passports.userId }),
    liveSubscription: r.one.subscriptions({ from: r.users.id, to: r.subscriptions.userId, where: { cancelledAt: { isNull: true } } }),
    primaryAddress: r.one.addresses({ from: r.users.id, to: r.addresses.userId, where: { isPrimary: true } }),
  },
  profiles: { user: r.one.users({ from: r.profiles.userId, to: r.users.id, optional: false }) },
  passports: { user: r.one.users({ from: r.passports.userId, to: r.users.id, optional: false }) },
  drivers: { car: r.one.cars({ from: r.drivers.id, to: r.cars.driverId }) },
  cars: { driver: r.one.drivers({ from: r.cars.driverId, to: r.drivers.id }) },
  subscriptions: { user: r.one.users({ from: r.subscriptions.userId, to: r.users.id, optional: false }) },
  addresses: { user: r.one.users({ from: r.addresses.userId, to: r.users.id, optional: false }) },
}));

// The teams and their members, through membership: a many-to-many is never a one-to-one, but the
// junction's foreign keys are relations oto reads.
export const teamRelations = defineRelationsPart({ users, teams, memberships }, (r) => ({
  teams: {
    members: r.many.users({ from: r.teams.id.through(r.memberships.teamId), to: r.users.id.through(r.memberships.userId) }),
  },
}));
