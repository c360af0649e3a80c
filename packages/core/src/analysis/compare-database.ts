/**
 * The declared schema against a database: for each relation, the dependent table as the database
 * has it, the key that backs the foreign key there, the FOREIGN KEY constraint there, the
 * migration that dropped a backing key, and the duplicate key values counted there.
 */
import { sameList, tableKey } from '../model';
import type { DatabaseFacts, DuplicateKeys, ForeignKey, Relation, Table } from '../model';
import type { AnalyzedModel, AnalyzedRelation } from './analyze';
import { findBackingKey } from './backing-key';
import type { BackingKey } from './backing-key';

export interface DroppedKey {
  /** The migration after which the key is gone. */
  readonly migration: string;
  /** The key as it was before. */
  readonly key: BackingKey;
}

export interface DatabaseRelation {
  /** The dependent table in the database; absent when the database has no such table. */
  readonly table?: Table;
  /** Foreign key columns the database's table lacks. */
  readonly missingColumns: readonly string[];
  /** The key that backs the foreign key in the database. */
  readonly backing: BackingKey | null;
  /** The database's FOREIGN KEY constraint over the relation's columns. */
  readonly constraint?: ForeignKey;
  /** The backing key was there after some migration and a later one dropped it for good. */
  readonly droppedBy?: DroppedKey;
  readonly duplicates?: DuplicateKeys;
}

/**
 * The database's FOREIGN KEY between the two tables of a relation that declares no foreign key
 * columns (a TypeORM one-to-one with `@JoinColumn` on neither side, after a migration added one).
 */
export interface DatabaseLink {
  /** The table in the database that holds the FOREIGN KEY. */
  readonly table: Table;
  readonly foreignKey: ForeignKey;
  /** Which end of the declared relation holds it. */
  readonly holder: 'dependent' | 'principal';
  /** The key that backs it in the database, as for any foreign key. */
  readonly backing: BackingKey | null;
}

export interface AnalyzedDatabase {
  readonly facts: DatabaseFacts;
  /** By the declared relation (absent for a relation without foreign key columns). */
  readonly relations: ReadonlyMap<Relation, DatabaseRelation>;
  /** Relations without foreign key columns that the database links anyway (one FOREIGN KEY between their tables). */
  readonly links: ReadonlyMap<Relation, DatabaseLink>;
}

/** Finds tables by name, unqualified names in the default schema, case-insensitively as a fallback. */
export function tableFinder(tables: readonly Table[], defaultSchema?: string) {
  const exact = new Map(tables.map((t) => [tableKey(t), t] as const));
  const folded = new Map<string, Table | null>();
  for (const t of tables) {
    const key = tableKey(t).toLowerCase();
    folded.set(key, folded.has(key) ? null : t);
  }
  return (name: string, schema?: string): Table | undefined => {
    const key = tableKey({ name, ...(schema && schema !== defaultSchema ? { schema } : {}) });
    return exact.get(key) ?? folded.get(key.toLowerCase()) ?? undefined;
  };
}

function hasColumn(table: Table, name: string): boolean {
  return table.columns.some((c) => c.name === name);
}

function droppedKey(relation: Relation, facts: DatabaseFacts): DroppedKey | undefined {
  const fk = relation.foreignKey;
  if (!fk || !facts.steps) return undefined;
  let before: BackingKey | null = null;
  let dropped: DroppedKey | undefined;
  for (const step of facts.steps) {
    const table = tableFinder(step.tables, facts.defaultSchema)(relation.dependent.table, relation.dependent.schema);
    const key = table ? findBackingKey(table, fk.columns) : null;
    if (key) dropped = undefined;
    else if (before) dropped = { migration: step.name, key: before };
    before = key;
  }
  return before ? undefined : dropped;
}

function sameKey(a: { readonly columns: readonly string[] }, b: { readonly columns: readonly string[] }): boolean {
  return sameList([...a.columns].sort(), [...b.columns].sort());
}

function compareRelation(r: AnalyzedRelation, facts: DatabaseFacts, find: ReturnType<typeof tableFinder>): DatabaseRelation {
  const { relation } = r;
  const fk = relation.foreignKey;
  const table = find(relation.dependent.table, relation.dependent.schema);
  const missingColumns = fk && table ? fk.columns.filter((c) => !hasColumn(table, c)) : (fk?.columns ?? []);
  const backing = fk && table && missingColumns.length === 0 ? findBackingKey(table, fk.columns) : null;
  const principal = find(relation.principal.table, relation.principal.schema);
  const constraint =
    fk && table
      ? table.foreignKeys.find(
          (c) => sameList(c.columns, fk.columns) && (!principal || find(c.referencedTable, c.referencedSchema) === principal),
        )
      : undefined;
  const droppedBy = backing ? undefined : droppedKey(relation, facts);
  // A filtered one-to-one's duplicates are counted among the rows its filter keeps.
  const where = relation.filter ? (relation.filter.sql ?? null) : undefined;
  const duplicates =
    fk && table && where !== null
      ? facts.duplicates?.find((d) => find(d.table, d.schema) === table && sameKey(d, { columns: fk.columns }) && d.where === where)
      : undefined;
  return {
    ...(table ? { table } : {}),
    missingColumns,
    backing,
    ...(constraint ? { constraint } : {}),
    ...(droppedBy ? { droppedBy } : {}),
    ...(duplicates ? { duplicates } : {}),
  };
}

/** The one FOREIGN KEY the database has between the relation's two tables, either way; none when there are several. */
function findLink(relation: Relation, find: ReturnType<typeof tableFinder>): DatabaseLink | undefined {
  const dependent = find(relation.dependent.table, relation.dependent.schema);
  const principal = find(relation.principal.table, relation.principal.schema);
  if (!dependent || !principal) return undefined;
  const from = (holder: Table, other: Table, role: DatabaseLink['holder']) =>
    holder.foreignKeys.filter((c) => find(c.referencedTable, c.referencedSchema) === other).map((foreignKey) => ({ table: holder, foreignKey, holder: role }));
  const candidates = dependent === principal ? from(dependent, dependent, 'dependent') : [...from(dependent, principal, 'dependent'), ...from(principal, dependent, 'principal')];
  const [only, ...more] = candidates;
  if (!only || more.length > 0) return undefined;
  return { ...only, backing: findBackingKey(only.table, only.foreignKey.columns) };
}

/** Compares every relation with a foreign key of the declared model with the database. */
export function compareDatabase(declared: AnalyzedModel, facts: DatabaseFacts): AnalyzedDatabase {
  const find = tableFinder(facts.model.tables, facts.defaultSchema);
  const relations = new Map<Relation, DatabaseRelation>();
  const links = new Map<Relation, DatabaseLink>();
  for (const r of declared.relations) {
    if (r.relation.foreignKey) relations.set(r.relation, compareRelation(r, facts, find));
    else {
      const link = findLink(r.relation, find);
      if (link) links.set(r.relation, link);
    }
  }
  return { facts, relations, links };
}
