#!/usr/bin/env node
// The demo: `oto check --typeorm` on this example's DataSource, as a CI step next to the TypeORM CLI.
// oto builds the entity metadata without connecting to any database. Passport's one-to-one has
// createForeignKeyConstraints: false, so TypeORM adds no unique for it: the report holds that error.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const oto = require.resolve('@oto/cli/bin/oto.js', { paths: [root] });

console.log('$ oto check --typeorm src/data-source.ts   (examples/typeorm)\n');
const run = spawnSync(process.execPath, [oto, 'check', '--typeorm', 'src/data-source.ts'], { cwd: root, stdio: 'inherit' });
if (run.status !== 1) {
  console.error(`\nexpected the report to hold one error (exit 1), got exit ${run.status}`);
  process.exit(1);
}
console.log('\noto found the error: Passport.user is one-to-one, but without a foreign key constraint TypeORM adds no unique for it.');

// The migrations, replayed by the project's TypeORM into embedded PGlite (through a socket server
// on 127.0.0.1), then compared with the entities: the Init migration wrote oto_car by hand without
// its uniques, so the database the app runs on has none.
console.log('\n$ oto check --typeorm src/data-source.ts --migrations   (replayed into embedded PGlite)\n');
const replay = spawnSync(process.execPath, [oto, 'check', '--typeorm', 'src/data-source.ts', '--migrations'], { cwd: root, stdio: 'inherit' });
if (replay.status !== 1) {
  console.error(`\nexpected the replay to report the missing unique (exit 1), got exit ${replay.status}`);
  process.exit(1);
}
console.log('\noto found it: Car.driver is one-to-one in the entities, but the database the migrations build has no unique on oto_car.driver_id.');

console.log('\n$ oto check --typeorm src/data-source.ts --usage   (how src/app-usage.ts uses the one-to-ones, through the type checker)\n');
const usage = spawnSync(process.execPath, [oto, 'check', '--typeorm', 'src/data-source.ts', '--usage'], { cwd: root, stdio: 'inherit' });
if (usage.status !== 1) {
  console.error(`\nexpected the usage report to hold the app's misuses (exit 1), got exit ${usage.status}`);
  process.exit(1);
}
console.log('\nEach misuse in src/app-usage.ts is found at its call, beside its correct form, which is not.');

// The app code (TypeScript) runs through oto's own loader, the one `oto check` loads entities with,
// so the example needs no build step.
console.log('\n$ src/accessors-demo.ts   (the generated accessors, on embedded PGlite migrated by the app\'s DataSource)\n');
const { withModuleLoader } = require('@oto/loader');
withModuleLoader({ cwd: root, stubs: [] }, (loader) => loader.load(path.join(root, 'src/accessors-demo.ts')).showAccessors())
  .then(() => {
    console.log('\nTry also: npx oto check --typeorm src/data-source.ts --format sarif   (from examples/typeorm)');
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
