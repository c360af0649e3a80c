import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from './user';

@Entity('order')
export class Order {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'user_id' }) userId: number;
  @ManyToOne(() => User, (user) => user.orders) @JoinColumn({ name: 'user_id' }) user: Relation<User>;
  @OneToMany(() => Invoice, (invoice) => invoice.order) invoices: Relation<Invoice[]>;
}

// A hidden one-to-one: invoice.order_id is UNIQUE, but Order declares a list of invoices.
@Entity('invoice')
export class Invoice {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'order_id', unique: true }) orderId: number;
  @ManyToOne(() => Order, (order) => order.invoices) @JoinColumn({ name: 'order_id' }) order: Relation<Order>;
}
