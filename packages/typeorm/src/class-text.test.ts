import { classDeclarations, locateMember } from './class-text';

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
});
