/** A generated Drizzle application for the usage bench: the schema of `generatedDrizzleSchema`, a db module and `files` modules of queries. */
import { generatedDrizzleSchema } from './generated-schema';

/** One module of application code over table m<k>: a relational read with `with`, a joined select, an update, raw SQL. */
function appModule(i: number, tables: number): string {
  const k = 1 + (i % (tables - 1));
  const next = k + 1 < tables ? k + 1 : k - 1;
  return `import { eq, sql } from 'drizzle-orm';
import { db } from '../db';
import { m${k}, m${next} } from '../schema';

export async function read${i}(id: number) {
  const row = await db.query.m${k}.findFirst({ where: eq(m${k}.id, id), with: { parent: true } });
  const joined = await db.select().from(m${k}).innerJoin(m${next}, eq(m${next}.id, m${k}.id)).where(eq(m${k}.code, 'c${i}')).limit(10);
  const [first] = await db.select().from(m${k}).where(eq(m${k}.parentId, id));
  return { row, joined, first };
}

export async function write${i}(id: number, name: string) {
  await db.update(m${k}).set({ name }).where(eq(m${k}.id, id));
  const { rows } = await db.execute(sql\`SELECT * FROM m${k} WHERE code = \${name} LIMIT 1\`);
  return rows;
}
`;
}

/** The project's files (relative path → text): schema.ts, db.ts, tsconfig.json and src/q<i>.ts. */
export function generatedDrizzleApp(tables: number, files: number): Record<string, string> {
  const out: Record<string, string> = {
    'schema.ts': generatedDrizzleSchema(tables),
    'db.ts': "import { drizzle } from 'drizzle-orm/node-postgres';\nimport * as schema from './schema';\n\nexport const db = drizzle('postgres://localhost/app', { schema });\n",
    'tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'commonjs', moduleResolution: 'node', skipLibCheck: true, noEmit: true }, include: ['*.ts', 'src/*.ts'] }, null, 2)}\n`,
  };
  for (let i = 0; i < files; i += 1) out[`src/q${i}.ts`] = appModule(i, tables);
  return out;
}
