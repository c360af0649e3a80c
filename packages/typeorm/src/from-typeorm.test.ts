/**
 * The TypeORM adapter on real entity metadata: classes declared here with TypeORM's decorators,
 * a DataSource built by TypeORM itself (never connected), and the model oto reads from it.
 */
import { analyze, check, resolveConfig } from '@oto/core';
import type { SchemaModel, Table } from '@oto/core';
import {
  Column,
  DataSource,
  DefaultNamingStrategy,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { DataSourceOptions, Relation } from 'typeorm';
import { modelOfDataSource } from './load-typeorm';

@Entity('app_user')
class User {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ unique: true }) email!: string;
  @OneToOne(() => Profile, (p) => p.user) profile?: Relation<Profile>;
  @OneToMany(() => Post, (p) => p.author) posts!: Relation<Post[]>;
}

/** Owning one-to-one with a join column TypeORM creates: TypeORM adds REL_… itself. */
@Entity()
class Profile {
  @PrimaryGeneratedColumn() id!: number;
  @OneToOne(() => User, (u) => u.profile, { onDelete: 'CASCADE' }) @JoinColumn() user!: Relation<User>;
}

/** Shared primary key: the join column is the primary key, so no unique is added. */
@Entity()
class Passport {
  @PrimaryColumn({ name: 'user_id' }) userId!: number;
  @OneToOne(() => User, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user!: Relation<User>;
}

/** No foreign key constraint: TypeORM adds neither the FK nor the unique. */
@Entity()
class Badge {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'user_id', nullable: true }) userId!: number | null;
  @OneToOne(() => User, { createForeignKeyConstraints: false }) @JoinColumn({ name: 'user_id' }) user!: Relation<User | null>;
}

@Entity()
class Post {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'author_id' }) authorId!: number;
  @ManyToOne(() => User, (u) => u.posts, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'author_id' }) author!: Relation<User>;
  @ManyToMany(() => Tag) @JoinTable() tags!: Relation<Tag[]>;
}

@Entity()
class Tag {
  @PrimaryGeneratedColumn() id!: number;
}

/** A one-to-one with @JoinColumn on neither side: no foreign key anywhere. */
@Entity()
class Seat {
  @PrimaryGeneratedColumn() id!: number;
  @OneToOne(() => Ticket, (t) => t.seat) ticket?: Relation<Ticket>;
}

@Entity()
class Ticket {
  @PrimaryGeneratedColumn() id!: number;
  @OneToOne(() => Seat, (s) => s.ticket) seat?: Relation<Seat>;
}

/** Explicit uniques: a named constraint, a partial unique index; the inverse declared only here. */
@Entity()
@Unique('oto_membership_user_id_key', ['userId'])
@Index('membership_active_user', ['userId'], { unique: true, where: '"ended_at" IS NULL' })
class Membership {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'user_id' }) userId!: number;
  @Column({ name: 'ended_at', type: 'timestamp', nullable: true }) endedAt!: Date | null;
  @ManyToOne(() => User) @JoinColumn({ name: 'user_id' }) user!: Relation<User>;
}

@Entity()
class Settings {
  @PrimaryGeneratedColumn() id!: number;
  // The owning side names no inverse: the inverse side below does.
  @OneToOne(() => User, { nullable: false }) @JoinColumn({ name: 'owner_id' }) owner!: Relation<User>;
}

@Entity()
class SettingsHolder {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'settings_id', nullable: true }) settingsId!: number | null;
  // Declared required while its column may be NULL.
  @OneToOne(() => Settings, { nullable: false }) @JoinColumn({ name: 'settings_id' }) settings!: Relation<Settings>;
}

class SnakeNaming extends DefaultNamingStrategy {
  override relationConstraintName(table: string, columns: string[]): string {
    return `uq_${table}_${columns.join('_')}`;
  }
}

async function modelOf(entities: DataSourceOptions['entities'], options: Partial<DataSourceOptions> = {}): Promise<SchemaModel> {
  const dataSource = new DataSource({ type: 'postgres', entities, ...options } as DataSourceOptions);
  return modelOfDataSource(dataSource, 'data-source.ts');
}

function table(model: SchemaModel, name: string): Table {
  const found = model.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name} in ${model.tables.map((t) => t.name).join(', ')}`);
  return found;
}

const ALL = [User, Profile, Passport, Badge, Post, Tag, Seat, Ticket, Membership, Settings, SettingsHolder];

describe('fromTypeorm: the unique TypeORM implies for a one-to-one join column', () => {
  it('is recorded for an owning @OneToOne, implicit, under the name TypeORM gives it', async () => {
    const model = await modelOf(ALL);
    const profile = table(model, 'profile');
    expect(profile.uniques).toEqual([
      { name: new DefaultNamingStrategy().relationConstraintName('profile', ['userId']), columns: ['userId'], kind: 'constraint', implicit: true },
    ]);
    // TypeORM's default name: REL_ and the first 26 hex digits of sha1("profile_userId").
    expect(profile.uniques[0]?.name).toBe('REL_a24972ebd73b106250713dcddd');
    expect(profile.foreignKeys).toEqual([
      expect.objectContaining({ columns: ['userId'], referencedTable: 'app_user', referencedColumns: ['id'], onDelete: 'cascade', onUpdate: 'no-action' }),
    ]);
  });

  it('is absent when the join column is the primary key (shared primary key)', async () => {
    const passport = table(await modelOf(ALL), 'passport');
    expect(passport.uniques).toEqual([]);
    expect(passport.primaryKey?.columns).toEqual(['user_id']);
    expect(passport.foreignKeys.map((f) => f.columns)).toEqual([['user_id']]);
  });

  it('is absent with createForeignKeyConstraints: false, and so is the foreign key', async () => {
    const model = await modelOf(ALL);
    expect(table(model, 'badge').uniques).toEqual([]);
    expect(table(model, 'badge').foreignKeys).toEqual([]);
    const relation = model.relations.find((r) => r.name === 'Badge.user');
    expect(relation?.foreignKey).toEqual({ columns: ['user_id'], referencedColumns: ['id'] });
  });

  it('follows the DataSource naming strategy', async () => {
    const model = await modelOf(ALL, { namingStrategy: new SnakeNaming() });
    expect(table(model, 'profile').uniques.map((u) => u.name)).toEqual(['uq_profile_userId']);
  });

  it('is a unique index on MySQL, as TypeORM creates it there', async () => {
    const model = await modelOf(ALL, { type: 'mysql', database: 'app' });
    expect(model.dialect).toBe('mysql');
    expect(table(model, 'profile').uniques).toEqual([{ name: 'REL_a24972ebd73b106250713dcddd', columns: ['userId'], kind: 'index', implicit: true }]);
    expect(table(model, 'profile').primaryKey?.name).toBe('PRIMARY');
  });
});

describe('fromTypeorm: tables', () => {
  it('reads database names, nullability, primary keys, explicit and partial uniques', async () => {
    const model = await modelOf(ALL);
    expect(model.source).toBe('typeorm');
    expect(model.dialect).toBe('postgresql');
    const user = table(model, 'app_user');
    expect(user.entity).toBe('User');
    expect(user.primaryKey).toEqual({ name: new DefaultNamingStrategy().primaryKeyName('app_user', ['id']), columns: ['id'] });
    expect(user.uniques).toEqual([{ name: expect.stringMatching(/^UQ_/), columns: ['email'], kind: 'constraint' }]);
    const membership = table(model, 'membership');
    expect(membership.columns.map((c) => [c.name, c.field, c.nullable])).toEqual([
      ['id', 'id', false],
      ['user_id', 'userId', false],
      ['ended_at', 'endedAt', true],
    ]);
    expect(membership.uniques).toEqual([
      { name: 'oto_membership_user_id_key', columns: ['user_id'], kind: 'constraint' },
      { name: 'membership_active_user', columns: ['user_id'], kind: 'index', where: '"ended_at" IS NULL' },
    ]);
  });

  it('keeps the join table of a many-to-many, without an entity name', async () => {
    const join = table(await modelOf(ALL), 'post_tags_tag');
    expect(join.entity).toBeUndefined();
    expect(join.primaryKey?.columns).toEqual(['postId', 'tagId']);
    expect(join.foreignKeys.map((f) => f.referencedTable).sort()).toEqual(['post', 'tag']);
  });

  it('lists entities in declaration order (file, line), then by name, whatever order TypeORM built them in', async () => {
    // TypeORM lists the entities of a glob in the file system's order, which differs between machines.
    const entities = [User, Profile, Passport, Badge, Post, Tag];
    const origins = new Map<unknown, { file: string; line: number }>([
      [Badge, { file: 'a.ts', line: 9 }],
      [Profile, { file: 'a.ts', line: 20 }],
      [User, { file: 'b.ts', line: 1 }],
    ]);
    for (const order of [entities, [...entities].reverse()]) {
      const dataSource = new DataSource({ type: 'postgres', entities: order });
      const model = await modelOfDataSource(dataSource, 'data-source.ts', () => ({ origins }));
      // Declared ones first; the others by entity name (the join table's entity is named after it).
      expect(model.tables.map((t) => t.name)).toEqual(['badge', 'profile', 'app_user', 'passport', 'post', 'tag', 'post_tags_tag']);
      expect(model.relations.map((r) => r.name)).toEqual(['Badge.user', 'Profile.user', 'Passport.user', 'Post.author']);
    }
  });
});

describe('fromTypeorm: relations', () => {
  it('joins owning and inverse sides into one relation, whichever side names the other', async () => {
    const model = await modelOf(ALL);
    const summary = model.relations.map((r) => ({
      name: r.name,
      dependent: `${r.dependent.table}.${r.dependent.field ?? '-'} ${r.dependent.cardinality}${r.dependent.optional ? '?' : ''}`,
      principal: `${r.principal.table}.${r.principal.field ?? '-'} ${r.principal.cardinality}${r.principal.optional ? '?' : ''}`,
      fk: r.foreignKey?.columns.join(',') ?? null,
    }));
    expect(summary).toEqual([
      // Entities without a known declaration come by name.
      { name: 'Badge.user', dependent: 'badge.user one?', principal: 'app_user.- one?', fk: 'user_id' },
      { name: 'Membership.user', dependent: 'membership.user one', principal: 'app_user.- many?', fk: 'user_id' },
      { name: 'Passport.user', dependent: 'passport.user one', principal: 'app_user.- one?', fk: 'user_id' },
      { name: 'Post.author', dependent: 'post.author one', principal: 'app_user.posts many?', fk: 'author_id' },
      { name: 'Profile.user', dependent: 'profile.user one?', principal: 'app_user.profile one?', fk: 'userId' },
      { name: 'Seat.ticket', dependent: 'seat.ticket one?', principal: 'ticket.seat one?', fk: null },
      { name: 'Settings.owner', dependent: 'settings.owner one', principal: 'app_user.- one?', fk: 'owner_id' },
      { name: 'SettingsHolder.settings', dependent: 'settings_holder.settings one', principal: 'settings.- one?', fk: 'settings_id' },
    ]);
  });

  it('gives the rules what they need: implicit uniques back one-to-ones; no join column, no constraint, nullability and a hidden one-to-one are reported', async () => {
    const model = await modelOf(ALL);
    const backing = Object.fromEntries(analyze(model).relations.map((r) => [r.relation.name, r.backing?.implicit ? 'implicit' : (r.backing?.kind ?? null)]));
    expect(backing).toMatchObject({ 'Profile.user': 'implicit', 'Passport.user': 'primary-key', 'Badge.user': null, 'Settings.owner': 'implicit' });
    const found = check(model, resolveConfig({ rules: { 'one-to-one-naming': 'off' } }, 'test'))
      .diagnostics
      .map((d) => `${d.ruleId}/${d.messageId} ${d.location.table}`)
      .sort();
    expect(found).toEqual([
      'hidden-one-to-one/hidden membership',
      'one-to-one-no-foreign-key/noColumns seat',
      'one-to-one-no-foreign-key/noConstraint badge',
      'one-to-one-nullability/requiredButNullable settings_holder',
      'one-to-one-unique/missing badge',
    ]);
  });
});
