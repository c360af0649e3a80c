import { z } from 'zod';
import { createRule } from './rule';
import { dependentRef, oneToOnes, relationData } from './relation-data';

export const NAMING_MODES = ['prefix', 'infix', 'off'] as const;
export type NamingMode = (typeof NAMING_MODES)[number];

/** The name the convention gives a dependent table: `oto_<table>` or `<principal>_oto_<table>`. */
export function conventionTableName(mode: Exclude<NamingMode, 'off'>, dependent: string, principal: string): string {
  const base = dependent.replace(/^(.*_)?oto_/i, '');
  return mode === 'prefix' ? `oto_${base}` : `${principal}_oto_${base}`;
}

/**
 * The name the convention gives a backing unique: `oto_<table>_<columns>_key` (or the table's own
 * when it carries `oto_`), or the configured template with `{table}` and `{columns}` filled in.
 */
export function conventionUniqueName(table: string, columns: readonly string[], template?: string): string {
  if (template) return template.replace(/\{table\}/g, table).replace(/\{columns\}/g, columns.join('_'));
  const base = [table, ...columns].join('_');
  return hasOto(table) ? `${base}_key` : `oto_${base}_key`;
}

function hasOto(name: string): boolean {
  return /(^|_)oto_/i.test(name);
}

function followsTableConvention(mode: Exclude<NamingMode, 'off'>, dependent: string, principal: string): boolean {
  const name = dependent.toLowerCase();
  return mode === 'prefix' ? name.startsWith('oto_') : name.startsWith(`${principal.toLowerCase()}_oto_`);
}

export const oneToOneNaming = createRule({
  id: 'one-to-one-naming',
  description: 'Name one-to-one dependent tables and their backing uniques with `oto_`, so nobody drops the unique unaware.',
  defaultSeverity: 'warning',
  messages: {
    // The report's one finding for all of the others (report/naming-summary.ts): never reported by check.
    summary: '{{count}} {{oneToOnes}} not named by the oto_ convention: `oto fix --renames`, or set naming',
    tableName:
      'one-to-one {{relation}}: the dependent table {{dependent}} does not follow the oto_ naming convention ({{mode}}): expected a name like {{expected}}',
    uniqueName:
      'one-to-one {{relation}}: the unique {{key}} that backs it does not carry oto_ in its name, so a later migration may drop it unaware: name it {{expected}}',
  },
  help: {
    summary:
      '`oto check --verbose` lists them (so do the JSON and SARIF reports); `oto fix --renames` renames them in the schema, `oto generate sql --renames` in the database; "naming": "off" in the oto config turns the convention off.',
    tableName: 'Rename the table to {{expected}} (in the ORM: keep the model name, map the table name), or set naming to "off".',
    uniqueName: 'Rename the constraint to {{expected}} (Prisma: map:, Drizzle: unique("…"), TypeORM: @Unique("…", …)).',
  },
  options: z
    .object({
      mode: z.enum(NAMING_MODES),
      /** The name of a unique oto adds: `{table}` and `{columns}` are filled in (default `oto_{table}_{columns}_key`). */
      uniqueName: z
        .string()
        .refine((t) => t.includes('{table}') && t.includes('{columns}'), 'must name {table} and {columns}, so that two uniques never share a name')
        .optional(),
    })
    .strict(),
  defaultOptions: { mode: 'prefix' as NamingMode },
  check({ model, options, report }) {
    const mode = options.mode;
    if (mode === 'off') return;
    for (const r of oneToOnes(model.relations)) {
      if (!r.dependent || !r.relation.foreignKey) continue;
      const { dependent, principal } = r.relation;
      if (!followsTableConvention(mode, dependent.table, principal.table)) {
        const expected = conventionTableName(mode, dependent.table, principal.table);
        report({
          messageId: 'tableName',
          data: { ...relationData(r), mode, expected },
          target: { relation: r, at: 'dependent-table' },
          fix: { kind: 'rename-table', scope: 'schema', table: dependentRef(r), to: expected },
        });
      }
      const key = r.backing;
      const expected = key ? conventionUniqueName(dependent.table, key.columns, options.uniqueName) : '';
      if (key?.kind === 'unique' && key.name && !hasOto(key.name) && key.name !== expected) {
        report({
          messageId: 'uniqueName',
          data: { ...relationData(r), key: key.name, expected },
          // At the .unique() / @@unique / @Unique that names it, when the adapter knows where.
          target: { relation: r, columns: key.columns, ...(key.origin ? { origin: key.origin } : {}) },
          fix: {
            kind: 'rename-unique',
            scope: 'schema',
            table: dependentRef(r),
            columns: key.columns,
            from: key.name,
            to: expected,
            keyKind: key.index ? 'index' : 'constraint',
          },
        });
      }
    }
  },
});
