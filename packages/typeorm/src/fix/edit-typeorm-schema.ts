/**
 * `oto fix` for TypeORM: the entity classes edited through ts-morph, only where a change goes. A
 * missing unique becomes `@Unique("name", ["property"])` under the class's `@Entity`; a table
 * rename the `@Entity` name; a unique rename the name of its `@Unique` / `@Index`; NOT NULL
 * `nullable: false`, and ON DELETE `onDelete`, in the options of the column or relation decorator.
 * Pure: texts in, texts out.
 */
import { Node, Project } from 'ts-morph';
import type { ClassDeclaration, Decorator, SourceFile } from 'ts-morph';
import { addToOneLineObject, editSources, fieldsOf, stringLiteral } from '@oto/core';
import type { PlannedChange, ReferentialAction, SchemaModel, SourceEdit, SourceEdits, SqlChange, Table } from '@oto/core';

const TYPEORM_ACTIONS: Record<ReferentialAction, string> = {
  cascade: 'CASCADE',
  restrict: 'RESTRICT',
  'no-action': 'NO ACTION',
  'set-null': 'SET NULL',
  'set-default': 'SET DEFAULT',
};
const RELATIONS = ['OneToOne', 'ManyToOne'];

interface Located {
  readonly file: string;
  readonly source: SourceFile;
  readonly entity: ClassDeclaration;
  readonly quote: (value: string) => string;
}

/** The quote the file writes strings with (the first string literal's). */
function quoteOf(source: SourceFile): (value: string) => string {
  const double = /^[^'"]*"/.test(source.getFullText().replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''));
  return (value) => stringLiteral(value, double ? '"' : "'");
}

function locate(project: Project, table: Table & { readonly entity: string }, file: string, text: string): Located | { reason: string } {
  const source = project.createSourceFile(file, text, { overwrite: true });
  const entity = source.getClass(table.entity);
  if (!entity) return { reason: `${file}: no class ${table.entity}: edit it by hand` };
  return { file, source, entity, quote: quoteOf(source) };
}

/** `Unique` imported from typeorm (added to the file's typeorm import); its local name. */
function importFromTypeorm(source: SourceFile, name: string): string {
  const typeorm = source.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === 'typeorm' && !d.isTypeOnly() && d.getNamedImports().length > 0);
  const existing = typeorm?.getNamedImports().find((n) => n.getName() === name);
  if (existing) return existing.getAliasNode()?.getText() ?? name;
  if (typeorm) typeorm.addNamedImport(name);
  else source.insertImportDeclaration(0, { moduleSpecifier: 'typeorm', namedImports: [name] });
  return name;
}

/** Sets `key: value` in the decorator's options object (its last object argument), adding one if it has none. */
function setOption(decorator: Decorator, key: string, value: string): void {
  const last = decorator.getArguments().at(-1);
  if (last && Node.isObjectLiteralExpression(last)) {
    const existing = last.getProperty(key);
    const oneLine = addToOneLineObject(last.getText(), `${key}: ${value}`);
    if (existing && Node.isPropertyAssignment(existing)) existing.setInitializer(value);
    else if (oneLine) last.replaceWithText(oneLine);
    else last.addPropertyAssignment({ name: key, initializer: value });
  } else decorator.addArgument(`{ ${key}: ${value} }`);
}

/** The relation field on the dependent whose foreign key is `columns`. */
function relationField(model: SchemaModel, table: Table, columns: readonly string[]): string | undefined {
  return model.relations.find((r) => r.dependent.table === table.name && r.foreignKey?.columns.join() === columns.join())?.dependent.field;
}

function propertyDecorator(at: Located, field: string, names: readonly string[]): Decorator | undefined {
  return at.entity.getProperty(field)?.getDecorators().find((d) => names.includes(d.getName()));
}

/** The `@Unique(…)` / `@Index(…)` on the class or a property whose first argument is the name `from`. */
function namedKey(at: Located, from: string): Decorator | undefined {
  const decorators = [...at.entity.getDecorators(), ...at.entity.getProperties().flatMap((p) => p.getDecorators())];
  return decorators.find((d) => {
    const first = d.getArguments()[0];
    return (d.getName() === 'Unique' || d.getName() === 'Index') && first !== undefined && Node.isStringLiteral(first) && first.getLiteralValue() === from;
  });
}

function edit(model: SchemaModel, project: Project, change: SqlChange, table: Table & { readonly entity: string }, file: string, text: string): SourceEdit {
  const at = locate(project, table, file, text);
  if ('reason' in at) return at;
  const done = () => at.source.getFullText();
  const notFound = (what: string): SourceEdit => ({ reason: `${at.file}: ${what} in class ${table.entity}: edit it by hand` });
  const entityDecorator = at.entity.getDecorator('Entity') ?? at.entity.getDecorator('ChildEntity');
  switch (change.kind) {
    case 'add-unique': {
      const fields = fieldsOf(model, table, change.columns);
      if (!fields) return notFound(`no property for ${change.columns.join(', ')}`);
      const unique = importFromTypeorm(at.source, 'Unique');
      const index = entityDecorator ? at.entity.getDecorators().indexOf(entityDecorator) + 1 : 0;
      at.entity.insertDecorator(index, { name: unique, arguments: [at.quote(change.name), `[${fields.map(at.quote).join(', ')}]`] });
      return done();
    }
    case 'rename-table': {
      if (!entityDecorator || entityDecorator.getName() !== 'Entity') return notFound('no @Entity');
      const first = entityDecorator.getArguments()[0];
      if (!first) entityDecorator.addArgument(at.quote(change.to));
      else if (Node.isStringLiteral(first)) first.replaceWithText(at.quote(change.to));
      else if (Node.isObjectLiteralExpression(first)) setOption(entityDecorator, 'name', at.quote(change.to));
      else return notFound('an @Entity name oto cannot rewrite');
      return done();
    }
    case 'rename-unique': {
      const key = namedKey(at, change.from);
      if (!key) return notFound(`no @Unique or @Index named ${change.from} (TypeORM names the unique of @Column({ unique }) and of a one-to-one itself: declare @Unique with the name instead)`);
      key.getArguments()[0]!.replaceWithText(at.quote(change.to));
      return done();
    }
    case 'set-not-null': {
      const fields = fieldsOf(model, table, change.columns) ?? [];
      const decorators = fields.map((f) => propertyDecorator(at, f, ['Column', 'PrimaryColumn', ...RELATIONS]));
      if (fields.length === 0 || decorators.some((d) => !d)) return notFound(`no decorated property for ${change.columns.join(', ')}`);
      for (const decorator of decorators) setOption(decorator!, 'nullable', 'false');
      return done();
    }
    case 'replace-foreign-key': {
      const field = relationField(model, table, change.foreignKey.columns);
      const decorator = field ? propertyDecorator(at, field, RELATIONS) : undefined;
      if (!decorator) return notFound(`no @OneToOne or @ManyToOne over ${change.foreignKey.columns.join(', ')}`);
      setOption(decorator, 'onDelete', at.quote(TYPEORM_ACTIONS[change.onDelete]));
      return done();
    }
  }
}

/** The entity modules with the changes made; `read` gives a file's text by the name the model's origins use. */
export function editTypeormSchema(model: SchemaModel, changes: readonly PlannedChange[], read: (file: string) => string): SourceEdits {
  const project = new Project({ useInMemoryFileSystem: true });
  return editSources(model, changes, read, (change, table, file, text) => edit(model, project, change, table, file, text));
}
