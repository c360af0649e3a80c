/**
 * Findings about a foreign key are located where the user edits it (issue 16 item 20): an ON DELETE
 * and a missing FOREIGN KEY at the owning side's `@OneToOne(…)` (its `onDelete`,
 * `createForeignKeyConstraints`), not at the property below its decorators. The entities are
 * declared here, and TEXT is their source as the user wrote it, line for line.
 */
import type { SchemaModel } from '@oto/core';
import { check, resolveConfig } from '@oto/core';
import { Column, DataSource, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { classDeclarations } from './class-text';
import { modelOfDataSource } from './load-typeorm';

const TEXT = [
  "import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';", // 1
  '', // 2
  "@Entity('owner')", // 3
  'export class Owner {', // 4
  '  @PrimaryGeneratedColumn() id!: number;', // 5
  '}', // 6
  '', // 7
  "@Entity('licence')", // 8
  'export class Licence {', // 9
  '  @PrimaryGeneratedColumn() id!: number;', // 10
  "  @Column({ name: 'owner_id' }) ownerId!: number;", // 11
  '  @OneToOne(() => Owner, {', // 12: the ON DELETE is written here
  "    onDelete: 'SET NULL',", // 13
  '  })', // 14
  "  @JoinColumn({ name: 'owner_id' })", // 15
  '  owner!: Relation<Owner>;', // 16: the relation field
  '}', // 17
  '', // 18
  "@Entity('badge')", // 19
  'export class Badge {', // 20
  '  @PrimaryGeneratedColumn() id!: number;', // 21
  "  @Column({ name: 'owner_id', unique: true }) ownerId!: number;", // 22
  '  @OneToOne(() => Owner, { createForeignKeyConstraints: false })', // 23
  "  @JoinColumn({ name: 'owner_id' })", // 24
  '  owner!: Relation<Owner>;', // 25
  '}', // 26
].join('\n');

@Entity('owner')
class Owner {
  @PrimaryGeneratedColumn() id!: number;
}

@Entity('licence')
class Licence {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'owner_id' }) ownerId!: number;
  @OneToOne(() => Owner, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner!: Relation<Owner>;
}

@Entity('badge')
class Badge {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'owner_id', unique: true }) ownerId!: number;
  @OneToOne(() => Owner, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'owner_id' })
  owner!: Relation<Owner>;
}

async function located(): Promise<SchemaModel> {
  const lines = classDeclarations(TEXT);
  const origins = new Map<unknown, { file: string; line: number }>(
    ([['Owner', Owner], ['Licence', Licence], ['Badge', Badge]] as const).map(([name, cls]) => [cls, { file: 'entities.ts', line: lines.get(name) ?? 0 }]),
  );
  const dataSource = new DataSource({ type: 'postgres', entities: [Owner, Licence, Badge] });
  return modelOfDataSource(dataSource, 'data-source.ts', () => ({ origins, files: new Map([['entities.ts', TEXT]]) }));
}

describe('TypeORM: foreign key findings are located at the owning decorator', () => {
  it('records where the constraint is declared: the @OneToOne of the owning side', async () => {
    const model = await located();
    const licence = model.tables.find((t) => t.name === 'licence');
    expect(licence?.foreignKeys.map((f) => [f.columns.join(','), f.origin])).toEqual([['owner_id', { file: 'entities.ts', line: 12 }]]);
    expect(model.relations.map((r) => [r.name, r.dependent.origin?.line, r.foreignKey?.origin?.line])).toEqual([
      ['Licence.owner', 16, 12],
      ['Badge.owner', 25, 23],
    ]);
  });

  it.each([
    ['ON DELETE SET NULL on a NOT NULL join column: at its @OneToOne', 'licence', 'one-to-one-on-delete/setNullOnRequired@12'],
    ['no FOREIGN KEY (createForeignKeyConstraints: false): at its @OneToOne', 'badge', 'one-to-one-no-foreign-key/noConstraint@23'],
  ])('%s', async (_, table, expected) => {
    const found = check(await located(), resolveConfig({}))
      .diagnostics.filter((d) => d.location.table === table && (d.ruleId === 'one-to-one-on-delete' || d.ruleId === 'one-to-one-no-foreign-key'))
      .map((d) => `${d.ruleId}/${d.messageId}@${d.location.line}`);
    expect(found).toEqual([expected]);
  });
});
