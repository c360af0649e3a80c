import * as path from 'node:path';
import { installed, tempProjects } from '../../core/src/testing/temp-projects';
import { oto } from './testing/run-oto';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

const projects = tempProjects('cli-typeorm-ts7');

/** An entity column typed by an imported string union: only a whole-program compile names it a String. */
const ENTITY = `import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { Plan } from './plan';
import { User } from './user';

@Entity('oto_billing')
export class Billing {
  @PrimaryGeneratedColumn() id!: number;
  @Column() plan!: Plan;
  @Column({ name: 'user_id' }) userId!: number;
  @OneToOne(() => User, (user) => user.billing)
  @JoinColumn({ name: 'user_id' })
  user!: Relation<User>;
}
`;
const USER = `import { Entity, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Billing } from './billing';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn() id!: number;
  @OneToOne(() => Billing, (billing) => billing.user) billing?: Relation<Billing>;
}
`;

describe('oto check --typeorm in a project whose typescript is TypeScript 7', () => {
  const dir = projects(
    'ts7',
    {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, experimentalDecorators: true, emitDecoratorMetadata: true } }),
      // typescript@7: its main export is a version string, no compiler API.
      'node_modules/typescript/package.json': JSON.stringify({ name: 'typescript', version: '7.0.0', main: 'lib/version.js' }),
      'node_modules/typescript/lib/version.js': 'module.exports = "7.0.0";\n',
      'src/plan.ts': `export type Plan = 'free' | 'pro';\n`,
      'src/billing.ts': ENTITY,
      'src/user.ts': USER,
      'src/data-source.ts': `import { DataSource } from 'typeorm';\nimport { Billing } from './billing';\nimport { User } from './user';\nexport default new DataSource({ type: 'postgres', entities: [User, Billing] });\n`,
    },
    { typeorm: installed('typeorm', path.resolve(__dirname, '../../typeorm')) },
  );

  it('reads the entities with oto\'s own TypeScript (the union column is a string, as tsc emits it), saying so in one line', async () => {
    const { code, stdout, stderr } = await oto(dir, 'check', '--typeorm', 'src/data-source.ts', '--format', 'json');
    expect(stderr).toMatch(
      /^oto: warning: the project's typescript 7\.0\.0 has no JavaScript compiler API \(TypeScript 7\): its TypeScript files are compiled with oto's own TypeScript 6\.\d+\.\d+ instead, one program over the tsconfig as tsc does\n$/,
    );
    const report = JSON.parse(stdout) as { relations: { name: string; kind: string }[] };
    expect(report.relations.map((r) => `${r.name} ${r.kind}`)).toEqual(['Billing.user one-to-one']);
    expect(code).toBe(0);
  }, 180_000);
});
