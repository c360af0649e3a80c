import { classDeclarations, locateKeyDecorator, locateMember } from './class-text';

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
