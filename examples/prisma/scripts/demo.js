#!/usr/bin/env node
// The demo: the real `prisma generate` on this example, with the oto generator in the schema, then
// the app's generated one-to-one accessors on embedded PGlite.
// Prisma's CLI wants a schema engine binary even for `generate`; it does not use it there, so on a
// machine that cannot download Prisma's engines any existing file will do (see the README).
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const prisma = require.resolve('prisma/build/index.js', { paths: [root] });
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath };

console.log('$ prisma generate   (examples/prisma, with `generator oto { provider = "oto-prisma" }`)\n');
const run = spawnSync(process.execPath, [prisma, 'generate'], { cwd: root, env, stdio: 'inherit' });
if (run.status !== 0) {
  process.exitCode = run.status ?? 1;
} else {
  console.log('The JSON report is in examples/prisma/generated/oto/oto-report.json.');

  // How the app code uses the relations, through the type checker over the client just generated.
  console.log('\n$ oto check --usage   (src/app-usage.ts: each misuse beside its correct form, Prisma Client and raw SQL)\n');
  const oto = require.resolve('@oto/cli/bin/oto.js', { paths: [root] });
  const usage = spawnSync(process.execPath, [oto, 'check', '--usage'], { cwd: root, stdio: 'inherit' });
  if (usage.status !== 0) {
    console.error(`\nexpected the usage report to hold the app's misuses as warnings (exit 0), got exit ${usage.status}`);
    process.exitCode = 1;
  }

  // The app code (TypeScript, with the client and the accessors `prisma generate` just wrote) runs
  // through oto's own loader, so the example needs no build step of its own.
  console.log('\n$ src/accessors-demo.ts   (the generated accessors extension, on embedded PGlite migrated by prisma/migrations)\n');
  const { withModuleLoader } = require('@oto/loader');
  withModuleLoader({ cwd: root, stubs: [] }, (loader) => loader.load(path.join(root, 'src/accessors-demo.ts')).showAccessors())
    .then(() => {
      console.log('\nTry also: npx oto check --format sarif   (from examples/prisma)');
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
