/**
 * DMMF → SchemaModel. Pure: the DMMF, the datasource's provider and the schema texts in, the model
 * out. Rules see database names (`@map`, `@@map`, `map:`), with model and field names alongside.
 */
import type {
  Column,
  Dialect,
  ForeignKey,
  Origin,
  ReferentialAction,
  Relation,
  SchemaModel,
  Table,
  UniqueKey,
} from '@oto/core';
import { sameList, UserError } from '@oto/core';
import type * as DMMF from '@prisma/dmmf';
import { findPartialUniques, findRelationMode, locateDeclarations } from './schema-text';
import type { ModelDeclaration, PartialUnique, RelationMode, SchemaFile } from './schema-text';

export interface PrismaSchemaInput {
  readonly datamodel: DMMF.Datamodel;
  /** The datasource's `provider`. */
  readonly provider: string;
  /** The schema's files, for locations and `relationMode`. */
  readonly files: readonly SchemaFile[];
}

const DIALECTS: Readonly<Record<string, Dialect>> = {
  postgresql: 'postgresql',
  postgres: 'postgresql',
  cockroachdb: 'cockroachdb',
  mysql: 'mysql',
  sqlite: 'sqlite',
  sqlserver: 'sqlserver',
  mongodb: 'mongodb',
};

/** The longest identifier each database keeps; Prisma shortens default names to fit. */
const MAX_IDENTIFIER: Readonly<Record<Dialect, number>> = {
  postgresql: 63,
  cockroachdb: 63,
  mysql: 64,
  sqlserver: 128,
  sqlite: Number.POSITIVE_INFINITY,
  mongodb: Number.POSITIVE_INFINITY,
};

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  Cascade: 'cascade',
  Restrict: 'restrict',
  NoAction: 'no-action',
  SetNull: 'set-null',
  SetDefault: 'set-default',
};

export function toDialect(provider: string): Dialect {
  const dialect = DIALECTS[provider];
  if (!dialect) throw new UserError(`unsupported datasource provider "${provider}"`);
  return dialect;
}

/** Prisma's default constraint name: `<table>_<columns>_<suffix>`, shortened to the identifier limit. */
export function prismaDefaultName(table: string, columns: readonly string[], suffix: string, dialect: Dialect): string {
  const base = [table, ...columns].join('_');
  const room = MAX_IDENTIFIER[dialect] - suffix.length - 1;
  return `${base.length > room ? base.slice(0, room) : base}_${suffix}`;
}

/** MySQL names every primary key PRIMARY; elsewhere Prisma's default is `<table>_pkey`. */
function primaryKeyName(table: string, dialect: Dialect): string {
  return dialect === 'mysql' ? 'PRIMARY' : `${table}_pkey`;
}

function action(value: string | undefined, fallback: ReferentialAction): ReferentialAction {
  return (value !== undefined ? ACTIONS[value] : undefined) ?? fallback;
}

interface ModelContext {
  readonly model: DMMF.Model;
  readonly table: string;
  readonly columnOf: (field: string) => string;
  readonly declaration?: ModelDeclaration;
}

function fieldOrigin(ctx: ModelContext, field: string): Origin | undefined {
  return ctx.declaration?.fields.get(field) ?? ctx.declaration?.origin;
}

function modelContext(model: DMMF.Model, declarations: ReadonlyMap<string, ModelDeclaration>): ModelContext {
  const dbNames = new Map(model.fields.map((f) => [f.name, f.dbName ?? f.name] as const));
  const declaration = declarations.get(model.name);
  return {
    model,
    table: model.dbName ?? model.name,
    columnOf: (field) => dbNames.get(field) ?? field,
    ...(declaration ? { declaration } : {}),
  };
}

function buildTable(
  ctx: ModelContext,
  indexes: readonly DMMF.Index[],
  foreignKeys: readonly ForeignKey[],
  partials: readonly PartialUnique[],
  dialect: Dialect,
): Table {
  const { model, table, columnOf } = ctx;
  const columns: Column[] = model.fields
    .filter((f) => f.kind !== 'object')
    .map((f) => {
      const origin = fieldOrigin(ctx, f.name);
      return {
        name: columnOf(f.name),
        ...(f.dbName && f.dbName !== f.name ? { field: f.name } : {}),
        type: f.isList ? `${f.type}[]` : f.type,
        nullable: !f.isRequired,
        ...(origin ? { origin } : {}),
      };
    });
  const own = indexes.filter((i) => i.model === model.name);
  const id = own.find((i) => i.type === 'id');
  const uniques: UniqueKey[] = own
    .filter((i) => i.type === 'unique')
    .map((i) => {
      const cols = i.fields.map((f) => columnOf(f.name));
      const fields = i.fields.map((f) => f.name);
      const partial = partials.find((p) => sameList(p.fields, fields));
      const origin = ctx.declaration?.uniques.find((u) => sameList([...u.fields].sort(), [...fields].sort()))?.origin;
      return {
        name: i.dbName ?? prismaDefaultName(table, cols, 'key', dialect),
        columns: cols,
        kind: 'index',
        ...(partial ? { where: partial.where } : {}),
        ...(origin ? { origin } : {}),
      };
    });
  const pkColumns = id?.fields.map((f) => columnOf(f.name));
  return {
    name: table,
    ...(model.schema ? { schema: model.schema } : {}),
    entity: model.name,
    columns,
    ...(pkColumns ? { primaryKey: { name: id?.dbName ?? primaryKeyName(table, dialect), columns: pkColumns } } : {}),
    uniques,
    foreignKeys,
    ...(ctx.declaration ? { origin: ctx.declaration.origin } : {}),
  };
}

interface RelationSide {
  readonly ctx: ModelContext;
  readonly field: DMMF.Field;
}

/** Both ends of every relation, matched by relation name (never by type: self-relations and several relations between two models). */
function pairRelationFields(contexts: readonly ModelContext[]): Map<string, RelationSide[]> {
  const byName = new Map<string, RelationSide[]>();
  for (const ctx of contexts) {
    for (const field of ctx.model.fields) {
      if (field.kind !== 'object' || !field.relationName) continue;
      const pair = [ctx.model.name, field.type].sort().join('|');
      const key = `${field.relationName}|${pair}`;
      byName.set(key, [...(byName.get(key) ?? []), { ctx, field }]);
    }
  }
  return byName;
}

export function fromDmmf(input: PrismaSchemaInput): SchemaModel {
  const dialect = toDialect(input.provider);
  const relationMode: RelationMode = findRelationMode(input.files) ?? (dialect === 'mongodb' ? 'prisma' : 'foreignKeys');
  const declarations = locateDeclarations(input.files);
  const contexts = input.datamodel.models.map((m) => modelContext(m, declarations));
  const byModel = new Map(contexts.map((c) => [c.model.name, c] as const));

  const relations: Relation[] = [];
  const foreignKeys = new Map<string, ForeignKey[]>();
  for (const [, sides] of pairRelationFields(contexts)) {
    const dependentSide = sides.find((s) => (s.field.relationFromFields ?? []).length > 0);
    if (!dependentSide) continue; // an implicit many-to-many: no foreign key on either model
    const principalSide = sides.find((s) => s !== dependentSide);
    const principalCtx = byModel.get(dependentSide.field.type);
    if (!principalCtx) continue;
    const { ctx, field } = dependentSide;
    const columns = (field.relationFromFields ?? []).map(ctx.columnOf);
    const referencedColumns = (field.relationToFields ?? []).map(principalCtx.columnOf);
    const optional = (field.relationFromFields ?? []).some(
      (name) => !(ctx.model.fields.find((f) => f.name === name)?.isRequired ?? true),
    );
    // The @relation field declares the constraint and its onDelete: the line of both.
    const dependentOrigin = fieldOrigin(ctx, field.name);
    const declared = dependentOrigin ? { origin: dependentOrigin } : {};
    foreignKeys.set(ctx.model.name, [
      ...(foreignKeys.get(ctx.model.name) ?? []),
      {
        name: prismaDefaultName(ctx.table, columns, 'fkey', dialect),
        columns,
        referencedTable: principalCtx.table,
        ...(principalCtx.model.schema ? { referencedSchema: principalCtx.model.schema } : {}),
        referencedColumns,
        onDelete: action(field.relationOnDelete, optional ? 'set-null' : 'restrict'),
        onUpdate: action(field.relationOnUpdate, 'cascade'),
        ...(relationMode === 'prisma' ? { emulated: true } : {}),
        ...declared,
      },
    ]);
    const principalOrigin = principalSide ? fieldOrigin(principalSide.ctx, principalSide.field.name) : undefined;
    relations.push({
      name: field.relationName ?? `${ctx.model.name}To${principalCtx.model.name}`,
      dependent: {
        table: ctx.table,
        ...(ctx.model.schema ? { schema: ctx.model.schema } : {}),
        entity: ctx.model.name,
        field: field.name,
        cardinality: 'one',
        optional: !field.isRequired,
        ...(dependentOrigin ? { origin: dependentOrigin } : {}),
      },
      principal: {
        table: principalCtx.table,
        ...(principalCtx.model.schema ? { schema: principalCtx.model.schema } : {}),
        entity: principalCtx.model.name,
        ...(principalSide ? { field: principalSide.field.name } : {}),
        cardinality: principalSide?.field.isList ? 'many' : 'one',
        optional: principalSide ? !principalSide.field.isRequired || principalSide.field.isList : true,
        ...(principalOrigin ? { origin: principalOrigin } : {}),
      },
      foreignKey: { columns, referencedColumns, ...declared },
    });
  }

  const partials = findPartialUniques(input.files);
  const tables = contexts.map((ctx) =>
    buildTable(ctx, input.datamodel.indexes, foreignKeys.get(ctx.model.name) ?? [], partials.get(ctx.model.name) ?? [], dialect),
  );
  return { source: 'prisma', dialect, tables, relations };
}
