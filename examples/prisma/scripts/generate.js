#!/usr/bin/env node
// `prisma generate` for this example (the client and the oto generator). Prisma's CLI wants a schema
// engine binary even for `generate`; it does not use it there, so on a machine that cannot download
// Prisma's engines any existing file will do (see the README).
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function prismaGenerate(stdio = 'inherit') {
  const prisma = require.resolve('prisma/build/index.js', { paths: [root] });
  // The generator's provider (oto-prisma) is a bin of the installed packages, as under `npm run`.
  const bins = [path.join(root, 'node_modules', '.bin'), path.join(root, '..', '..', 'node_modules', '.bin')];
  const env = {
    ...process.env,
    PATH: [...bins, process.env.PATH].join(path.delimiter),
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  };
  return spawnSync(process.execPath, [prisma, 'generate'], { cwd: root, env, stdio }).status ?? 1;
}

module.exports = { prismaGenerate };
if (require.main === module) process.exitCode = prismaGenerate();
