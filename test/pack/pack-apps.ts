/**
 * The three fresh apps of the pack-and-install test, one per ORM, as a new user writes them from
 * the README: the ORM from the registry, oto from the packed tarballs.
 */

export interface PackApp {
  readonly name: 'prisma' | 'drizzle' | 'typeorm';
  /** Registry packages, by dependency kind. */
  readonly dependencies: Record<string, string>;
  readonly devDependencies: Record<string, string>;
  /** The oto packages the README's install line names for this ORM. */
  readonly oto: { readonly dependencies: readonly string[]; readonly devDependencies: readonly string[] };
  readonly files: Record<string, string>;
}

// skipLibCheck as drizzle-orm's docs ask (its .d.ts name optional drivers); the app's own code and
// the generated accessors are still checked strictly against the packages' types.
const TSCONFIG = (extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', noEmit: true, skipLibCheck: true, types: ['node'], ...extra }, include: ['src'] }, null, 2)}\n`;

const PRISMA_SCHEMA = `generator client {
  provider     = "prisma-client"
  output       = "../src/generated/client"
  moduleFormat = "cjs"
}

generator oto {
  provider = "oto-prisma"
  output   = "../src/generated/oto"
}

datasource db {
  provider = "postgresql"
}

model User {
  id      Int      @id
  profile Profile?
  orders  Order[]
}

model Profile {
  id     Int  @id
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id])
}

/// userId is unique, but User declares a list: a hidden one-to-one.
model Order {
  id     Int  @id
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id])
}
`;

const DRIZZLE_SCHEMA = `import { relations } from 'drizzle-orm';
import { integer, pgTable } from 'drizzle-orm/pg-core';

export const users = pgTable('users', { id: integer('id').primaryKey() });
export const profiles = pgTable('profiles', { id: integer('id').primaryKey(), userId: integer('user_id').notNull().unique().references(() => users.id) });
// userId is unique, but users declares many(orders): a hidden one-to-one.
export const orders = pgTable('orders', { id: integer('id').primaryKey(), userId: integer('user_id').notNull().unique().references(() => users.id) });

export const usersRelations = relations(users, ({ one, many }) => ({ profile: one(profiles), orders: many(orders) }));
export const profilesRelations = relations(profiles, ({ one }) => ({ user: one(users, { fields: [profiles.userId], references: [users.id] }) }));
export const ordersRelations = relations(orders, ({ one }) => ({ user: one(users, { fields: [orders.userId], references: [users.id] }) }));
`;

const TYPEORM_ENTITIES = `import 'reflect-metadata';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';

@Entity()
export class User {
  @PrimaryColumn() id!: number;
  @OneToOne(() => Profile, (profile) => profile.user) profile?: Relation<Profile>;
}

@Entity()
export class Profile {
  @PrimaryColumn() id!: number;
  @Column() userId!: number;
  @OneToOne(() => User, (user) => user.profile) @JoinColumn({ name: 'userId' }) user!: Relation<User>;
}
`;

export const APPS: readonly PackApp[] = [
  {
    name: 'prisma',
    dependencies: { '@prisma/client': '^7.10.0' },
    devDependencies: { prisma: '^7.10.0', typescript: '~5.9.3', '@types/node': '^20.19.0' },
    oto: { dependencies: ['@oto/runtime'], devDependencies: ['@oto/cli', '@oto/prisma'] },
    files: {
      'prisma/schema.prisma': PRISMA_SCHEMA,
      'tsconfig.json': TSCONFIG(),
      'src/app.ts': `import { PrismaClient } from './generated/client/client.js';
import { otoAccessors } from './generated/oto/accessors.js';

export const withOto = (client: PrismaClient) => client.$extends(otoAccessors);
`,
    },
  },
  {
    name: 'drizzle',
    dependencies: { 'drizzle-orm': '^0.45.0', pg: '^8.16.0' },
    devDependencies: { 'drizzle-kit': '^0.31.0', typescript: '~5.9.3', '@types/node': '^20.19.0' },
    oto: { dependencies: ['@oto/runtime'], devDependencies: ['@oto/cli', '@oto/drizzle'] },
    files: {
      'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';
import { withOto } from '@oto/drizzle';

export default withOto(
  defineConfig({ schema: './src/schema.ts', out: './drizzle', dialect: 'postgresql' }),
  { failOn: 'error', accessors: { out: 'src/oto-accessors.ts' } },
);
`,
      'src/schema.ts': DRIZZLE_SCHEMA,
      'tsconfig.json': TSCONFIG(),
    },
  },
  {
    name: 'typeorm',
    dependencies: { typeorm: '^1.1.1', pg: '^8.16.0', 'reflect-metadata': '^0.2.2' },
    devDependencies: { typescript: '~5.9.3', '@types/node': '^20.19.0' },
    oto: { dependencies: ['@oto/runtime'], devDependencies: ['@oto/cli', '@oto/typeorm'] },
    files: {
      'src/entities.ts': TYPEORM_ENTITIES,
      'src/data-source.ts': `import { DataSource } from 'typeorm';
import { Profile, User } from './entities.js';

export default new DataSource({ type: 'postgres', url: 'postgres://oto@127.0.0.1:1/none', entities: [User, Profile] });
`,
      'tsconfig.json': TSCONFIG({ experimentalDecorators: true, emitDecoratorMetadata: true, strictPropertyInitialization: false }),
    },
  },
];
