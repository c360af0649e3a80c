import type { Diagnostic, SchemaModel, SqlChange } from '@oto/core';
import { TEXT_LAYOUTS } from '../../../core/src/testing/text-layouts';
import { editTypeormSchema } from './edit-typeorm-schema';

/** Only what the editor reads of the model: the entity's file, its columns' properties, the relation. */
const MODEL: SchemaModel = {
  source: 'typeorm',
  dialect: 'postgresql',
  tables: [
    {
      name: 'passport',
      entity: 'Passport',
      origin: { file: 'passport.ts', line: 4 },
      // user_id is the relation's join column: no property of its own.
      columns: [{ name: 'id', field: 'id', nullable: false }, { name: 'user_id', nullable: true }, { name: 'kind', field: 'kind', nullable: true }],
      uniques: [],
      foreignKeys: [],
    },
  ],
  relations: [
    {
      name: 'Passport.user',
      dependent: { table: 'passport', entity: 'Passport', field: 'user', cardinality: 'one', optional: false },
      principal: { table: 'app_user', entity: 'User', field: 'passport', cardinality: 'one', optional: true },
      foreignKey: { columns: ['user_id'], referencedColumns: ['id'] },
    },
  ],
};

const HEAD = "import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';\nimport { User } from './user';\n\n";
const BODY = `export class Passport {
  @PrimaryGeneratedColumn() id: number;
  @Column({ nullable: true }) kind: string | null;
  @OneToOne(() => User, (user) => user.passport, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user: User;
}
`;

function edited(text: string, change: SqlChange) {
  const result = editTypeormSchema(MODEL, [{ change, findings: [{ ruleId: 'x' } as Diagnostic] }], () => text);
  return { text: result.files.get('passport.ts') ?? text, setAside: result.setAside.map((s) => s.reason) };
}

const table = { name: 'passport' };

describe('editTypeormSchema', () => {
  it.each<[string, string, SqlChange, string]>([
    [
      'a unique over a join column: @Unique(name, [relation property]) under @Entity, imported',
      `${HEAD}@Entity('passport')\n${BODY}`,
      { kind: 'add-unique', table, columns: ['user_id'], name: 'oto_passport_user_id_key', keyKind: 'constraint' },
      `${HEAD.replace('PrimaryGeneratedColumn }', 'PrimaryGeneratedColumn, Unique }')}@Entity('passport')\n@Unique('oto_passport_user_id_key', ['user'])\n${BODY}`,
    ],
    [
      "a table rename: @Entity's name",
      `${HEAD}@Entity({ name: 'passport', schema: 'app' })\n${BODY}`,
      { kind: 'rename-table', table, to: 'oto_passport' },
      `${HEAD}@Entity({ name: 'oto_passport', schema: 'app' })\n${BODY}`,
    ],
    [
      'a table rename: @Entity() gets a name',
      `${HEAD}@Entity()\n${BODY}`,
      { kind: 'rename-table', table, to: 'oto_passport' },
      `${HEAD}@Entity('oto_passport')\n${BODY}`,
    ],
    [
      'a name with line terminators and quotes: escaped in the file\'s quotes (a raw one would break the string)',
      `${HEAD}@Entity()\n${BODY}`,
      { kind: 'rename-table', table, to: "oto_\n\r\u2028'\\x" },
      `${HEAD}@Entity('oto_\\u000a\\u000d\\u2028\\'\\\\x')\n${BODY}`,
    ],
    [
      'a unique rename: the name of its @Unique',
      `${HEAD}@Entity('passport')\n@Unique('passport_user', ['user'])\n${BODY}`,
      { kind: 'rename-unique', table, columns: ['user_id'], from: 'passport_user', to: 'oto_passport_user_id_key', keyKind: 'constraint' },
      `${HEAD}@Entity('passport')\n@Unique('oto_passport_user_id_key', ['user'])\n${BODY}`,
    ],
    [
      'NOT NULL over a join column: nullable: false on the relation',
      `${HEAD}@Entity('passport')\n${BODY}`,
      { kind: 'set-not-null', table, columns: ['user_id'] },
      `${HEAD}@Entity('passport')\n${BODY.replace("{ onDelete: 'SET NULL' }", "{ onDelete: 'SET NULL', nullable: false }")}`,
    ],
    [
      "an ON DELETE: the relation's onDelete",
      `${HEAD}@Entity('passport')\n${BODY}`,
      {
        kind: 'replace-foreign-key',
        table,
        foreignKey: { name: 'fk', columns: ['user_id'], referencedTable: 'app_user', referencedColumns: ['id'], onDelete: 'set-null' },
        onDelete: 'restrict',
      },
      `${HEAD}@Entity('passport')\n${BODY.replace("onDelete: 'SET NULL'", "onDelete: 'RESTRICT'")}`,
    ],
  ])('%s', (_, before, change, after) => {
    expect(edited(before, change)).toEqual({ text: after, setAside: [] });
  });

  it('a unique over a join column and another column: the relation property and the column property', () => {
    const text = `${HEAD}@Entity('passport')\n${BODY}`;
    expect(edited(text, { kind: 'add-unique', table, columns: ['user_id', 'kind'], name: 'oto_k', keyKind: 'constraint' })).toEqual({
      text: text.replace('PrimaryGeneratedColumn }', 'PrimaryGeneratedColumn, Unique }').replace("@Entity('passport')\n", "@Entity('passport')\n@Unique('oto_k', ['user', 'kind'])\n"),
      setAside: [],
    });
  });

  // The new decorator line and a new import line take the file's own line ending; a BOM stays.
  it.each(TEXT_LAYOUTS)('keeps the layout of a file with %s', (_, layout) => {
    const before = `${HEAD}@Entity('passport')\n${BODY}`;
    const change: SqlChange = { kind: 'add-unique', table, columns: ['user_id'], name: 'oto_k', keyKind: 'constraint' };
    const after = before.replace('PrimaryGeneratedColumn }', 'PrimaryGeneratedColumn, Unique }').replace("@Entity('passport')\n", "@Entity('passport')\n@Unique('oto_k', ['user'])\n");
    expect(edited(layout(before), change)).toEqual({ text: layout(after), setAside: [] });
    const unimported = before.replace(/^import \{[^\n]*\n/, '');
    expect(edited(layout(unimported), change).text).toBe(layout(`import { Unique } from "typeorm";\n${after.replace(/^import \{[^\n]*\n/, '')}`));
  });

  it('sets aside a unique TypeORM names itself', () => {
    const text = `${HEAD}@Entity('passport')\n${BODY}`;
    expect(edited(text, { kind: 'rename-unique', table, columns: ['user_id'], from: 'REL_abc', to: 'oto_k', keyKind: 'constraint' }).setAside).toEqual([
      expect.stringMatching(/^passport\.ts: no @Unique or @Index named REL_abc \(TypeORM names the unique of @Column\(\{ unique \}\) and of a one-to-one itself/),
    ]);
  });
});
