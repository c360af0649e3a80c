#!/usr/bin/env node
// The demo of the Drizzle 1.0 (RC) example: `oto check` on the schema (defineRelations, a filtered
// one-to-one backed by its partial unique and one not backed), on the drizzle-kit 1.0 migrations
// folder replayed into embedded PGlite, and on the app's v2 relational queries; last, the real
// `drizzle-kit generate` (1.0), which withOto in drizzle.config.ts stops on the error findings; then
// drizzle-orm 1.0 itself reading an arbitrary one of two passports through `with: { passport: true }`.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// The folder of an installed package (drizzle-kit 1.0 exports no package.json subpath).
const installed = (name) => {
  for (let at = path.dirname(require.resolve(name, { paths: [root] })); ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, 'package.json')) && path.basename(path.dirname(at)) === 'node_modules') return at;
    if (at === path.dirname(at)) throw new Error(`${name} is not installed`);
  }
};
const drizzleKit = path.join(installed('drizzle-kit'), 'bin.cjs');
const oto = require.resolve('@oto/cli/bin/oto.js', { paths: [root] });
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status;
const version = (name) => JSON.parse(fs.readFileSync(path.join(installed(name), 'package.json'), 'utf8')).version;

function expectExit(status, wanted, what) {
  if (status === wanted) return;
  console.error(`\nexpected ${what} (exit ${wanted}), got exit ${status}`);
  process.exit(1);
}

console.log(`drizzle-orm ${version('drizzle-orm')}, drizzle-kit ${version('drizzle-kit')}\n`);

console.log('$ oto check   (drizzle.config.ts: the schema with defineRelations and defineRelationsPart)\n');
expectExit(run([oto, 'check']), 1, 'the schema report to hold its two errors');
console.log('\noto found both: passports.user is r.one on both sides with no unique on oto_passport.user_id, and users.primaryAddress');
console.log('filters on is_primary with no partial unique behind it; users.liveSubscription is backed by its partial unique, so it is sound.');

console.log('\n$ oto check --migrations migrations   (the drizzle-kit 1.0 folder, <timestamp>_<name>/migration.sql, replayed into embedded PGlite)\n');
expectExit(run([oto, 'check', '--migrations', 'migrations']), 1, 'the replay to report the dropped unique');
console.log('\noto found it: migration *_drop_car_unique drops the unique of cars.driver, a one-to-one the schema still declares;');
console.log('the partial unique of the live subscription replays and backs its filtered one-to-one.');

console.log('\n$ oto check --usage tsconfig.usage.json   (the app\'s relational queries v2 in src, through the type checker)\n');
expectExit(run([oto, 'check', '--usage', 'tsconfig.usage.json']), 1, 'the usage report to hold the app\'s misuses');
console.log('\noto reads the v2 relational queries (object where, with) of src/ at their calls.');

console.log('\n$ drizzle-kit generate   (drizzle-kit 1.0, drizzle.config.ts wrapped in withOto)\n');
const before = fs.readdirSync(path.join(root, 'migrations')).sort();
expectExit(run([drizzleKit, 'generate']), 1, 'oto to stop drizzle-kit');
const after = fs.readdirSync(path.join(root, 'migrations')).sort();
if (after.join('\n') !== before.join('\n')) {
  console.error(`\nexpected no new migration folder, found ${after.filter((f) => !before.includes(f)).join(', ')}`);
  process.exit(1);
}
console.log('\noto stopped drizzle-kit 1.0 before it wrote a migration: fix the one-to-ones (npx oto fix), then generate.');

// The app code (TypeScript) runs through oto's own loader, the one `oto check` loads schemas with,
// so the example needs no build step.
console.log('\n$ src/arbitrary-pick.ts   (drizzle-orm 1.0 on embedded PGlite migrated from migrations/ by drizzle\'s own migrator)\n');
const { withModuleLoader } = require('@oto/loader');
withModuleLoader({ cwd: root, stubs: [] }, (loader) => loader.load(path.join(root, 'src/arbitrary-pick.ts')).showArbitraryPick())
  .then(() => {
    console.log('\nEach stop is the point of this example. Try also: npx oto check --format sarif   (from examples/drizzle-v1)');
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
