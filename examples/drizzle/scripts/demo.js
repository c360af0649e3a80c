#!/usr/bin/env node
// The demo: the real `drizzle-kit generate` on this example, with `withOto` in drizzle.config.ts.
// The PostgreSQL schema has one() on both sides of passports without a unique, so oto stops
// drizzle-kit before it writes a migration; then `oto check` on the small SQLite schema and on the
// replayed migrations; last, the app's generated accessors on embedded PGlite.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const drizzleKit = path.join(path.dirname(require.resolve('drizzle-kit', { paths: [root] })), 'bin.cjs');
const oto = require.resolve('@oto/cli/bin/oto.js', { paths: [root] });
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status;

console.log('$ drizzle-kit generate   (examples/drizzle, drizzle.config.ts wrapped in withOto)\n');
const generate = run([drizzleKit, 'generate']);
if (generate !== 1) {
  console.error(`\nexpected oto to stop drizzle-kit (exit 1), got exit ${generate}`);
  process.exit(1);
}
console.log('\noto stopped drizzle-kit: passports.user is one() on both sides, but nothing makes oto_passport.user_id unique.');

console.log('\n$ oto check --drizzle drizzle.sqlite.config.ts\n');
const sqlite = run([oto, 'check', '--drizzle', 'drizzle.sqlite.config.ts']);
if (sqlite !== 1) {
  console.error(`\nexpected the SQLite report to hold one error (exit 1), got exit ${sqlite}`);
  process.exit(1);
}
console.log('\n$ oto check --migrations migrations/pg   (the drizzle-kit migrations, replayed into embedded PGlite)\n');
const replay = run([oto, 'check', '--migrations', 'migrations/pg']);
if (replay !== 1) {
  console.error(`\nexpected the replay to report the dropped unique (exit 1), got exit ${replay}`);
  process.exit(1);
}
console.log('\noto found it: migration 0001_drop_car_unique drops the unique of cars.driver, a one-to-one the schema still declares.');

console.log('\n$ oto check --usage tsconfig.usage.json   (how the app code in src/pg uses the one-to-ones, through the type checker)\n');
const usage = run([oto, 'check', '--usage', 'tsconfig.usage.json']);
if (usage !== 1) {
  console.error(`\nexpected the usage report to hold the app's misuses (exit 1), got exit ${usage}`);
  process.exit(1);
}
console.log('\nEach misuse in src/pg/app-usage.ts is found at its call, beside its correct form, which is not.');

// The app code (TypeScript) runs through oto's own loader, the one `oto check` loads schemas with,
// so the example needs no build step.
console.log('\n$ src/pg/accessors-demo.ts   (the generated accessors, on embedded PGlite migrated from migrations/pg)\n');
const { withModuleLoader } = require('@oto/loader');
withModuleLoader({ cwd: root, stubs: [] }, (loader) => loader.load(path.join(root, 'src/pg/accessors-demo.ts')).showAccessors())
  .then(() => {
    console.log('\nEach stop is the point of this example. Try also: npx oto check --format sarif   (from examples/drizzle)');
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
