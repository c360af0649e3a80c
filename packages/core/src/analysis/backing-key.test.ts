import type { Table } from '../model';
import { findFilterKey } from './backing-key';

const table = (where: string, statusType: string): Table => ({
  name: 'subscriptions',
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'user_id', type: 'integer', nullable: false },
    { name: 'status', type: statusType, nullable: true },
    { name: 'cancelled_at', type: 'timestamp with time zone', nullable: true },
  ],
  primaryKey: { name: 'subscriptions_pkey', columns: ['id'] },
  uniques: [
    { name: 'subscriptions_user_id_key', columns: ['user_id'], kind: 'constraint' },
    { name: 'subscriptions_live', columns: ['user_id'], kind: 'index', where },
  ],
  foreignKeys: [],
});

describe('findFilterKey', () => {
  it.each([
    { name: 'the database printed the same predicate', where: '(cancelled_at IS NULL)', type: 'text', filter: '"cancelled_at" IS NULL', found: true },
    { name: 'a varchar compared in order: PostgreSQL casts it to text', where: "((status)::text > 'm'::text)", type: 'character varying(20)', filter: '"status" > \'m\'', found: true },
    { name: 'an integer cast to text is not the integer', where: "((status)::text = '01'::text)", type: 'integer', filter: '"status" = \'01\'', found: false },
    { name: 'another predicate', where: '(cancelled_at IS NOT NULL)', type: 'text', filter: '"cancelled_at" IS NULL', found: false },
  ])('$name', ({ where, type, filter, found }) => {
    const key = findFilterKey(table(where, type), ['user_id'], filter);
    expect(key?.name).toBe(found ? 'subscriptions_live' : undefined);
  });

  it('a partial unique over other columns does not back it', () => {
    expect(findFilterKey(table('(cancelled_at IS NULL)', 'text'), ['status'], '"cancelled_at" IS NULL')).toBeUndefined();
  });
});
