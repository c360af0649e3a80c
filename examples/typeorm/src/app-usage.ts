/**
 * Application code over the example entities, each misuse beside its correct form: what
 * `oto check --typeorm src/data-source.ts --usage` reads (test/usage.test.ts pins its findings).
 */
import { AppDataSource } from './data-source';
import { Order } from './entity/order';
import { Passport, User } from './entity/user';

/** Misuse: Passport.user has no unique (no foreign key constraint, so no REL_ unique): an arbitrary passport. */
export const userWithPassport = (id: number) => AppDataSource.getRepository(User).findOne({ where: { id }, relations: { passport: true } });

/** Correct (until the unique is added): all of the user's passports. */
export const passportsOfUser = (userId: number) => AppDataSource.getRepository(Passport).findBy({ userId });

/** Misuse: keyed by the join column, this renews every passport of the user. */
export const renewPassport = (userId: number, number: string) => AppDataSource.getRepository(Passport).update({ userId }, { number });

/** Correct: keyed by the primary key. */
export const renewPassportById = (id: number, number: string) => AppDataSource.getRepository(Passport).update(id, { number });

/** Misuse: one of the user's orders, an arbitrary one (no order). */
export const someOrder = (userId: number) => AppDataSource.getRepository(Order).findOneBy({ userId });

/** Correct: the latest, deliberately. */
export const latestOrder = (userId: number) => AppDataSource.getRepository(Order).findOne({ where: { userId }, order: { id: 'DESC' } });

/** Misuse: the join over the user's orders multiplies the row that getOne reads. */
export const userWithAnOrder = (id: number) =>
  AppDataSource.getRepository(User).createQueryBuilder('u').innerJoin(Order, 'o', 'o.userId = u.id').where('u.id = :id', { id }).getOne();
