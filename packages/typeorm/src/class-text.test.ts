import { classDeclarations, locateKeyDecorator, locateMember, locateRelationDecorator } from './class-text';

const TEXT = [
  "import { Column, Entity } from 'typeorm';", // 1
  '', // 2
  '@Entity()', // 3
  'export class User {', // 4
  '  @PrimaryGeneratedColumn() id!: number;', // 5
  '  @OneToOne(() => Profile, (p) => p.user)', // 6
  '  profile?: Relation<Profile>;', // 7
  '}', // 8
  '', // 9
  'export default abstract class Base {', // 10
  '  public readonly createdAt!: Date;', // 11
  '}', // 12
].join('\n');
const files = new Map([['user.ts', TEXT]]);

describe('class-text', () => {
  it('finds each class declaration, exported, default or abstract', () => {
    expect([...classDeclarations(TEXT)]).toEqual([
      ['User', 4],
      ['Base', 10],
    ]);
  });

  it.each([
    ['a property on the line of its decorator', 'User', 'id', 5],
    ['a property below its decorators', 'User', 'profile', 7],
    ['a property with modifiers', 'Base', 'createdAt', 11],
    ['an inherited property: the class itself', 'User', 'createdAt', 4],
  ])('locates %s', (_, owner, member, line) => {
    const at = { file: 'user.ts', line: classDeclarations(TEXT).get(owner) as number };
    expect(locateMember(at, member, files)).toEqual({ file: 'user.ts', line });
  });

  describe('the @OneToOne / @ManyToOne that declares a relation (where its foreign key options go)', () => {
    const RELATIONS = [
      "import { Entity, JoinColumn, ManyToOne, OneToOne } from 'typeorm';", // 1
      '', // 2
      '@Entity()', // 3
      'export class Profile {', // 4
      "  @OneToOne(() => User, { onDelete: 'CASCADE' }) @JoinColumn() user!: User;", // 5
      '  @ManyToOne(() => Team, (team) => team.profiles, {', // 6
      "    onDelete: 'SET NULL',", // 7
      '  })', // 8
      '  @JoinColumn({ name: "team_id" })', // 9
      '  team?: Team;', // 10
      '}', // 11
    ].join('\n');
    const relationFiles = new Map([['profile.ts', RELATIONS]]);
    const owner = { file: 'profile.ts', line: 4 };
    it.each([
      ['a decorator on the line of its property', 'user', 5],
      ['a decorator spanning lines, above @JoinColumn', 'team', 6],
    ])('%s', (_, member, line) => {
      expect(locateRelationDecorator(owner, member, relationFiles)).toEqual({ file: 'profile.ts', line });
    });
    it('none for a property the class does not declare (an inherited one)', () => {
      expect(locateRelationDecorator(owner, 'missing', relationFiles)).toBeUndefined();
    });
  });

  describe('the @Unique / @Index that declares a key', () => {
    const KEYS = [
      "import { Entity, Index, Unique } from 'typeorm';", // 1
      '', // 2
      "@Entity('account')", // 3
      "@Unique('account_user_key', ['user'])", // 4
      "@Unique(['tenant', 'handle'])", // 5
      'export class Account {', // 6
      '  @PrimaryGeneratedColumn() id!: number;', // 7
      "  @Index('account_slug_key', { unique: true })", // 8
      '  @Column() slug!: string;', // 9
      '}', // 10
    ].join('\n');
    const keyFiles = new Map([['account.ts', KEYS]]);
    const owner = { file: 'account.ts', line: 6 };
    it.each([
      ['by the name it gives, above the class', { name: 'account_user_key', properties: ['user'] }, 4],
      ['by the properties it lists', { properties: ['handle', 'tenant'] }, 5],
      ['a named @Index on a property', { name: 'account_slug_key', properties: ['slug'] }, 8],
    ])('%s', (_, key, line) => {
      expect(locateKeyDecorator(owner, key, keyFiles)).toEqual({ file: 'account.ts', line });
    });
    it('none for an unnamed key on one column (its property locates it)', () => {
      expect(locateKeyDecorator(owner, { properties: ['slug'] }, keyFiles)).toBeUndefined();
    });
  });
});
