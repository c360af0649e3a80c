/**
 * Converts a drizzle-orm 0.x schema's `relations(table, ({ one, many }) => ({ … }))` exports to one
 * drizzle-orm 1.0 `defineRelations(schema, (r) => ({ … }))`, the way drizzle's "Migrating to
 * Relational Queries version 2" guide maps them:
 *
 *   one(t, { fields: [a.x], references: [t.y], relationName: 'n' })  →  r.one.t({ from: r.a.x, to: r.t.y, alias: 'n' })
 *   (several columns as arrays: from: [r.a.x, r.a.z])
 *   many(t, { relationName: 'n' })                                    →  r.many.t({ alias: 'n' })
 *   one(t)                                                            →  r.one.t()
 *
 * A 0.x `one` with fields is typed non-null when every field is NOT NULL (`.notNull()` or
 * `.primaryKey()` on the column); v1 says that with `optional: false`, so the converter adds it.
 * v1's `r.many.t()` takes its columns from the `one` on `t` that points back (paired by alias), as
 * 0.x's `many` did. Tables are named by their exported names (v1's keys of the schema object).
 *
 * Pure: files in, files out (an in-memory ts-morph project). The old relations() exports are removed
 * from each file with the `relations` import; the new relations module is returned as one more file.
 * Anything it cannot map throws, naming the file and the code.
 */
import * as path from 'node:path';
import { Node, Project, SyntaxKind } from 'ts-morph';
import type { CallExpression, Expression, ImportSpecifier, ObjectLiteralExpression, SourceFile, VariableStatement } from 'ts-morph';

export interface RelationsToV2Options {
  /** Path of the relations module to write, among the files' paths. */
  readonly relationsFile: string;
  /** Module specifier, from the relations module, of the module that exports every table. */
  readonly schemaModule: string;
}

/** The changed files and the new relations module, by path. */
export type ConvertedFiles = Record<string, string>;

/** One relation field as 0.x declares it. */
interface Field {
  readonly key: string;
  readonly kind: 'one' | 'many';
  /** The target table's exported name. */
  readonly target: string;
  readonly relationName?: string;
  /** A one's fields and references; none on a many or a config-less one. */
  readonly from?: readonly ColumnRef[];
  readonly to?: readonly ColumnRef[];
}

export interface RelationsV2 {
  /** The changed files and the new relations module, by path. */
  readonly files: ConvertedFiles;
  /**
   * The fields left out as `table.field`: a many (or config-less one) for which 0.x finds no
   * `one(…, { fields })` pointing back. drizzle 0.x leaves them unresolved (its queries fail on
   * them) and v1's defineRelations refuses to build, so the converted schema has no such field.
   */
  readonly leftOut: readonly string[];
}

export function relationsToV2(files: Readonly<Record<string, string>>, options: RelationsToV2Options): RelationsV2 {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true, strict: false } });
  const sources = Object.entries(files).map(([file, text]) => project.createSourceFile(toVirtual(file), text));
  const byTable = new Map<string, Field[]>();
  const changed: ConvertedFiles = {};

  // Read everything first, then edit: an edit invalidates the type checker the reading asks.
  const edits: { source: SourceFile; remove: VariableStatement[]; specifier: ImportSpecifier }[] = [];
  for (const source of sources) {
    const specifier = relationsImport(source);
    if (!specifier) continue;
    const local = specifier.getAliasNode()?.getText() ?? specifier.getName();
    const remove: VariableStatement[] = [];
    for (const statement of source.getVariableStatements()) {
      const [declaration, ...more] = statement.getDeclarations();
      const call = declaration?.getInitializer();
      if (!call || !Node.isCallExpression(call) || call.getExpression().getText() !== local) continue;
      if (more.length > 0) throw failure(source, statement, 'one relations() per declaration');
      const [tableArg, builder] = call.getArguments();
      if (!tableArg || !builder) throw failure(source, call, 'relations(table, builder) expected');
      const table = exportedName(tableArg, source);
      const fields = byTable.get(table) ?? [];
      for (const field of builderFields(builder, source)) {
        if (fields.some((f) => f.key === field.key)) throw failure(source, builder, `table ${table} declares relation ${field.key} twice`);
        fields.push(field);
      }
      byTable.set(table, fields);
      remove.push(statement);
    }
    edits.push({ source, remove, specifier });
  }
  for (const { source, remove, specifier } of edits) {
    for (const statement of remove) statement.remove();
    const declaration = specifier.getImportDeclaration();
    specifier.remove();
    if (declaration.getNamedImports().length === 0 && !declaration.getDefaultImport() && !declaration.getNamespaceImport()) declaration.remove();
    changed[fromVirtual(source.getFilePath())] = source.getFullText();
  }

  const leftOut: string[] = [];
  const tables = [...byTable.entries()].map(([table, fields]) => {
    const lines = fields.flatMap((field) => {
      const code = fieldCode(table, field, byTable);
      if (code === undefined) leftOut.push(`${table}.${field.key}`);
      return code === undefined ? [] : [`\t\t${field.key}: ${code},`];
    });
    return `\t${table}: {\n${lines.join('\n')}\n\t},`;
  });
  const note = leftOut.length > 0 ? `// Left out, as drizzle 0.x cannot resolve them either (no one() with fields points back): ${leftOut.join(', ')}.\n` : '';
  changed[options.relationsFile] =
    `import { defineRelations } from "drizzle-orm";\nimport * as schema from ${JSON.stringify(options.schemaModule)};\n\n${note}` +
    `export const relations = defineRelations(schema, (r) => ({\n${tables.join('\n')}\n}));\n`;
  return { files: changed, leftOut };
}

/**
 * The v1 code of a field; undefined when 0.x cannot resolve it. A field without columns takes them
 * from the one that points back, found by 0.x's rule (normalizeRelation): by relationName when it
 * has one, else every relation of the target table back to this one, which must be exactly one
 * `one` with fields. v1 pairs by alias (an unaliased field only with an unaliased one), so the
 * field takes the alias of the one 0.x pairs it with.
 */
function fieldCode(table: string, field: Field, byTable: ReadonlyMap<string, readonly Field[]>): string | undefined {
  if (field.from && field.to) {
    const parts = [`from: ${columnsCode(field.from)}`, `to: ${columnsCode(field.to)}`];
    if (field.from.every((f) => f.notNull)) parts.push('optional: false');
    if (field.relationName) parts.push(`alias: ${JSON.stringify(field.relationName)}`);
    return `r.one.${field.target}({ ${parts.join(', ')} })`;
  }
  const candidates = (byTable.get(field.target) ?? []).filter((other) =>
    field.relationName ? other !== field && other.relationName === field.relationName : other.target === table,
  );
  const [reverse] = candidates;
  if (candidates.length !== 1 || reverse?.kind !== 'one' || !reverse.from) return undefined;
  return reverse.relationName ? `r.${field.kind}.${field.target}({ alias: ${JSON.stringify(reverse.relationName)} })` : `r.${field.kind}.${field.target}()`;
}

// ts-morph's in-memory file system roots relative paths at "/".
const toVirtual = (file: string) => path.posix.join('/', file);
const fromVirtual = (file: string) => file.replace(/^\//, '');

/** The `relations` import from "drizzle-orm" of a file, if it has one. */
function relationsImport(source: SourceFile) {
  for (const d of source.getImportDeclarations()) {
    if (d.getModuleSpecifierValue() !== 'drizzle-orm') continue;
    const named = d.getNamedImports().find((n) => n.getName() === 'relations');
    if (named) return named;
  }
  return undefined;
}

function failure(source: SourceFile, node: Node, what: string): Error {
  return new Error(`${fromVirtual(source.getFilePath())}:${node.getStartLineNumber()}: cannot convert ${JSON.stringify(node.getText().slice(0, 80))}: ${what}`);
}

/** The exported name of the table an expression names (through imports and aliases). */
function exportedName(expression: Node, source: SourceFile): string {
  const declaration = tableDeclaration(expression, source);
  return declaration.getName();
}

function tableDeclaration(expression: Node, source: SourceFile) {
  if (!Node.isIdentifier(expression)) throw failure(source, expression, 'a table identifier expected');
  let symbol = expression.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol();
  const declaration = symbol?.getDeclarations().find(Node.isVariableDeclaration);
  if (!declaration || !declaration.isExported()) throw failure(source, expression, 'not an exported table');
  return declaration;
}

/** The `{ key: one(…) | many(…) }` entries of a relations builder. */
function builderFields(builder: Node, source: SourceFile): Field[] {
  if (!Node.isArrowFunction(builder)) throw failure(source, builder, 'an arrow function builder expected');
  const helpers = new Map<string, 'one' | 'many'>();
  const [parameter] = builder.getParameters();
  const pattern = parameter?.getNameNode();
  if (pattern && Node.isObjectBindingPattern(pattern)) {
    for (const element of pattern.getElements()) {
      const helper = element.getPropertyNameNode()?.getText() ?? element.getName();
      if (helper === 'one' || helper === 'many') helpers.set(element.getName(), helper);
    }
  }
  let body: Node = builder.getBody();
  while (Node.isParenthesizedExpression(body)) body = body.getExpression();
  if (!Node.isObjectLiteralExpression(body)) throw failure(source, builder, 'the builder returns an object literal');
  return body.getProperties().map((property) => {
    if (!Node.isPropertyAssignment(property)) throw failure(source, property, 'key: one(…) or many(…) expected');
    const call = property.getInitializerOrThrow();
    if (!Node.isCallExpression(call)) throw failure(source, call, 'one(…) or many(…) expected');
    const helper = helpers.get(call.getExpression().getText());
    if (!helper) throw failure(source, call, 'one(…) or many(…) from the builder’s parameter expected');
    return { key: property.getName(), ...(helper === 'one' ? oneField(call, source) : manyField(call, source)) };
  });
}

type Declared = Omit<Field, 'key'>;

function oneField(call: CallExpression, source: SourceFile): Declared {
  const [target, config] = call.getArguments();
  if (!target) throw failure(source, call, 'one(table, …) expected');
  const declared = { kind: 'one' as const, target: exportedName(target, source) };
  if (!config) return declared;
  const options = configObject(config, source);
  const from = columnList(options, 'fields', source);
  const to = columnList(options, 'references', source);
  if (from.length === 0 || from.length !== to.length) throw failure(source, config, 'fields and references of the same length expected');
  const name = relationName(options, source);
  return { ...declared, from, to, ...(name ? { relationName: name } : {}) };
}

function manyField(call: CallExpression, source: SourceFile): Declared {
  const [target, config] = call.getArguments();
  if (!target) throw failure(source, call, 'many(table, …) expected');
  const name = config ? relationName(configObject(config, source), source) : undefined;
  return { kind: 'many', target: exportedName(target, source), ...(name ? { relationName: name } : {}) };
}

function configObject(config: Node, source: SourceFile): ObjectLiteralExpression {
  if (!Node.isObjectLiteralExpression(config)) throw failure(source, config, 'an object literal config expected');
  for (const p of config.getProperties()) {
    const name = Node.isPropertyAssignment(p) ? p.getName() : undefined;
    if (!name || !['fields', 'references', 'relationName'].includes(name)) throw failure(source, p, 'fields, references and relationName are the options read');
  }
  return config;
}

function relationName(options: ObjectLiteralExpression, source: SourceFile): string | undefined {
  const value = options.getProperty('relationName');
  if (!value) return undefined;
  const initializer = value.asKindOrThrow(SyntaxKind.PropertyAssignment).getInitializerOrThrow();
  if (!Node.isStringLiteral(initializer) && !Node.isNoSubstitutionTemplateLiteral(initializer)) throw failure(source, initializer, 'a string relationName expected');
  return initializer.getLiteralText();
}

interface ColumnRef {
  readonly table: string;
  readonly column: string;
  readonly notNull: boolean;
}

const columnsCode = (columns: readonly ColumnRef[]) => {
  const refs = columns.map((c) => `r.${c.table}.${c.column}`);
  return refs.length === 1 ? refs[0]! : `[${refs.join(', ')}]`;
};

function columnList(options: ObjectLiteralExpression, key: 'fields' | 'references', source: SourceFile): ColumnRef[] {
  const property = options.getProperty(key);
  if (!property) throw failure(source, options, `${key} expected`);
  const list = property.asKindOrThrow(SyntaxKind.PropertyAssignment).getInitializerOrThrow();
  if (!Node.isArrayLiteralExpression(list)) throw failure(source, list, `${key}: [table.column, …] expected`);
  return list.getElements().map((element) => columnRef(element, source));
}

/** `table.column`: the table's exported name, the column's key and whether it is NOT NULL. */
function columnRef(element: Expression, source: SourceFile): ColumnRef {
  if (!Node.isPropertyAccessExpression(element)) throw failure(source, element, 'table.column expected');
  const declaration = tableDeclaration(element.getExpression(), source);
  const column = element.getName();
  return { table: declaration.getName(), column, notNull: columnIsNotNull(declaration.getInitializer(), column) };
}

/** Whether the column `key` of a `xxxTable('name', { … })` call is declared `.notNull()` or `.primaryKey()`. */
function columnIsNotNull(table: Node | undefined, key: string): boolean {
  if (!table || !Node.isCallExpression(table)) return false;
  const columns = table.getArguments()[1];
  if (!columns || !Node.isObjectLiteralExpression(columns)) return false;
  const property = columns.getProperty(key);
  if (!property || !Node.isPropertyAssignment(property)) return false;
  let chain = property.getInitializer();
  while (chain && Node.isCallExpression(chain)) {
    const callee = chain.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) break;
    if (callee.getName() === 'notNull' || callee.getName() === 'primaryKey') return true;
    chain = callee.getExpression();
  }
  return false;
}
