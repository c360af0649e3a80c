/**
 * The one-to-one the CLI tests start from, as each ORM's source: a User and the Profile whose
 * user_id references it.
 */

/** Prisma: the one-to-one Prisma accepts (its @unique), not named by the oto_ convention, cascading. */
export const prismaUserProfile = (provider: 'postgresql' | 'mysql' | 'sqlite' = 'postgresql') => `datasource db {
  provider = "${provider}"
}

model User {
  id      Int      @id
  profile Profile?
}

model Profile {
  id     Int  @id
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id], onDelete: Cascade)
}
`;

/** The same on PostgreSQL. */
export const PRISMA_USER_PROFILE = prismaUserProfile();

/** TypeORM: the entities, the join column user_id on profile (its REL_ unique TypeORM adds itself). */
export const TYPEORM_USER_PROFILE = `import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn() id!: number;
}

@Entity('profile')
export class Profile {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'user_id' }) userId!: number;
  @OneToOne(() => User)
  @JoinColumn({ name: 'user_id' })
  user!: User;
}
`;
