/**
 * Random one-to-one schemas for the SQL fix round trip: pairs of a principal and a dependent table
 * under hostile names (quotes, spaces, unicode, reserved words, dollar quotes, backslashes, line
 * terminators \r, \r\n, \v, \f, U+0085, U+2028, controls next to NUL, bidi overrides), each
 * dependent declared one-to-one with a random mix of the defects the SQL fixes (no unique, a
 * nullable foreign key on a required side, ON DELETE SET NULL on a NOT NULL key), and the DDL that
 * builds exactly that schema in each dialect.
 */
import fc from 'fast-check';
import { quoteIdentifier } from '@oto/core';
import type { ReferentialAction, Relation, SchemaModel, SchemaSource, Table } from '@oto/core';
import type { SqlDialect } from '@oto/core';

export const HOSTILE_NAMES = [
  ...['user', 'order', 'select', 'group', 'we"ird', "it's", 'sp ace', 'Naïve Ünïcødé', '$oto$', 'back\\slash', 'semi;colon', 'per%cent', 'MiXeD', 'x'],
  // Line terminators of some reader (psql ends a comment at \r), NUL's neighbours, bidi controls.
  ...['cr\rCREATE TABLE injected (x int); --', 'crlf\r\n-- DROP', 'lf\nSELECT 1; --', 'vt\vff\f', 'soh\x01us\x1fdel\x7f', 'nel\u0085ls\u2028ps\u2029', 'rlo\u202Eevil\u202C', 'lri\u2066x\u2069rlm\u200F'],
];

export interface PairSpec {
  readonly principal: string;
  readonly dependent: string;
  readonly column: string;
  /** The dependent's primary key is the foreign key (shared primary key): always backed. */
  readonly sharedKey: boolean;
  readonly unique: boolean;
  readonly notNull: boolean;
  readonly declaredOptional: boolean;
  readonly onDelete: ReferentialAction | undefined;
}

export interface Scenario {
  readonly pairs: readonly PairSpec[];
  readonly model: SchemaModel;
}

const pair = (i: number) =>
  fc.record({
    principal: fc.constantFrom(...HOSTILE_NAMES).map((n) => `${n} p${i}`),
    dependent: fc.constantFrom(...HOSTILE_NAMES).map((n) => `${n} d${i}`),
    column: fc.constantFrom(...HOSTILE_NAMES).map((n) => `${n}_id`),
    sharedKey: fc.constantFrom(false, false, true),
    unique: fc.boolean(),
    notNull: fc.boolean(),
    declaredOptional: fc.boolean(),
    onDelete: fc.constantFrom<ReferentialAction | undefined>(undefined, 'cascade', 'set-null', 'restrict'),
  });

/** Prisma makes the uniques it adds unique indexes, Drizzle UNIQUE constraints: both kinds are drawn. */
export const scenarios: fc.Arbitrary<Scenario> = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.tuple(fc.constantFrom<SchemaSource>('prisma', 'drizzle'), fc.tuple(...Array.from({ length: n }, (_, i) => pair(i)))))
  .map(([source, pairs]) => scenarioOf(pairs, source));

function fkName(p: PairSpec): string {
  return `fk ${p.dependent}`;
}

/** The scenario of given pairs: their declared model (each dependent one-to-one with its principal). */
export function scenarioOf(pairs: readonly PairSpec[], source: SchemaSource = 'drizzle'): Scenario {
  return { pairs, model: modelOf(source, pairs) };
}

function modelOf(source: SchemaSource, pairs: readonly PairSpec[]): SchemaModel {
  const tables: Table[] = [];
  const relations: Relation[] = [];
  for (const p of pairs) {
    tables.push({ name: p.principal, columns: [{ name: 'id', nullable: false }], primaryKey: { columns: ['id'] }, uniques: [], foreignKeys: [] });
    const columns = p.sharedKey ? [{ name: p.column, nullable: false }] : [{ name: 'id', nullable: false }, { name: p.column, nullable: !p.notNull }];
    tables.push({
      name: p.dependent,
      columns,
      primaryKey: { columns: [p.sharedKey ? p.column : 'id'] },
      uniques: p.unique && !p.sharedKey ? [{ name: `u ${p.dependent}`, columns: [p.column], kind: 'constraint' }] : [],
      foreignKeys: [{ name: fkName(p), columns: [p.column], referencedTable: p.principal, referencedColumns: ['id'], ...(p.onDelete ? { onDelete: p.onDelete } : {}) }],
    });
    relations.push({
      name: `${p.dependent} → ${p.principal}`,
      dependent: { table: p.dependent, field: 'principal', cardinality: 'one', optional: p.declaredOptional },
      principal: { table: p.principal, field: 'dependent', cardinality: 'one', optional: true },
      foreignKey: { columns: [p.column], referencedColumns: ['id'] },
    });
  }
  return { source, dialect: 'postgresql', tables, relations };
}

const ACTIONS: Readonly<Record<ReferentialAction, string>> = { cascade: 'CASCADE', restrict: 'RESTRICT', 'no-action': 'NO ACTION', 'set-null': 'SET NULL', 'set-default': 'SET DEFAULT' };

/** CREATE TABLE statements that build the scenario's schema exactly (principals first). */
export function ddl(scenario: Scenario, dialect: SqlDialect): string[] {
  const q = (name: string) => quoteIdentifier(dialect, name);
  const type = dialect === 'mysql' ? 'INT' : 'integer';
  return scenario.pairs.flatMap((p) => {
    const dependentColumns = p.sharedKey
      ? [`${q(p.column)} ${type} NOT NULL PRIMARY KEY`]
      : [`${q('id')} ${type} NOT NULL PRIMARY KEY`, `${q(p.column)} ${type}${p.notNull ? ' NOT NULL' : ''}`];
    const constraints = [
      `CONSTRAINT ${q(fkName(p))} FOREIGN KEY (${q(p.column)}) REFERENCES ${q(p.principal)} (${q('id')})${p.onDelete ? ` ON DELETE ${ACTIONS[p.onDelete]}` : ''}`,
      ...(p.unique && !p.sharedKey ? [`CONSTRAINT ${q(`u ${p.dependent}`)} UNIQUE (${q(p.column)})`] : []),
    ];
    return [
      `CREATE TABLE ${q(p.principal)} (${q('id')} ${type} NOT NULL PRIMARY KEY);`,
      `CREATE TABLE ${q(p.dependent)} (${[...dependentColumns, ...constraints].join(', ')});`,
    ];
  });
}

/** Rows: two principals, and one dependent per principal (a second one on the first when `duplicate`). */
export function rows(scenario: Scenario, dialect: SqlDialect, duplicate: boolean): string[] {
  const q = (name: string) => quoteIdentifier(dialect, name);
  return scenario.pairs.flatMap((p, i) => {
    const inserts = [`INSERT INTO ${q(p.principal)} (${q('id')}) VALUES (1), (2);`];
    if (p.sharedKey) return [...inserts, `INSERT INTO ${q(p.dependent)} (${q(p.column)}) VALUES (1);`];
    const values = ['(1, 1)', '(2, 2)', ...(duplicate && i === 0 && !p.unique ? ['(3, 1)'] : [])];
    return [...inserts, `INSERT INTO ${q(p.dependent)} (${q('id')}, ${q(p.column)}) VALUES ${values.join(', ')};`];
  });
}
