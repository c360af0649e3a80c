/** One jest run for the whole monorepo: TypeScript through @swc/jest, packages mapped to their sources. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022', transform: { legacyDecorator: true, decoratorMetadata: true } }, module: { type: 'commonjs' } }];

module.exports = {
  testEnvironment: 'node',
  // jest's 5 s default fails tests on a busy 2-core machine; tests that spawn the CLI, replay
  // migrations, start PGlite or type-check a project set their own, larger timeout in their file.
  testTimeout: 60_000,
  // Two workers, also on a 2-core machine (jest's default there is one): the tests wait on the
  // processes they spawn and the servers they query, and on a machine busy with other work two
  // workers get twice the share of its cores. The tests share no database, folder or port.
  maxWorkers: 2,
  // CI unset, in jest's own process (so in every worker and what it spawns) and in each file's copy of process.env.
  globalSetup: '<rootDir>/test/support/same-env-everywhere.js',
  // CI unset; better-sqlite3's native errors made in each file's own realm (jest loads the addon once per worker).
  setupFiles: ['<rootDir>/test/support/same-env-everywhere.js', '<rootDir>/test/support/sqlite-errors-per-file.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  testMatch: ['<rootDir>/packages/*/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts', '<rootDir>/examples/*/test/**/*.test.ts'],
  moduleNameMapper: {
    '^@oto/(core|prisma|drizzle|loader|typeorm|database|runtime|usage)$': '<rootDir>/packages/$1/src',
    '^@oto/cli$': '<rootDir>/packages/cli/src',
    // A package's subpath export, to its source as well (not the built dist).
    '^@oto/drizzle/config-files$': '<rootDir>/packages/drizzle/src/drizzle-config-files',
    // Node's ESM style `./x.js` for `./x.ts` (the examples' node16 resolution): jest resolves `./x` to either.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/scratch/'],
};
