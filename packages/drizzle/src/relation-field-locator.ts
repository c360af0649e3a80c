/**
 * The line of a Drizzle relation field in the schema's source, read from its syntax tree (the
 * loaded relation objects do not know their file or line). Pure: the files' texts in, lines out;
 * each file parsed once, in memory, with the TypeScript parser ts-morph bundles.
 *
 * A field is found by its path of keys in the object a relations callback returns: `[field]` in
 * `relations(users, ({ one }) => ({ profile: one(…) }))`, `[table, field]` in
 * `defineRelations(schema, (r) => ({ users: { profile: r.one.profiles(…) } }))` or a
 * `defineRelationsPart`. Only the top level of each object is searched for its key, so a field
 * named like a table (`bitbucket: { github: … }`) is never taken for that table's block. Spreads
 * are followed to what they spread, in this file or one it imports (`...usersRelations(r)`), and
 * a later key wins over an earlier one, as the spread object does.
 */
import * as path from 'node:path';
import type { Origin } from '@oto/core';
import { ts } from 'ts-morph';

/** Where a key is written: its file and the node of its property. */
interface Found {
  readonly file: string;
  readonly node: ts.Node;
}

/** An expression and the file it is written in. */
interface At<T extends ts.Node = ts.Node> {
  readonly file: string;
  readonly node: T;
}

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];
/** How deep identifiers, calls and spreads are followed (a cycle stops there). */
const MAX_DEPTH = 12;

export type RelationFieldLocator = (owner: Origin | undefined, keys: readonly string[]) => Origin | undefined;

/**
 * Locates relation fields in `files` (file label → text): the line of the deepest of `keys` found
 * under the declaration at `owner` (the table's key when its field is not written out), else `owner`.
 */
export function relationFieldLocator(files: ReadonlyMap<string, string> | undefined): RelationFieldLocator {
  const parsed = new Map<string, ts.SourceFile | undefined>();
  const source = (file: string): ts.SourceFile | undefined => {
    if (!parsed.has(file)) {
      const text = files?.get(file);
      parsed.set(file, text === undefined ? undefined : ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX));
    }
    return parsed.get(file);
  };
  const lineOf = ({ file, node }: Found): Origin => {
    const sf = node.getSourceFile();
    return { file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 };
  };

  /** The file a relative import names, as the files map names it. */
  const importedFile = (from: string, specifier: string): string | undefined => {
    if (!specifier.startsWith('.')) return undefined;
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
    const candidates = EXTENSIONS.map((ext) => base + ext);
    // TypeScript's ESM style imports './users.js' for './users.ts'.
    if (/\.[cm]?js$/.test(base)) candidates.push(base.replace(/\.([cm]?)js$/, '.$1ts'));
    return candidates.find((c) => files?.has(c));
  };

  /** What a name declared at the top level of `file` stands for: its initializer or function, following imports. */
  const declared = (file: string, name: string, depth: number): At | undefined => {
    const sf = source(file);
    if (!sf || depth > MAX_DEPTH) return undefined;
    for (const statement of sf.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return { file, node: d.initializer };
        }
      } else if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) {
        return { file, node: statement };
      } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const bindings = statement.importClause?.namedBindings;
        if (!bindings || !ts.isNamedImports(bindings)) continue;
        const element = bindings.elements.find((e) => e.name.text === name);
        const target = element ? importedFile(file, statement.moduleSpecifier.text) : undefined;
        if (element && target) return declared(target, (element.propertyName ?? element.name).text, depth + 1);
      }
    }
    return undefined;
  };

  /** The object literal an expression evaluates to, as far as the text says. */
  const objectOf = (at: At, depth: number): At<ts.ObjectLiteralExpression> | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    let node = at.node;
    while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
    if (ts.isObjectLiteralExpression(node)) return { file: at.file, node };
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) return returnedObject({ file: at.file, node }, depth + 1);
    if (ts.isIdentifier(node)) {
      const target = declared(at.file, node.text, depth + 1);
      return target ? objectOf(target, depth + 1) : undefined;
    }
    if (ts.isCallExpression(node)) {
      // A function of the project's own (`usersRelations(r)`) returns its object; drizzle's
      // `relations(…)`, `defineRelations(…)` take it from their callback, the last argument.
      const callee = ts.isIdentifier(node.expression) ? declared(at.file, node.expression.text, depth + 1) : undefined;
      const own = callee && (ts.isArrowFunction(callee.node) || ts.isFunctionExpression(callee.node) || ts.isFunctionDeclaration(callee.node));
      if (own) return objectOf(callee, depth + 1);
      const last = node.arguments[node.arguments.length - 1];
      return last ? objectOf({ file: at.file, node: last }, depth + 1) : undefined;
    }
    return undefined;
  };

  /** The object a function returns: its expression body, else the last `return` of its own body. */
  const returnedObject = (at: At<ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration>, depth: number) => {
    const body = at.node.body;
    if (!body) return undefined;
    if (!ts.isBlock(body)) return objectOf({ file: at.file, node: body }, depth);
    const returns: ts.ReturnStatement[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isReturnStatement(n)) returns.push(n);
      else if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
    };
    ts.forEachChild(body, visit);
    const last = returns[returns.length - 1]?.expression;
    return last ? objectOf({ file: at.file, node: last }, depth) : undefined;
  };

  /** The property `key` at the top level of the object (the last one written wins), following spreads. */
  const property = (object: At<ts.ObjectLiteralExpression>, key: string, depth: number): At<ts.ObjectLiteralElementLike> | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    for (const p of [...object.node.properties].reverse()) {
      if (ts.isSpreadAssignment(p)) {
        const spread = objectOf({ file: object.file, node: p.expression }, depth + 1);
        const found = spread ? property(spread, key, depth + 1) : undefined;
        if (found) return found;
      } else if (p.name && propertyName(p.name) === key) {
        return { file: object.file, node: p };
      }
    }
    return undefined;
  };

  /** The value of a property, as an object to search further. */
  const valueOf = (p: At<ts.ObjectLiteralElementLike>, depth: number): At<ts.ObjectLiteralExpression> | undefined => {
    if (ts.isPropertyAssignment(p.node)) return objectOf({ file: p.file, node: p.node.initializer }, depth);
    if (ts.isShorthandPropertyAssignment(p.node)) return objectOf({ file: p.file, node: p.node.name }, depth);
    return undefined;
  };

  /** The expression declared at the owner's line: an `export const` initializer starting there. */
  const declarationAt = (owner: Origin): At | undefined => {
    const sf = source(owner.file);
    const line = owner.line;
    if (!sf || !line) return undefined;
    for (const statement of sf.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const first = sf.getLineAndCharacterOfPosition(statement.getStart(sf)).line + 1;
      const last = sf.getLineAndCharacterOfPosition(statement.getEnd()).line + 1;
      if (line < first || line > last) continue;
      const d = statement.declarationList.declarations.find((v) => sf.getLineAndCharacterOfPosition(v.getStart(sf)).line + 1 >= line) ?? statement.declarationList.declarations[0];
      return d?.initializer ? { file: owner.file, node: d.initializer } : undefined;
    }
    return undefined;
  };

  return (owner, keys) => {
    if (!owner) return undefined;
    const start = declarationAt(owner);
    let object = start ? objectOf(start, 0) : undefined;
    let found: Found | undefined;
    for (const key of keys) {
      const p = object ? property(object, key, 0) : undefined;
      if (!p) break;
      found = p;
      object = valueOf(p, 0);
    }
    return found ? lineOf(found) : owner;
  };
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && (ts.isStringLiteral(name.expression) || ts.isNoSubstitutionTemplateLiteral(name.expression))) return name.expression.text;
  return undefined;
}
