// The one-to-one situations of oto's README in a Drizzle PostgreSQL schema (the same logical
// schema as examples/prisma), plus the Drizzle-only defect: one() on both sides, no unique.
import { relations } from 'drizzle-orm';
import { integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

// A correct unique-foreign-key one-to-one, with the oto_ names on the table and the unique.
export const students = pgTable('student', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
});

export const certificates = pgTable('oto_certificate', {
  id: serial('id').primaryKey(),
  studentId: integer('student_id')
    .notNull()
    .unique('oto_certificate_student_id_key')
    .references(() => students.id, { onDelete: 'cascade' }),
  issuedAt: timestamp('issued_at').notNull().defaultNow(),
});

export const studentsRelations = relations(students, ({ one }) => ({
  certificate: one(certificates),
}));

export const certificatesRelations = relations(certificates, ({ one }) => ({
  student: one(students, { fields: [certificates.studentId], references: [students.id] }),
}));

// A shared-primary-key one-to-one: the profile's primary key is the user's id.
export const users = pgTable('app_user', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
});

export const profiles = pgTable('oto_profile', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  bio: text('bio'),
});

export const usersRelations = relations(users, ({ one, many }) => ({
  profile: one(profiles),
  account: one(accounts),
  passport: one(passports),
  orders: many(orders),
}));

export const profilesRelations = relations(profiles, ({ one }) => ({
  user: one(users, { fields: [profiles.userId], references: [users.id] }),
}));

// A hidden one-to-one: invoice.order_id is UNIQUE, but orders declare many invoices.
export const orders = pgTable('order', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
});

export const invoices = pgTable('invoice', {
  id: serial('id').primaryKey(),
  orderId: integer('order_id')
    .notNull()
    .unique('invoice_order_id_key')
    .references(() => orders.id),
});

export const ordersRelations = relations(orders, ({ one, many }) => ({
  user: one(users, { fields: [orders.userId], references: [users.id] }),
  invoices: many(invoices),
}));

export const invoicesRelations = relations(invoices, ({ one }) => ({
  order: one(orders, { fields: [invoices.orderId], references: [orders.id] }),
}));

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

export const driversRelations = relations(drivers, ({ one }) => ({
  car: one(cars),
}));

export const carsRelations = relations(cars, ({ one }) => ({
  driver: one(drivers, { fields: [cars.driverId], references: [drivers.id] }),
}));

// A naming mismatch: a sound one-to-one, but neither the table nor its unique says so.
export const accounts = pgTable('account', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .unique('account_user_id_key')
    .references(() => users.id, { onDelete: 'cascade' }),
});

export const accountsRelations = relations(accounts, ({ one }) => ({
  user: one(users, { fields: [accounts.userId], references: [users.id] }),
}));

// A time-sliced role declared one-to-one: "the CEO" changes over time, so this keeps no history.
export const companies = pgTable('company', {
  id: serial('id').primaryKey(),
});

export const ceoAssignments = pgTable('oto_ceo_assignment', {
  id: serial('id').primaryKey(),
  companyId: integer('company_id')
    .notNull()
    .unique('oto_ceo_assignment_company_id_key')
    .references(() => companies.id, { onDelete: 'cascade' }),
  person: text('person').notNull(),
  validFrom: timestamp('valid_from').notNull(),
  validTo: timestamp('valid_to'),
});

export const companiesRelations = relations(companies, ({ one }) => ({
  ceo: one(ceoAssignments),
}));

export const ceoAssignmentsRelations = relations(ceoAssignments, ({ one }) => ({
  company: one(companies, { fields: [ceoAssignments.companyId], references: [companies.id] }),
}));

// The Drizzle-only defect: one() on both sides, and nothing makes passport.user_id unique.
// Drizzle accepts it; `db.query.users.findFirst({ with: { passport: true } })` then returns an
// arbitrary one of the user's passports.
export const passports = pgTable('oto_passport', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  number: text('number').notNull(),
});

export const passportsRelations = relations(passports, ({ one }) => ({
  user: one(users, { fields: [passports.userId], references: [users.id] }),
}));
