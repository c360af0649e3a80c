/**
 * Prisma accessors as a Prisma Client extension: `prisma.$extends(otoAccessors)` adds to each
 * model one method per one-to-one field, `<field>Of(key)`, e.g. `prisma.user.profileOf(userId)`,
 * reading with `findMany({ take: 2 })` and returning the model type of the user's client. Pure:
 * plan in, text out.
 */
import { accessorDoc, fieldOf, generatedHeader, guardCall, keyParameter, lowerFirst, runtimeImport, tableKey, tsProperty, tsString, uniqueNames } from '@oto/core';
import type { Accessor, AccessorPlan, Column } from '@oto/core';

export interface PrismaAccessorsInput {
  readonly plan: AccessorPlan;
  /** The module of the user's Prisma Client (exports `Prisma` and the model types). */
  readonly client: string;
  readonly source: string;
  readonly command: string;
}

function where(pairs: readonly (readonly [string, string])[]): string {
  return `{ ${pairs.map(([field, value]) => (field === value ? field : `${tsProperty(field)}: ${value}`)).join(', ')} }`;
}

function renderMethod(a: Accessor, name: string): string {
  const from = a.from.entity as string;
  const to = a.to.entity as string;
  const key = keyParameter(a, (c: Column) => `${from}[${tsString(fieldOf(c))}]`, ['client', 'rows']);
  const filter = a.direct
    ? where(a.join.map((p, i) => [fieldOf(p.to), key.values[i] as string] as const))
    : `{ ${tsProperty(a.inverseField as string)}: { is: ${where(a.key.map((c, i) => [fieldOf(c), key.values[i] as string] as const))} } }`;
  const result = a.optional ? `${to} | null` : to;
  return [
    accessorDoc(a, '        '),
    `        async ${name}(${key.declaration}): Promise<${result}> {`,
    `          const rows = await client.${lowerFirst(to)}.findMany({ where: ${filter}, take: 2 });`,
    `          return ${guardCall(a, 'rows', key, tableKey(a.to))};`,
    '        },',
  ].join('\n');
}

export function renderPrismaAccessors(input: PrismaAccessorsInput): string {
  // Prisma declares every relation on both models, so each accessor has its field and inverse.
  const accessors = input.plan.accessors.filter((a) => a.from.entity && a.to.entity && (a.direct || a.inverseField));
  const byModel = new Map<string, Accessor[]>();
  for (const a of accessors) byModel.set(a.from.entity as string, [...(byModel.get(a.from.entity as string) ?? []), a]);
  const models = [...byModel.keys()].sort();
  const types = [...new Set(accessors.flatMap((a) => [a.from.entity as string, a.to.entity as string]))].sort();

  const body = models.map((model) => {
    const own = byModel.get(model) ?? [];
    const names = uniqueNames(own.map((a) => `${a.name}Of`));
    return `      ${lowerFirst(model)}: {\n${own.map((a, i) => renderMethod(a, names[i] as string)).join('\n')}\n      },`;
  });
  const lines = [
    generatedHeader(input.source, input.command),
    '',
    `import { Prisma } from '${input.client}';`,
    ...(types.length > 0 ? [`import type { ${types.join(', ')} } from '${input.client}';`] : []),
    ...runtimeImport(accessors),
    '',
    '/**',
    ' * The one-to-one accessors as a Prisma Client extension: `new PrismaClient(…).$extends(otoAccessors)`,',
    ' * then e.g. `prisma.user.profileOf(id)`.',
    ' */',
    'export const otoAccessors = Prisma.defineExtension((client) =>',
    '  client.$extends({',
    "    name: 'oto',",
    '    model: {',
    ...body,
    '    },',
    '  }),',
    ');',
  ];
  const skipped = [
    ...input.plan.skipped,
    ...input.plan.accessors.filter((a) => !accessors.includes(a)).map((a) => ({ relation: a.label, reason: 'the other model declares no field back' })),
  ];
  if (skipped.length > 0) lines.push('', ...skipped.map((s) => `// No accessor for ${s.relation}: ${s.reason}.`));
  return `${lines.join('\n')}\n`;
}
