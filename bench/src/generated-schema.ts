/** A large synthetic Prisma schema: `n` models in chains of one-to-one, one-to-many and shared-key relations. */
export function generatedPrismaSchema(n: number): string {
  const models: string[] = ['datasource db {\n  provider = "postgresql"\n}\n'];
  for (let i = 0; i < n; i += 1) {
    const next = i + 1 < n ? i + 1 : undefined;
    const lines = [`model M${i} {`, '  id    Int    @id @default(autoincrement())', '  name  String', `  code  String @unique`];
    if (i > 0) {
      const parent = i - 1;
      if (i % 3 === 0) lines.push(`  parentId Int @unique`, `  parent   M${parent} @relation(fields: [parentId], references: [id], onDelete: Cascade)`);
      else lines.push(`  parentId Int`, `  parent   M${parent} @relation(fields: [parentId], references: [id])`);
    }
    if (next !== undefined) lines.push(next % 3 === 0 ? `  child M${next}?` : `  children M${next}[]`);
    lines.push(`  @@index([name])`, '}');
    models.push(lines.join('\n'));
  }
  return `${models.join('\n\n')}\n`;
}

/** The same chains as `generatedPrismaSchema`, as a Drizzle PostgreSQL schema module. */
export function generatedDrizzleSchema(n: number): string {
  const out = [
    "import { relations } from 'drizzle-orm';",
    "import { index, integer, pgTable, serial, text, type AnyPgColumn } from 'drizzle-orm/pg-core';",
    '',
  ];
  for (let i = 0; i < n; i += 1) {
    const columns = ["id: serial('id').primaryKey()", "name: text('name').notNull()", "code: text('code').notNull().unique()"];
    if (i > 0) {
      const unique = i % 3 === 0 ? '.unique()' : '';
      const onDelete = i % 3 === 0 ? ", { onDelete: 'cascade' }" : '';
      columns.push(`parentId: integer('parent_id').notNull()${unique}.references((): AnyPgColumn => m${i - 1}.id${onDelete})`);
    }
    out.push(`export const m${i} = pgTable('m${i}', { ${columns.join(', ')} }, (t) => [index('m${i}_name_idx').on(t.name)]);`);
  }
  for (let i = 0; i < n; i += 1) {
    const fields: string[] = [];
    if (i > 0) fields.push(`parent: one(m${i - 1}, { fields: [m${i}.parentId], references: [m${i - 1}.id] })`);
    const next = i + 1;
    if (next < n) fields.push(next % 3 === 0 ? `child: one(m${next})` : `children: many(m${next})`);
    out.push(`export const m${i}Relations = relations(m${i}, ({ one, many }) => ({ ${fields.join(', ')} }));`);
  }
  return `${out.join('\n')}\n`;
}
