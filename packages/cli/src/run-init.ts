/**
 * `oto init`: finds the project's ORMs (detect-project.ts), writes `oto.config.json` with what it
 * found (never over an existing oto config: one line says so), and on request the Prisma generator
 * block (appended to the schema, once) and a GitHub Actions workflow; then prints the next command.
 * Nothing existing is overwritten.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfigFile, shownPath, UserError, writeFileAtomic } from '@oto/core';
import { detectProject } from './detect-project';
import type { CliIo } from './io';
import { EXIT } from './run-check';
import type { SourceKind } from './source-argument';

export interface InitOptions {
  /** `--generator`: append the `generator oto` block to the Prisma schema. */
  readonly generator?: boolean;
  /** `--with-oto`: show how to wrap the drizzle config with withOto (oto does not edit it). */
  readonly withOto?: boolean;
  /** `--ci`: write .github/workflows/oto.yml. */
  readonly ci?: boolean;
}

const GENERATOR_BLOCK = `
generator oto {
  provider = "oto-prisma"
  output   = "../generated/oto"
  failOn   = "error"
}
`;

const WORKFLOW = `name: oto
on: [push, pull_request]
jobs:
  one-to-one:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - run: npm ci
      - run: npx oto check --format github
`;

/** The .prisma file that declares the datasource (a schema folder's main file), else the first. */
function mainSchemaFile(schema: string): string {
  if (!fs.statSync(schema).isDirectory()) return schema;
  const files = fs.readdirSync(schema).filter((f) => f.endsWith('.prisma')).sort().map((f) => path.join(schema, f));
  return files.find((f) => /^\s*datasource\s+\w+\s*\{/m.test(fs.readFileSync(f, 'utf8'))) ?? (files[0] as string);
}

function addGeneratorBlock(schema: string, io: CliIo): void {
  const file = mainSchemaFile(path.resolve(io.cwd, schema));
  const text = fs.readFileSync(file, 'utf8');
  const shown = shownPath(io.cwd, file);
  if (/provider\s*=\s*"[^"]*oto-prisma[^"]*"/.test(text)) {
    io.stderr(`oto: ${shown} has a generator oto block already: left as it is\n`);
    return;
  }
  writeFileAtomic(file, `${text.replace(/\s*$/, '\n')}${GENERATOR_BLOCK}`, { label: shown });
  io.stderr(`oto: added the generator oto block to ${shown} (npm i -D @oto/prisma; prisma generate runs the check)\n`);
}

function writeNew(file: string, text: string, io: CliIo, what: string): void {
  const shown = shownPath(io.cwd, file);
  if (fs.existsSync(file)) {
    io.stderr(`oto: ${shown} exists: left as it is\n`);
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, text, { label: shown });
  io.stderr(`oto: wrote ${shown} (${what})\n`);
}

export async function runInit(options: InitOptions, io: CliIo): Promise<number> {
  const project = detectProject(io.cwd);
  const orms = [...new Set<SourceKind>([...(Object.keys(project.sources) as SourceKind[]), ...project.dependencies])];
  if (orms.length === 0) {
    throw new UserError(`no Prisma, Drizzle or TypeORM found in ${io.cwd} (package.json dependencies, a Prisma schema, drizzle.config.*, a TypeORM DataSource): run oto init in the project's folder`);
  }
  const existing = await loadConfigFile({ cwd: io.cwd });
  if (existing.file) {
    io.stderr(`oto: ${shownPath(io.cwd, existing.file)} has an oto config already: left as it is\n`);
  } else {
    const config = { ...(project.sources.typeorm ? { typeorm: project.sources.typeorm } : {}), failOn: 'error' };
    writeNew(path.join(io.cwd, 'oto.config.json'), `${JSON.stringify(config, null, 2)}\n`, io, `found: ${orms.join(', ')}`);
  }
  for (const orm of orms) {
    if (!project.sources[orm]) io.stderr(`oto: ${orm} is a dependency but its schema source was not found: give it to oto check (--${orm} <path>)\n`);
  }
  if (options.generator) {
    if (project.sources.prisma) addGeneratorBlock(project.sources.prisma, io);
    else io.stderr('oto: --generator: no Prisma schema found (prisma/schema.prisma, schema.prisma, prisma/schema/)\n');
  }
  if (options.withOto) {
    io.stderr(
      project.sources.drizzle
        ? `oto: in ${project.sources.drizzle}, wrap the config: import { withOto } from '@oto/drizzle'; export default withOto(defineConfig({ … })); (npm i -D @oto/drizzle)\n`
        : 'oto: --with-oto: no drizzle.config.* here\n',
    );
  }
  if (options.ci) writeNew(path.join(io.cwd, '.github', 'workflows', 'oto.yml'), WORKFLOW, io, 'runs oto check --format github');
  const sources = Object.values(project.sources);
  const next = sources.length > 1 ? sources.map((s) => `npx oto check ${s}`) : ['npx oto check'];
  io.stdout(next.map((command) => `next: ${command}\n`).join(''));
  return EXIT.ok;
}
