/**
 * Application code over the example's Prisma Client, each misuse beside its correct form: what
 * `oto check --usage` reads (test/usage.test.ts pins its findings). Prisma itself insists on a
 * @unique for each one-to-one, so the unbacked one-to-one of the other examples shows here only
 * when the database lacks the unique (`oto check --migrations --usage`); what Prisma cannot see is
 * a single-row read of many, and a join in raw SQL.
 */
import type { PrismaClient } from '../generated/client/client';

/** Misuse: one of the user's orders, an arbitrary one (order.user_id is no unique, and no orderBy). */
export const someOrder = (prisma: PrismaClient, userId: number) => prisma.order.findFirst({ where: { userId } });

/** Correct: the latest, deliberately. */
export const latestOrder = (prisma: PrismaClient, userId: number) => prisma.order.findFirst({ where: { userId }, orderBy: { id: 'desc' } });

/** Misuse, in raw SQL: the same arbitrary order. */
export const someOrderSql = (prisma: PrismaClient, userId: number) => prisma.$queryRawUnsafe('SELECT * FROM "order" WHERE user_id = $1 LIMIT 1', userId);

/** Correct: ordered. */
export const latestOrderSql = (prisma: PrismaClient, userId: number) => prisma.$queryRawUnsafe('SELECT * FROM "order" WHERE user_id = $1 ORDER BY id DESC LIMIT 1', userId);

/** Misuse: the join over the user's orders multiplies the user's row, and LIMIT 1 keeps any of them. */
export const userWithAnOrder = (prisma: PrismaClient, id: number) =>
  prisma.$queryRaw`SELECT u.*, o.id AS order_id FROM app_user u JOIN "order" o ON o.user_id = u.id WHERE u.id = ${id} LIMIT 1`;

/** Correct: invoice.order_id is unique, so the join keeps one row per order. */
export const orderWithInvoice = (prisma: PrismaClient, id: number) =>
  prisma.$queryRaw`SELECT o.*, i.id AS invoice_id FROM "order" o JOIN invoice i ON i.order_id = o.id WHERE o.id = ${id} LIMIT 1`;
