import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from './user';

@Entity('profile')
export class Profile {
  @PrimaryColumn() id!: string;
  @Column({ name: 'user_id' }) userId!: string;
  @Column() bio!: string;
  @OneToOne(() => User, (user) => user.profile)
  @JoinColumn({ name: 'user_id' })
  user!: Relation<User>;
}
