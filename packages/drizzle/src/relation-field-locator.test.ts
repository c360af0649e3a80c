/**
 * The line of a relation field, found in the syntax tree of the relations callback: a table's key
 * only at the top level of the object it returns, the field only inside that table's object.
 */
import { relationFieldLocator } from './relation-field-locator';
import { exportedDeclarations } from './source-text';

/** The source of a file, its lines joined; `// @name` at a line's end marks it for expectations. */
const file = (...lines: string[]) => lines.join('\n');
const marked = (text: string, mark: string): number => {
  const i = text.split('\n').findIndex((l) => l.trimEnd().endsWith(`// @${mark}`));
  if (i < 0) throw new Error(`no line marked @${mark}`);
  return i + 1;
};

const V2 = file(
  "import { defineRelations } from 'drizzle-orm';",
  "import * as schema from './tables';",
  'export const relations = defineRelations(schema, (r) => ({',
  '  bitbucket: {',
  '    github: r.one.github({ from: r.bitbucket.githubId, to: r.github.id }), // @bitbucket.github',
  '    gitProvider: r.one.gitProvider({ from: r.bitbucket.providerId, to: r.gitProvider.id }), // @bitbucket.gitProvider',
  '  },',
  '  github: { // @github',
  '    gitProvider: r.one.gitProvider({ from: r.github.providerId, to: r.gitProvider.id }), // @github.gitProvider',
  '  },',
  "  'gitProvider': {",
  '    github: r.one.github(), // @gitProvider.github',
  '  },',
  '}));',
);

const V0 = file(
  "import { relations } from 'drizzle-orm';",
  'export const postsRelations = relations(posts, ({ one, many }) => ({',
  '  author: one(users, {',
  '    fields: [posts.authorId],',
  '    references: [users.id],',
  '  }),',
  '  references: many(refs), // @references',
  '}));',
);

// A relations object split across files: a part spread from a function another file exports.
const SPLIT_MAIN = file(
  "import { defineRelations } from 'drizzle-orm';",
  "import { usersRelations } from './relations/users';",
  'export const relations = defineRelations(schema, (r) => {',
  '  const base = { posts: { author: r.one.users() } };',
  '  return {',
  '    ...usersRelations(r),',
  '    ...base,',
  '    posts: { author: r.one.users({ from: r.posts.authorId, to: r.users.id }) }, // @posts.author',
  '  };',
  '});',
);
const SPLIT_USERS = file(
  "import type { Relations } from '../tables';",
  'export function usersRelations(r: Relations) {',
  '  return {',
  '    users: { posts: r.many.posts() }, // @users.posts',
  '  };',
  '}',
);

const files = new Map([
  ['src/relations.ts', V2],
  ['src/posts.ts', V0],
  ['src/index.ts', SPLIT_MAIN],
  ['src/relations/users.ts', SPLIT_USERS],
]);
const owner = (path: string, name: string) => ({ file: path, line: exportedDeclarations(files.get(path)!).get(name)! });

describe('relationFieldLocator', () => {
  const locate = relationFieldLocator(files);
  it.each([
    { name: 'v1: a field named like a later table, in an earlier block', file: 'src/relations.ts', exported: 'relations', keys: ['bitbucket', 'github'], at: ['src/relations.ts', 'bitbucket.github'] },
    { name: 'v1: the later table’s field, not the earlier block’s field of that name', file: 'src/relations.ts', exported: 'relations', keys: ['github', 'gitProvider'], at: ['src/relations.ts', 'github.gitProvider'] },
    { name: 'v1: the earlier block’s field of the same name', file: 'src/relations.ts', exported: 'relations', keys: ['bitbucket', 'gitProvider'], at: ['src/relations.ts', 'bitbucket.gitProvider'] },
    { name: 'v1: a quoted table key', file: 'src/relations.ts', exported: 'relations', keys: ['gitProvider', 'github'], at: ['src/relations.ts', 'gitProvider.github'] },
    { name: 'v1: a field not written out: its table’s key', file: 'src/relations.ts', exported: 'relations', keys: ['github', 'missing'], at: ['src/relations.ts', 'github'] },
    { name: 'v0: the field, not a config key of another field named like it', file: 'src/posts.ts', exported: 'postsRelations', keys: ['references'], at: ['src/posts.ts', 'references'] },
    { name: 'split: a part spread from a function of another file', file: 'src/index.ts', exported: 'relations', keys: ['users', 'posts'], at: ['src/relations/users.ts', 'users.posts'] },
    { name: 'split: the key written last wins over the spreads before it', file: 'src/index.ts', exported: 'relations', keys: ['posts', 'author'], at: ['src/index.ts', 'posts.author'] },
  ])('$name', ({ file: path, exported, keys, at }) => {
    const [where, mark] = at as [string, string];
    expect(locate(owner(path, exported), keys)).toEqual({ file: where, line: marked(files.get(where)!, mark) });
  });

  it('a table not in the callback, or a file it has no text of: the declaration', () => {
    const declaration = owner('src/relations.ts', 'relations');
    expect(locate(declaration, ['nowhere', 'github'])).toEqual(declaration);
    expect(locate({ file: 'elsewhere.ts', line: 3 }, ['github'])).toEqual({ file: 'elsewhere.ts', line: 3 });
    expect(relationFieldLocator(undefined)(declaration, ['github'])).toEqual(declaration);
    expect(locate(undefined, ['github'])).toBeUndefined();
  });
});
