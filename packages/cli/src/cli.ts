/** The `oto` command line: parsing with commander, errors as one line and exit code 2. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FAIL_ON, FORMATS, UserError, canonicalSeverity, inertText, oneLine, redactSecrets, secretsOf } from '@oto/core';
import type { CliIo } from './io';
import { EXIT, runCheck } from './run-check';
import type { CheckOptions } from './run-check';
import { runGenerateAccessors } from './run-generate';
import { ON_DELETE_CHOICES, runGenerateSql, SQL_DIALECTS } from './run-generate-sql';
import type { GenerateSqlOptions } from './run-generate-sql';
import type { GenerateAccessorsOptions } from './run-generate';
import { runFix } from './run-fix';
import type { FixOptions } from './run-fix';
import { resolveSourceFlags } from './source-argument';
import { runInit } from './run-init';
import type { InitOptions } from './run-init';

const { version } = require('../package.json') as { version: string };

/** `--fail-on`: one of FAIL_ON, or `warn` for `warning` (eslint's severities). */
function failOnArgument(value: string): string {
  const allowed: readonly string[] = [...FAIL_ON, 'warn'];
  if (!allowed.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${allowed.join(', ')}.`);
  return canonicalSeverity(value);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function program(io: CliIo, exit: (code: number) => void): Command {
  const cli = new Command('oto')
    .description('Keep one-to-one relations honest in Prisma, Drizzle and TypeORM.')
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      // Commander's did-you-mean is its second line: kept, on the same line.
      outputError: (text, write) => write(`oto: ${redactSecrets(text.replace(/^error:\s*/, '').split('\n').map((l) => l.trim()).filter(Boolean).join(' '))}\n`),
    });
  cli
    .command('check')
    .description('Check every relation declared one-to-one (exit 0: no error; 1: errors found; 2: bad input).')
    .argument('[path]', 'the schema source, known by what it is: a .prisma file or folder, a drizzle config or Drizzle schema module, a module exporting a TypeORM DataSource')
    .option('--prisma [schema]', 'a Prisma schema file or folder (default: found the way Prisma finds it)')
    .option('--drizzle [config]', 'a drizzle config, or a Drizzle schema module (default: drizzle.config.* here; used without a flag when present)')
    .option('--typeorm <data-source>', 'a module exporting a TypeORM DataSource (what the TypeORM CLI takes as -d)')
    .option('--database-url <url>', 'compare with this database: postgresql://, mysql://, mariadb://, sqlite:<file>, pglite:<folder> (its password is never printed)')
    .option('--migrations [folder]', 'compare with the database these migrations build: Prisma, drizzle-kit, .sql files or TypeORM classes, replayed into embedded PGlite (or the empty database --database-url names)')
    .option('--stub <module>', 'replace a module that cannot load here with an inert stub (import specifier or path, globs allowed; repeatable)', collect, [])
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--config <file>', 'an oto config file (default: oto.config.* or package.json#oto, searched upwards)')
    .addOption(new Option('--fail-on <severity>', `the lowest severity that fails the run: ${FAIL_ON.join(', ')} (default: error; warn for warning)`).argParser(failOnArgument))
    .option('--color', 'colour the report (default: when stdout is a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR forces it)')
    .option('--no-color', 'never colour the report')
    .option('--usage [tsconfig]', 'also check how the application code uses the one-to-ones: its queries, through the type checker (default: usage.tsconfig of the oto config, else ./tsconfig.json; a solution tsconfig\'s references are followed)')
    .option('--verbose', 'list what a summary line stands for: each one-to-one the oto_ naming convention reports, each stubbed module with its importer, and with --usage the queries oto recognised but could not resolve')
    .action(async (given: string | undefined, options: CheckOptions) => exit(await runCheck(await resolveSourceFlags(given, options, io.cwd), io, version)));
  cli
    .command('fix')
    .description(
      'Edit the schema source so the ORM itself carries the fixes: missing uniques (under the names `oto generate sql` gives them), NOT NULL and ON DELETE where the schema declares them, and with --renames the oto_ names. A second run changes nothing.',
    )
    .option('--prisma [schema]', 'a Prisma schema file or folder (default: found the way Prisma finds it)')
    .option('--drizzle [config]', 'a drizzle config, or a Drizzle schema module (default: drizzle.config.* here)')
    .option('--typeorm <data-source>', 'a module exporting a TypeORM DataSource')
    .argument('[path]', 'the schema source, known by what it is: a .prisma file or folder, a drizzle config or Drizzle schema module, a module exporting a TypeORM DataSource')
    .option('--dry-run', 'print the edits as a unified diff; write nothing')
    .option('--renames', 'also rename dependent tables and uniques to the oto_ convention (the naming rule\'s findings)')
    .addOption(new Option('--on-delete <action>', 'the ON DELETE that replaces one contradicting a one-to-one (default: restrict)').choices(ON_DELETE_CHOICES))
    .option('--stub <module>', 'replace a module that cannot load here with an inert stub (repeatable)', collect, [])
    .option('--config <file>', 'an oto config file')
    .action(async (given: string | undefined, options: FixOptions) => exit(await runFix(await resolveSourceFlags(given, options, io.cwd), io)));
  cli
    .command('init')
    .description('Find the project\'s ORMs and write oto.config.json (never over an existing oto config); print the next command.')
    .option('--generator', 'also append the generator oto block to the Prisma schema (once)')
    .option('--with-oto', 'also show how to wrap drizzle.config.* with withOto (the file is not edited)')
    .option('--ci', 'also write .github/workflows/oto.yml running oto check --format github (never over an existing file)')
    .action(async (options: InitOptions) => exit(await runInit(options, io)));
  const generate = cli.command('generate').description('Generate code for the one-to-one relations.');
  generate
    .command('accessors')
    .description('Write typed single-row accessors for every one-to-one: each reads at most two rows and throws OneToOneViolationError on a second.')
    .argument('[path]', 'the schema source, known by what it is: a .prisma file or folder, a drizzle config or Drizzle schema module, a module exporting a TypeORM DataSource')
    .option('--drizzle [config]', 'a drizzle config, or a Drizzle schema module (default: drizzle.config.* here)')
    .option('--typeorm <data-source>', 'a module exporting a TypeORM DataSource')
    .option('--prisma [schema]', 'Prisma: the oto generator writes the accessors during `prisma generate`')
    .option('--out <file>', 'the TypeScript module to write (only a file oto generated is ever replaced)')
    .option('--stub <module>', 'replace a module that cannot load here with an inert stub (repeatable)', collect, [])
    .option('--config <file>', 'an oto config file (its "stub" list applies)')
    .action(async (given: string | undefined, options: GenerateAccessorsOptions) => exit(await runGenerateAccessors(await resolveSourceFlags(given, options, io.cwd), io)));
  generate
    .command('sql')
    .description(
      'Write the migration that makes the database honour every one-to-one: missing uniques (after a guard that stops on duplicate keys, naming them), NOT NULL, ON DELETE, and with --renames the oto_ names.',
    )
    .option('--prisma [schema]', 'a Prisma schema file or folder (default: found the way Prisma finds it)')
    .option('--drizzle [config]', 'a drizzle config, or a Drizzle schema module (default: drizzle.config.* here)')
    .option('--typeorm <data-source>', 'a module exporting a TypeORM DataSource')
    .argument('[path]', 'the schema source, known by what it is: a .prisma file or folder, a drizzle config or Drizzle schema module, a module exporting a TypeORM DataSource')
    .option('--database-url <url>', 'write it for this database as it is (what is there already is left out)')
    .option('--migrations [folder]', 'write it for the database these migrations build')
    .addOption(new Option('--dialect <dialect>', 'the SQL dialect (default: the schema\'s)').choices(SQL_DIALECTS))
    .option('--out <file>', 'write the SQL to this file (default: stdout)')
    .option('--into <folder>', 'write it as a new migration in the ORM\'s migrations folder (Prisma, drizzle-kit with its journal, a TypeORM class)')
    .option('--concurrently', 'PostgreSQL: build each unique with CREATE UNIQUE INDEX CONCURRENTLY, then attach it (no transaction)')
    .option('--renames', 'also rename dependent tables and uniques to the oto_ convention (the naming rule\'s findings)')
    .addOption(new Option('--on-delete <action>', 'the ON DELETE that replaces one contradicting a one-to-one (default: restrict, which keeps what such a delete does today: fail)').choices(ON_DELETE_CHOICES))
    .option('--stub <module>', 'replace a module that cannot load here with an inert stub (repeatable)', collect, [])
    .option('--config <file>', 'an oto config file')
    .action(async (given: string | undefined, options: GenerateSqlOptions) => exit(await runGenerateSql(await resolveSourceFlags(given, options, io.cwd), io)));
  return cli;
}

/** The value of `--database-url` in the arguments, or ''. */
function databaseUrlOf(argv: readonly string[]): string {
  const i = argv.indexOf('--database-url');
  return (i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--database-url='))?.slice('--database-url='.length)) ?? '';
}

/** Runs the CLI and returns its exit code; never throws, never prints a stack unless OTO_DEBUG is set. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    // Whoever wrote the message (oto, a driver, the user's code), it shows no secret of the URL given.
    const known = secretsOf(databaseUrlOf(argv));
    if (error instanceof UserError) {
      // One line whatever it names (a table or a file name may hold a line break).
      io.stderr(`oto: ${inertText(redactSecrets(error.message, known))}\n`);
    } else {
      io.stderr(`oto: unexpected error: ${redactSecrets(oneLine(error), known)} (set OTO_DEBUG=1 for details)\n`);
      if (io.env.OTO_DEBUG) io.stderr(`${redactSecrets(String((error as Error)?.stack ?? error), known)}\n`);
    }
    return EXIT.input;
  }
}
