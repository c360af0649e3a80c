/**
 * `oto fix` for Drizzle: the schema modules edited through ts-morph, only where a change goes,
 * everything else left as written. A missing unique on one column becomes `.unique("name")` on the
 * column's builder chain (several columns: `unique("name").on(…)` in the table's extra config), NOT
 * NULL `.notNull()`, a table rename the table's name argument, a unique rename the name argument of
 * its `.unique()` / `unique()` / `uniqueIndex()`, an ON DELETE the `onDelete` of `.references()`,
 * a partial unique (a v1 filtered one-to-one's) `uniqueIndex("name").on(…).where(sql\`…\`)`.
 * Pure: texts in, texts out.
 */
import { Node, Project, QuoteKind, SyntaxKind } from 'ts-morph';
import type { ArrowFunction, CallExpression, Expression, ObjectLiteralExpression, SourceFile } from 'ts-morph';
import { addToOneLineObject, editSources, fieldsOf, stringLiteral } from '@oto/core';
import type { PlannedChange, ReferentialAction, SchemaModel, SourceEdit, SourceEdits, SqlChange, Table } from '@oto/core';

const DRIZZLE_ACTIONS: Record<ReferentialAction, string> = {
  cascade: 'cascade',
  restrict: 'restrict',
  'no-action': 'no action',
  'set-null': 'set null',
  'set-default': 'set default',
};

/** `pgTable("name", { columns }, extra?)`: the call that declares the table, inside `.enableRLS()` and the like. */
function tableCall(initializer: Node): CallExpression | undefined {
  const calls = [initializer, ...initializer.getDescendantsOfKind(SyntaxKind.CallExpression)].filter(Node.isCallExpression);
  return calls.find((call) => {
    const [name, columns] = call.getArguments();
    return name !== undefined && Node.isStringLiteral(name) && columns !== undefined && columnsObject(columns) !== undefined;
  });
}

/** The columns object: written as is, or returned by `(t) => ({ … })`. */
function columnsObject(node: Node): ObjectLiteralExpression | undefined {
  if (Node.isObjectLiteralExpression(node)) return node;
  if (Node.isArrowFunction(node)) {
    const body = node.getBody();
    const inner = Node.isParenthesizedExpression(body) ? body.getExpression() : body;
    return Node.isObjectLiteralExpression(inner) ? inner : undefined;
  }
  return undefined;
}

/** The quote the file writes strings with (the table's name literal's). */
function quoteOf(call: CallExpression): (value: string) => string {
  const single = call.getArguments()[0]?.getText().startsWith("'") ?? false;
  return (value) => stringLiteral(value, single ? "'" : '"');
}

/**
 * Where and what to insert to append `.method(args)` to a builder chain: on a line of its own,
 * indented as the chain's other calls, when the chain spans lines. Inserted as text (ts-morph's
 * node replacement would re-indent the chain).
 */
function appendCall(expression: Expression, method: string, args: string): { readonly at: number; readonly text: string } {
  const lines = expression.getText().split('\n');
  const indent = [...lines].reverse().find((line) => /^\s*\./.test(line))?.match(/^\s*/)?.[0];
  return { at: expression.getEnd(), text: lines.length > 1 && indent !== undefined ? `\n${indent}.${method}(${args})` : `.${method}(${args})` };
}

/** Inserts texts at positions of the file, the last first so that the earlier positions hold. */
function insertAll(source: SourceFile, inserts: readonly { readonly at: number; readonly text: string }[]): void {
  for (const { at, text } of [...inserts].sort((a, b) => b.at - a.at)) source.insertText(at, text);
}

/** `.method(…)` calls of a builder chain, outermost first. */
function chainCalls(expression: Expression, method: string): CallExpression[] {
  const found: CallExpression[] = [];
  for (let node: Node = expression; Node.isCallExpression(node); ) {
    const callee = node.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) break;
    if (callee.getName() === method) found.push(node);
    node = callee.getExpression();
  }
  return found;
}

interface Located {
  readonly file: string;
  readonly source: SourceFile;
  readonly call: CallExpression;
  readonly quote: (value: string) => string;
}

function locate(project: Project, table: Table & { readonly entity: string }, file: string, text: string): Located | { reason: string } {
  const source = project.createSourceFile(file, text, { overwrite: true });
  const initializer = source.getVariableDeclaration(table.entity)?.getInitializer();
  const call = initializer ? tableCall(initializer) : undefined;
  if (!call) return { reason: `${file}: no table declaration \`const ${table.entity} = …Table("${table.name}", { … })\`: edit the schema by hand` };
  return { file, source, call, quote: quoteOf(call) };
}

/** The column's builder chain: the `field: …` property of the columns object. */
function columnChain(at: Located, field: string): Expression | undefined {
  const property = columnsObject(at.call.getArguments()[1]!)?.getProperty(field);
  return property && Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
}

/**
 * `name` imported from the module (by the specifier `module` matches), its local name; a new
 * `import { name } from 'add'` (in the file's quotes) when no import from it is there to extend;
 * undefined when it cannot be (no such import and nothing to add, or a local of that name).
 */
function importNamed(at: Located, name: string, module: RegExp, add?: string): string | undefined {
  const imports = at.source.getImportDeclarations().filter((d) => module.test(d.getModuleSpecifierValue()) && !d.isTypeOnly());
  const existing = imports.flatMap((d) => d.getNamedImports()).find((n) => n.getName() === name && !n.isTypeOnly());
  if (existing) return existing.getAliasNode()?.getText() ?? name;
  if (at.source.getLocals().some((l) => l.getName() === name)) return undefined;
  const [from] = imports;
  if (from) from.addNamedImport(name);
  else if (add) {
    // A structured insert keeps the nodes found so far (a text insert would forget them), in the file's quotes.
    const single = at.quote('') === "''";
    at.source.getProject().manipulationSettings.set({ quoteKind: single ? QuoteKind.Single : QuoteKind.Double });
    at.source.insertImportDeclaration(0, { namedImports: [name], moduleSpecifier: add });
  } else return undefined;
  return name;
}

/** `unique` / `uniqueIndex` imported from the dialect's core module the file already imports from. */
const importCore = (at: Located, name: string) => importNamed(at, name, /^drizzle-orm\/[\w-]+-core$/);

/**
 * A template literal's text for `text`, whose cooked value is `text` again: backslashes, backticks
 * and `${` escaped, and a carriage return too (a template literal reads a raw CR or CRLF as LF).
 */
const templateText = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r');

/**
 * A key added to the table's extra config (created when there is none): `build` writes it for the
 * config's table parameter. An error message, or undefined when done.
 */
function addToExtraConfig(at: Located, name: string, build: (param: string) => string): string | undefined {
  const extra = at.call.getArguments()[2];
  if (!extra) {
    at.call.addArgument(`(table) => [${build('table')}]`);
    return undefined;
  }
  if (!Node.isArrowFunction(extra)) return "the table's extra config is not an arrow function";
  const param = (extra as ArrowFunction).getParameters()[0]?.getName();
  if (!param) return "the table's extra config takes no table parameter";
  const key = build(param);
  const body = extra.getBody();
  const returned = Node.isBlock(body) ? body.getStatements().find(Node.isReturnStatement)?.getExpression() : body;
  const value = returned && Node.isParenthesizedExpression(returned) ? returned.getExpression() : returned;
  if (value && Node.isArrayLiteralExpression(value)) value.addElement(key);
  else if (value && Node.isObjectLiteralExpression(value)) {
    const oneLine = addToOneLineObject(value.getText(), `${JSON.stringify(name)}: ${key}`);
    if (oneLine) value.replaceWithText(oneLine);
    else value.addPropertyAssignment({ name: JSON.stringify(name), initializer: key });
  }
  else return "the table's extra config returns neither an array nor an object";
  return undefined;
}

/** `unique("name").on(t.a, t.b)` added to the table's extra config. */
function addTableUnique(at: Located, fields: readonly string[], name: string): string | undefined {
  const unique = importCore(at, 'unique');
  if (!unique) return 'no import from drizzle-orm/<dialect>-core to add `unique` to';
  return addToExtraConfig(at, name, (t) => `${unique}(${at.quote(name)}).on(${fields.map((f) => `${t}.${f}`).join(', ')})`);
}

/** `uniqueIndex("name").on(t.a).where(sql\`predicate\`)` added to the table's extra config, `sql` imported from drizzle-orm. */
function addPartialUnique(at: Located, fields: readonly string[], name: string, where: string): string | undefined {
  const uniqueIndex = importCore(at, 'uniqueIndex');
  if (!uniqueIndex) return 'no import from drizzle-orm/<dialect>-core to add `uniqueIndex` to';
  const sql = importNamed(at, 'sql', /^drizzle-orm$/, 'drizzle-orm');
  if (!sql) return 'a local `sql` that is not drizzle-orm\'s';
  return addToExtraConfig(at, name, (t) => `${uniqueIndex}(${at.quote(name)}).on(${fields.map((f) => `${t}.${f}`).join(', ')}).where(${sql}\`${templateText(where)}\`)`);
}

/** The name argument of the `.unique()` / `unique()` / `uniqueIndex()` that declares the key `from`. */
function renameUnique(at: Located, fields: readonly string[], from: string, to: string): boolean {
  for (const call of at.call.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    if (name !== 'unique' && name !== 'uniqueIndex') continue;
    const first = call.getArguments()[0];
    if (first && Node.isStringLiteral(first) && first.getLiteralValue() === from) {
      first.replaceWithText(at.quote(to));
      return true;
    }
  }
  // An unnamed `.unique()` on the column: drizzle names it `<table>_<column>_unique`.
  const chain = fields.length === 1 ? columnChain(at, fields[0]!) : undefined;
  const unnamed = chain ? chainCalls(chain, 'unique').find((c) => c.getArguments().length === 0) : undefined;
  if (!unnamed) return false;
  unnamed.addArgument(at.quote(to));
  return true;
}

/** The `onDelete` of the column's `.references(() => …, { onDelete })`. */
function setOnDelete(at: Located, field: string, action: string): boolean {
  const chain = columnChain(at, field);
  const references = chain ? chainCalls(chain, 'references')[0] : undefined;
  if (!references) return false;
  const options = references.getArguments()[1];
  if (!options) {
    references.addArgument(`{ onDelete: ${at.quote(action)} }`);
    return true;
  }
  if (!Node.isObjectLiteralExpression(options)) return false;
  const existing = options.getProperty('onDelete');
  const oneLine = addToOneLineObject(options.getText(), `onDelete: ${at.quote(action)}`);
  if (existing && Node.isPropertyAssignment(existing)) existing.setInitializer(at.quote(action));
  else if (oneLine) options.replaceWithText(oneLine);
  else options.addPropertyAssignment({ name: 'onDelete', initializer: at.quote(action) });
  return true;
}

function edit(model: SchemaModel, project: Project, change: SqlChange, table: Table & { readonly entity: string }, file: string, text: string): SourceEdit {
  const at = locate(project, table, file, text);
  if ('reason' in at) return at;
  const done = () => at.source.getFullText();
  const columns = change.kind === 'replace-foreign-key' ? change.foreignKey.columns : 'columns' in change ? change.columns : [];
  const fields = fieldsOf(model, table, columns);
  if (!fields) return { reason: `${table.entity} has no field for ${columns.join(', ')}` };
  const notFound = (what: string): SourceEdit => ({ reason: `${at.file}: ${what} in \`${table.entity}\`: edit the schema by hand` });
  switch (change.kind) {
    case 'add-unique': {
      if (change.where !== undefined) {
        const problem = addPartialUnique(at, fields, change.name, change.where);
        return problem ? notFound(problem) : done();
      }
      if (fields.length > 1) {
        const problem = addTableUnique(at, fields, change.name);
        return problem ? notFound(problem) : done();
      }
      const chain = columnChain(at, fields[0]!);
      if (!chain) return notFound(`no column \`${fields[0]}: …\``);
      insertAll(at.source, [appendCall(chain, 'unique', at.quote(change.name))]);
      return done();
    }
    case 'set-not-null': {
      const chains = fields.map((f) => columnChain(at, f));
      if (chains.some((c) => !c)) return notFound(`no column \`${fields.join(', ')}: …\``);
      insertAll(at.source, chains.map((chain) => appendCall(chain!, 'notNull', '')));
      return done();
    }
    case 'rename-table':
      at.call.getArguments()[0]!.replaceWithText(at.quote(change.to));
      return done();
    case 'rename-unique':
      return renameUnique(at, fields, change.from, change.to) ? done() : notFound(`no unique named ${change.from}`);
    case 'replace-foreign-key':
      if (fields.length !== 1 || !setOnDelete(at, fields[0]!, DRIZZLE_ACTIONS[change.onDelete])) return notFound(`no \`.references()\` on ${fields.join(', ')}`);
      return done();
  }
}

/** The schema modules with the changes made; `read` gives a file's text by the name the model's origins use. */
export function editDrizzleSchema(model: SchemaModel, changes: readonly PlannedChange[], read: (file: string) => string): SourceEdits {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  return editSources(model, changes, read, (change, table, file, text) => edit(model, project, change, table, file, text));
}
