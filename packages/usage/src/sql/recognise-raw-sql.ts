/**
 * Raw SQL in application code, recognised through the types: Drizzle's `sql\`…\`` run by
 * `db.execute/all/get/run/values`, Prisma Client's `$queryRaw`/`$executeRaw` (tagged) and
 * `$queryRawUnsafe`/`$executeRawUnsafe`, and `query()` of TypeORM (DataSource, EntityManager,
 * QueryRunner) and node-postgres (Pool, Client, PoolClient). Template holes become parameters;
 * a string oto cannot read or parse is listed as unresolved, never guessed.
 */
import { Node } from 'ts-morph';
import type { CallExpression, SourceFile, TaggedTemplateExpression, Type } from 'ts-morph';
import type { AnalyzedModel, Consumption, Query, UnresolvedQuery } from '@oto/core';
import { locationOf, Unresolved, unresolvedReason } from '../code-location';
import { consumptionOf } from '../consumption';
import type { Recognised } from '../recognise-calls';
import { drizzleName } from '../drizzle/drizzle-symbols';
import { fromSqlStatement } from './from-sql-statement';
import type { LoadedSqlParser } from './sql-parser';
import { NOT_A_QUERY } from './sql-statement';

const DRIZZLE_RUNS = new Set(['execute', 'all', 'get', 'run', 'values']);
const PRISMA_TAGGED = new Set(['$queryRaw', '$executeRaw']);
const PRISMA_UNSAFE = new Set(['$queryRawUnsafe', '$executeRawUnsafe']);
const QUERY_OWNERS = /[\\/]node_modules[\\/](typeorm|pg|@types[\\/]pg)[\\/]/;

const isPrismaClient = (type: Type) => type.getProperty('$queryRaw') !== undefined && type.getProperty('$executeRaw') !== undefined;

function declaredIn(type: Type, pattern: RegExp): boolean {
  const symbols = [type.getSymbol(), type.getAliasSymbol(), ...type.getBaseTypes().map((b) => b.getSymbol())];
  return symbols.some((s) => s?.getDeclarations().some((d) => pattern.test(d.getSourceFile().getFilePath())));
}

/** A hole that is itself SQL (a drizzle table, column or fragment; Prisma.sql/join/raw): the text is not known. */
function holeIsSql(hole: Node): boolean {
  const type = hole.getType();
  const name = type.getSymbol()?.getName() ?? type.getAliasSymbol()?.getName() ?? '';
  return /^(SQL|Sql|SQLWrapper|Placeholder)$/.test(name) || declaredIn(type, /[\\/]drizzle-orm[\\/]/);
}

function templateText(tagged: TaggedTemplateExpression, parser: LoadedSqlParser): string {
  const template = tagged.getTemplate();
  if (Node.isNoSubstitutionTemplateLiteral(template)) return template.getLiteralText();
  let text = template.getHead().getLiteralText();
  template.getTemplateSpans().forEach((span, i) => {
    if (holeIsSql(span.getExpression())) throw new Unresolved('raw SQL with a table, column or SQL fragment in a hole: its text is not known before run time');
    text += parser.placeholder(i) + span.getLiteral().getLiteralText();
  });
  return text;
}

const literalText = (node: Node) => (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) ? node.getLiteralText() : undefined);

/** `for (const s of ['…', '…']) q.query(s)`: the literal strings the loop variable takes, else undefined. */
function loopLiterals(node: Node): string[] | undefined {
  if (!Node.isIdentifier(node)) return undefined;
  const declaration = node.getSymbol()?.getDeclarations()[0];
  const list = declaration?.getParent();
  const loop = list?.getParent();
  if (!declaration || !Node.isVariableDeclaration(declaration) || !loop || !Node.isForOfStatement(loop)) return undefined;
  const items = loop.getExpression();
  if (!Node.isArrayLiteralExpression(items)) return undefined;
  const texts = items.getElements().map(literalText);
  return texts.every((t): t is string => t !== undefined) ? texts : undefined;
}

/** The SQL strings given as an argument: a literal, a constant whose type is its literal value, a loop over literals. */
function stringArgument(node: Node | undefined): string[] {
  if (!node) throw new Unresolved('a raw SQL call without its SQL');
  const literal = literalText(node);
  if (literal !== undefined) return [literal];
  if (Node.isTemplateExpression(node)) throw new Unresolved('raw SQL built with ${…} in a string (not parameters): not read');
  const type = node.getType();
  if (type.isStringLiteral()) return [String(type.getLiteralValue())];
  const looped = loopLiterals(node);
  if (looped) return looped;
  throw new Unresolved('raw SQL that is no literal string: not read');
}

/** `.rows[0]`, `const { rows: [r] } = await …` (node-postgres results), else the first-element forms. */
function rawConsumption(node: Node): Consumption {
  let n: Node = node;
  for (let p = n.getParent(); p && (Node.isParenthesizedExpression(p) || Node.isAwaitExpression(p) || Node.isAsExpression(p)); p = n.getParent()) n = p;
  const parent = n.getParent();
  if (parent && Node.isPropertyAccessExpression(parent) && parent.getName() === 'rows') return consumptionOf(parent);
  if (parent && Node.isVariableDeclaration(parent)) {
    const name = parent.getNameNode();
    if (Node.isObjectBindingPattern(name)) {
      const rows = name.getElements().find((e) => (e.getPropertyNameNode()?.getText() ?? e.getName()) === 'rows');
      if (rows && Node.isArrayBindingPattern(rows.getNameNode())) return 'first';
    }
  }
  return consumptionOf(node);
}

interface Found {
  readonly at: Node;
  /** The statement's text (several when one call runs each string of a literal list). */
  readonly text: () => string[];
  readonly consumption: Consumption;
}

function drizzleCall(call: CallExpression, parser: LoadedSqlParser): Found | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !DRIZZLE_RUNS.has(callee.getName())) return undefined;
  const [arg] = call.getArguments();
  if (!arg || drizzleName(callee) === undefined) return undefined;
  if (!Node.isTaggedTemplateExpression(arg) || drizzleName(arg.getTag()) !== 'sql') {
    // An SQL value built elsewhere (`db.execute(query)`): run as raw SQL, its text unknown here.
    if (arg.getType().getSymbol()?.getName() !== 'SQL' || !declaredIn(arg.getType(), /[\\/]drizzle-orm[\\/]/)) return undefined;
    return { at: call, text: () => { throw new Unresolved('raw SQL built elsewhere (an SQL value, not a sql`…` here): not read'); }, consumption: 'many' };
  }
  return { at: call, text: () => [templateText(arg, parser)], consumption: callee.getName() === 'get' ? 'first' : rawConsumption(call) };
}

function prismaTagged(tagged: TaggedTemplateExpression, parser: LoadedSqlParser): Found | undefined {
  const tag = tagged.getTag();
  if (!Node.isPropertyAccessExpression(tag) || !PRISMA_TAGGED.has(tag.getName()) || !isPrismaClient(tag.getExpression().getType())) return undefined;
  return { at: tagged, text: () => [templateText(tagged, parser)], consumption: rawConsumption(tagged) };
}

function methodCall(call: CallExpression): Found | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.getName();
  if (!PRISMA_UNSAFE.has(name) && !PRISMA_TAGGED.has(name) && name !== 'query') return undefined;
  const receiver = callee.getExpression().getType();
  const [sql] = call.getArguments();
  if (PRISMA_UNSAFE.has(name) && isPrismaClient(receiver)) return { at: call, text: () => stringArgument(sql), consumption: rawConsumption(call) };
  if (PRISMA_TAGGED.has(name) && isPrismaClient(receiver)) return { at: call, text: () => { throw new Unresolved(`${name}(…) over a built Sql value: not read`); }, consumption: 'many' };
  if (name === 'query' && declaredIn(receiver, QUERY_OWNERS)) return { at: call, text: () => stringArgument(sql), consumption: rawConsumption(call) };
  return undefined;
}

export function createRawSqlRecogniser(model: AnalyzedModel, parser: LoadedSqlParser) {
  return function recognise(file: SourceFile): Recognised {
    const queries: Query[] = [];
    const unresolved: UnresolvedQuery[] = [];
    const read = (found: Found | undefined) => {
      if (!found) return;
      const location = locationOf(found.at);
      try {
        for (const text of found.text()) {
          const statement = parser.parse(text);
          if (statement !== NOT_A_QUERY) queries.push(fromSqlStatement(statement, model, { location, consumption: found.consumption }));
        }
      } catch (error) {
        unresolved.push({ location, reason: unresolvedReason(error) });
      }
    };
    file.forEachDescendant((node) => {
      try {
        if (Node.isCallExpression(node)) read(drizzleCall(node, parser) ?? methodCall(node));
        else if (Node.isTaggedTemplateExpression(node)) read(prismaTagged(node, parser));
      } catch (error) {
        unresolved.push({ location: locationOf(node), reason: unresolvedReason(error) });
      }
    });
    return { queries, unresolved };
  };
}
