import { Column, Entity, OneToMany, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Post } from './post';
import { Profile } from './profile';

@Entity('app_user')
export class User {
  @PrimaryColumn() id!: string;
  @Column({ unique: true }) email!: string;
  @OneToOne(() => Profile, (profile) => profile.user) profile?: Relation<Profile>;
  @OneToMany(() => Post, (post) => post.author) posts!: Relation<Post[]>;
}
