import { Column, Entity, JoinColumn, OneToMany, OneToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { Order } from './order';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn() id: number;
  @Column({ unique: true }) email: string;
  @OneToOne(() => Profile, (profile) => profile.user) profile?: Relation<Profile>;
  @OneToOne(() => Account, (account) => account.user) account?: Relation<Account>;
  @OneToOne(() => Passport, (passport) => passport.user) passport?: Relation<Passport>;
  @OneToMany(() => Order, (order) => order.user) orders: Relation<Order[]>;
}

// A shared-primary-key one-to-one: the profile's primary key is the user's id.
@Entity('oto_profile')
export class Profile {
  @PrimaryColumn({ name: 'user_id' }) userId: number;
  @OneToOne(() => User, (user) => user.profile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;
  @Column({ type: 'text', nullable: true }) bio: string | null;
}

// A naming mismatch: a sound one-to-one, but neither the table nor its unique says so.
@Entity('account')
@Unique('account_user_id_key', ['userId'])
export class Account {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'user_id' }) userId: number;
  @OneToOne(() => User, (user) => user.account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;
}

// A TypeORM-only defect: createForeignKeyConstraints: false (to load users from another database,
// say) also drops the UNIQUE TypeORM would add for the one-to-one, and nothing else makes
// oto_passport.user_id unique: a user may get two passports, and `user.passport` is one of them.
@Entity('oto_passport')
export class Passport {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'user_id' }) userId: number;
  @OneToOne(() => User, (user) => user.passport, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;
  @Column() number: string;
}
