import { BaseEntity, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from './user';

@Entity('post')
export class Post extends BaseEntity {
  @PrimaryColumn() id!: number;
  @Column({ name: 'author_id' }) authorId!: string;
  @ManyToOne(() => User, (user) => user.posts)
  @JoinColumn({ name: 'author_id' })
  author!: Relation<User>;
}
