#!/usr/bin/env node
// The demo: the real `prisma generate` on this example, with the oto generator in the schema.
// Prisma's CLI wants a schema engine binary even for `generate`; it does not use it there, so on a
// machine that cannot download Prisma's engines any existing file will do (see the README).
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const prisma = require.resolve('prisma/build/index.js', { paths: [root] });
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath };

console.log('$ prisma generate   (examples/prisma, with `generator oto { provider = "oto-prisma" }`)\n');
const run = spawnSync(process.execPath, [prisma, 'generate'], { cwd: root, env, stdio: 'inherit' });
if (run.status === 0) {
  console.log('The JSON report is in examples/prisma/generated/oto/oto-report.json.');
  console.log('Try also: npx oto check --format sarif   (from examples/prisma)');
}
process.exitCode = run.status ?? 1;
