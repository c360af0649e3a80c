/**
 * The real TypeORM entities of ../shared/corpus, checked by the real `oto` binary on TypeORM 0.3
 * (the version these projects run), each set up in a scratch folder the way the corpus README
 * says: typeorm, reflect-metadata and TypeScript linked from this checkout, a data source written
 * here (the corpus keeps entities, not the app's DataSource), and the app modules the entities
 * import stubbed or, where a column's type comes from them, replaced by a small stand-in. The
 * expected facts come from the corpus's manual review and from the projects' own migrations.
 * Skipped when the corpus folder is absent.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS, OTO_BIN, ROOT, hasCorpus, installed, tempDir } from '../support/paths';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

interface Report {
  dialect: string;
  relations: { name: string; kind: string; backing: { kind: string; name?: string; columns: string[]; implicit?: boolean } | null }[];
  diagnostics: { ruleId: string; messageId: string; message: string; location: { table: string; columns?: string[] } }[];
}

const root = tempDir('corpus-typeorm');
const TEST = path.join(ROOT, 'test');
/** TypeORM 0.3 installed under the name typeorm, as in these projects. */
const LINKS: Record<string, string> = {
  typeorm: installed('typeorm-0.3', TEST),
  'reflect-metadata': installed('reflect-metadata', TEST),
  typescript: installed('typescript', TEST),
  pg: installed('pg', TEST),
};

function scratch(project: string, files: Record<string, string>): string {
  const dir = path.join(root, project);
  fs.cpSync(path.join(CORPUS, 'typeorm', project), dir, { recursive: true });
  for (const [pkg, target] of Object.entries(LINKS)) {
    fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
    fs.symlinkSync(target, path.join(dir, 'node_modules', pkg), 'dir');
  }
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), content);
  return dir;
}

function check(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [OTO_BIN, 'check', '--format', 'json', ...args], { cwd, encoding: 'utf8', timeout: 180_000 });
  const report = run.status === 0 || run.status === 1 ? (JSON.parse(run.stdout) as Report) : undefined;
  return { status: run.status, stderr: run.stderr, report };
}

const oneToOnes = (r: Report | undefined) => (r?.relations ?? []).filter((x) => x.kind === 'one-to-one');
const errors = (r: Report | undefined) => (r?.diagnostics ?? []).filter((d) => d.ruleId === 'one-to-one-unique');

(hasCorpus ? describe : describe.skip)('the TypeORM corpus', () => {
  it('overseerr (SQLite): one one-to-one, backed by the REL_ unique under the very name its migrations create', () => {
    const dir = scratch('sct__overseerr', {
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@server/*': ['server/*'] } }, include: ['server/entity'] }),
      'data-source.ts': `import path from 'node:path';\nimport { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'sqlite', database: 'db.sqlite3', entities: [path.join(__dirname, 'server/entity/*.ts')] });\n`,
      // The app's services, settings and API clients, and the native sqlite3 driver oto never uses.
      'oto.config.json': JSON.stringify({ stub: ['sqlite3', '@server/**', 'bcrypt', 'lodash', 'secure-random-password'] }),
    });
    const run = check(dir, '--typeorm', 'data-source.ts');
    expect(run.report?.dialect).toBe('sqlite');
    expect(oneToOnes(run.report)).toEqual([
      { name: 'UserSettings.user', kind: 'one-to-one', dependent: expect.anything(), principal: expect.anything(), backing: { kind: 'unique', name: 'REL_986a2b6d3c05eb4091bb8066f7', columns: ['userId'], implicit: true } },
    ]);
    // The name TypeORM gave the unique when it generated the project's migration.
    const migration = fs.readFileSync(path.join(dir, 'server/migration/1613615266968-CreateUserSettings.ts'), 'utf8');
    expect(migration).toContain('CONSTRAINT "REL_986a2b6d3c05eb4091bb8066f7" UNIQUE ("userId")');
    expect(errors(run.report)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('Flowise (PostgreSQL): ChatMessage.execution is one-to-one; in the entities TypeORM backs it with REL_…', () => {
    const types = ['AssistantType', 'ChatMessageRatingType', 'ChatflowType', 'DocumentStoreStatus', 'ExecutionState', 'MessageType', 'ScheduleInputMode'];
    const interfaces = fs
      .readdirSync(path.join(CORPUS, 'typeorm/FlowiseAI__Flowise/packages/server/src/database/entities'))
      .flatMap((f) => [...fs.readFileSync(path.join(CORPUS, 'typeorm/FlowiseAI__Flowise/packages/server/src/database/entities', f), 'utf8').matchAll(/\b(I[A-Z]\w+)\b/g)].map((m) => m[1]))
      .filter((name, i, all) => all.indexOf(name) === i);
    const dir = scratch('FlowiseAI__Flowise', {
      // Stand-in for the app's Interface.ts (not in the corpus): its string unions type the columns.
      'packages/server/src/Interface.ts': [...types.map((t) => `export type ${t} = string;`), ...interfaces.map((i) => `export interface ${i} {}`)].join('\n') + '\n',
      'data-source.ts': `import path from 'node:path';\nimport { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres', entities: [path.join(__dirname, 'packages/server/src/database/entities/!(index).ts')] });\n`,
    });
    const run = check(dir, '--typeorm', 'data-source.ts', '--stub', '**/enterprise/**');
    expect(run.stderr).toBe('');
    expect(oneToOnes(run.report).map((r) => [r.name, r.backing?.implicit, r.backing?.name])).toEqual([['ChatMessage.execution', true, 'REL_617f10ebdc13a5941b01b34823']]);
    // The defect is in the migrations, which never create that unique: the database check's to find.
    const migrations = path.join(dir, 'packages/server/src/database/migrations');
    const created = fs.readdirSync(migrations).flatMap((d) => fs.readdirSync(path.join(migrations, d)).map((f) => fs.readFileSync(path.join(migrations, d, f), 'utf8')));
    expect(created.some((text) => text.includes('REL_617f10ebdc13a5941b01b34823'))).toBe(false);
    expect(errors(run.report)).toEqual([]);

    // Replayed by TypeORM 0.3 into embedded PGlite, the postgres migrations build a database
    // without that unique: the defect the corpus review found.
    fs.mkdirSync(path.join(dir, 'packages/server/src/utils'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'packages/server/src/utils/database.util.ts'),
      // Stand-in for the app's helper (not in the corpus), as one migration calls it.
      `import type { QueryRunner } from 'typeorm';\nexport const hasColumn = (runner: QueryRunner, table: string, column: string) => runner.hasColumn(table, column);\n`,
    );
    // Stand-in for the enterprise AddAuthTables migration (not in the corpus; the app runs it among
    // these by timestamp): the role table the latest migration reads.
    fs.writeFileSync(
      path.join(dir, 'packages/server/src/database/migrations/postgres/1720230151482-AddAuthTablesStandIn.ts'),
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\nexport class AddAuthTablesStandIn1720230151482 implements MigrationInterface {\n  async up(runner: QueryRunner) { await runner.query('CREATE TABLE "role" ("id" uuid PRIMARY KEY DEFAULT uuid_generate_v4(), "permissions" text)'); }\n  async down() {}\n}\n`,
    );
    const replay = check(dir, '--typeorm', 'data-source.ts', '--stub', '**/enterprise/**', '--stub', '**/utils/logger', '--migrations', 'packages/server/src/database/migrations/postgres');
    expect(replay.stderr).not.toMatch(/^oto: (?!warning: stubbed )/m);
    const database = (replay.report?.diagnostics ?? []).filter((d) => d.ruleId.startsWith('database-') || d.ruleId.startsWith('migration-'));
    expect(database.map((d) => [d.ruleId, d.messageId, d.location.table, d.location.columns])).toEqual([
      ['database-unique-missing', 'missing', 'chat_message', ['executionId']],
    ]);
    expect(database[0]!.message).toContain('unique REL_617f10ebdc13a5941b01b34823');
    expect(replay.status).toBe(1);
  }, 120_000);

  it('medusa v1 (PostgreSQL): its migrations, replayed by TypeORM into PGlite, lack the uniques of two one-to-ones', () => {
    const flags = ['sales_channels', 'analytics', 'tax_inclusive_pricing', 'medusa_v2'];
    // The flags on in a default medusa v1 install: the same set decides the entity columns and which
    // migrations run (medusa's own migration loader skips those whose featureFlag is off).
    const enabled = ['sales_channels', 'analytics'];
    const src = 'packages/medusa/src';
    const dir = scratch('medusajs__medusa', {
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2021', experimentalDecorators: true, emitDecoratorMetadata: true }, include: [`${src}/models`] }),
      'data-source.ts': `import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
const migrations = path.join(__dirname, '${src}/migrations');
const enabled = ${JSON.stringify(enabled)};
// As medusa's migration loader: a migration that exports featureFlag runs only when its flags are on.
const runs = (file: string) => {
  const flag = /export const featureFlag = \\[?([^\\n\\]]+)/.exec(fs.readFileSync(path.join(migrations, file), 'utf8'))?.[1];
  if (!flag) return true;
  const keys: Record<string, string> = { 'SalesChannelFeatureFlag.key': 'sales_channels', 'TaxInclusivePricingFlag.key': 'tax_inclusive_pricing', 'AnalyticsFeatureFlag.key': 'analytics', 'MedusaV2Flag.key': 'medusa_v2' };
  return flag.split(',').every((f) => enabled.includes(keys[f.trim()] ?? f.trim()));
};
export default new DataSource({
  type: 'postgres',
  entities: [path.join(__dirname, '${src}/models/!(index).ts')],
  migrations: fs.readdirSync(migrations).filter(runs).map((f) => path.join(migrations, f)),
});
`,
    });
    // Test-written stand-ins for the medusa modules the models and migrations import (not in the
    // corpus), with the semantics they have in medusa v1 on PostgreSQL.
    const standIns: Record<string, string> = {
      'interfaces/index.ts': `export * from './models/base-entity';\nexport * from './models/soft-deletable-entity';\n`,
      'interfaces/models/base-entity.ts': `import { CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';
export abstract class BaseEntity {
  @PrimaryColumn() id!: string;
  @CreateDateColumn({ type: 'timestamptz' }) created_at!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at!: Date;
}
`,
      'interfaces/models/soft-deletable-entity.ts': `import { DeleteDateColumn } from 'typeorm';
import { BaseEntity } from './base-entity';
export abstract class SoftDeletableEntity extends BaseEntity {
  @DeleteDateColumn({ type: 'timestamptz' }) deleted_at!: Date | null;
}
`,
      'utils/index.ts': `export * from './db-aware-column';\nexport * from './generate-entity-id';\n`,
      'utils/db-aware-column.ts': `import { Column } from 'typeorm';
import type { ColumnOptions, ColumnType } from 'typeorm';
export function resolveDbType(type: ColumnType): ColumnType { return type; }
export function DbAwareColumn(options: ColumnOptions): PropertyDecorator { return Column(options); }
`,
      'utils/generate-entity-id.ts': `export function generateEntityId(id?: string, prefix?: string): string { return id ?? \`\${prefix ?? ''}_0\`; }\n`,
      'utils/manual-auto-increment.ts': `export async function manualAutoIncrement(_table: string): Promise<number | null> { return null; }\n`,
      'utils/feature-flag-decorators.ts': `import { Column, Entity } from 'typeorm';
import type { ColumnOptions, EntityOptions } from 'typeorm';
import { featureFlagRouter } from '../loaders/feature-flags';
export function FeatureFlagDecorators(flag: string | string[], decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => { if (featureFlagRouter.isFeatureEnabled(flag)) decorators.forEach((d) => d(target, property)); };
}
export function FeatureFlagColumn(flag: string, options: ColumnOptions = {}): PropertyDecorator { return FeatureFlagDecorators(flag, [Column(options)]); }
export function FeatureFlagEntity(flag: string, name?: string, options?: EntityOptions): ClassDecorator {
  return (target) => { (target as unknown as Record<string, unknown>)['isFeatureEnabled'] = () => featureFlagRouter.isFeatureEnabled(flag); Entity(name, options)(target); };
}
`,
      'utils/countries.ts': `export const countries = [{ alpha2: 'DK', name: 'Denmark', alpha3: 'DNK', numeric: '208' }];\n`,
      'utils/currencies.ts': `export const currencies = { eur: { symbol: '€', name: 'Euro', symbol_native: '€', decimal_digits: 2, rounding: 0, code: 'EUR', name_plural: 'euros' } };\n`,
      'loaders/feature-flags/index.ts': `const enabled: string[] = ${JSON.stringify(enabled)};
export const featureFlagRouter = { isFeatureEnabled: (flag: string | string[]) => [flag].flat().every((f) => enabled.includes(f)) };
`,
      ...Object.fromEntries(
        ([['analytics', 'analytics'], ['sales-channels', 'sales_channels'], ['tax-inclusive-pricing', 'tax_inclusive_pricing']] as const).map(([file, key]) => [
          `loaders/feature-flags/${file}.ts`,
          `export default { key: '${key}', default_val: false, env_key: 'MEDUSA_FF_${key.toUpperCase()}', description: '' };\n`,
        ]),
      ),
      'types/batch-job.ts': `export enum BatchJobStatus { CREATED = 'created', PRE_PROCESSED = 'pre_processed', CONFIRMED = 'confirmed', PROCESSING = 'processing', COMPLETED = 'completed', CANCELED = 'canceled', FAILED = 'failed' }
export type BatchJobResultError = Record<string, unknown>;
export type BatchJobResultStatDescriptor = Record<string, unknown>;
`,
      'node_modules/@medusajs/utils/index.ts': `export const MedusaV2Flag = { key: 'medusa_v2' };
export const SalesChannelFeatureFlag = { key: 'sales_channels' };
export enum PriceListType { SALE = 'sale', OVERRIDE = 'override' }
export enum PriceListStatus { ACTIVE = 'active', DRAFT = 'draft' }
`,
    };
    expect(flags).toEqual(expect.arrayContaining(enabled));
    for (const [file, text] of Object.entries(standIns)) {
      const target = file.startsWith('node_modules/') ? path.join(dir, file) : path.join(dir, src, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    }
    fs.writeFileSync(path.join(dir, 'node_modules/@medusajs/utils/package.json'), JSON.stringify({ name: '@medusajs/utils', main: 'index.ts' }));
    const run = check(dir, '--typeorm', 'data-source.ts', '--stub', 'lodash', '--migrations');
    expect(run.stderr).not.toMatch(/^oto: (?!warning: stubbed )/m);
    const found = (run.report?.diagnostics ?? [])
      .filter((d) => d.ruleId.startsWith('database-') || d.ruleId.startsWith('migration-') || d.messageId === 'noDatabaseConstraint')
      .map((d) => `${d.ruleId}/${d.messageId} ${d.location.table}.${(d.location.columns ?? []).join(',')}`)
      .sort();
    // Exactly the two defects of the corpus review; payment.cart_id (moved to many-to-one with a
    // partial unique, its REL_ dropped by multi_payment_cart) is not among them. Three one-to-ones
    // are backed in the database by a unique under another name than TypeORM's: notes (info).
    expect(found).toEqual([
      'database-unique-missing/missing order_edit.payment_collection_id',
      'database-unique-missing/missing refund.payment_id',
      'database-unique-missing/otherName order.draft_order_id',
      'database-unique-missing/otherName return.claim_order_id',
      'database-unique-missing/otherName store.default_sales_channel_id',
    ]);
    expect(run.status).toBe(1);
  }, 300_000);
});

