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
