import { canonicalPredicate, samePredicate } from './predicate';

/** Pairs that say the same thing: what drizzle, oto, PostgreSQL's pg_get_expr and SQLite print. */
const SAME: readonly (readonly [string, string])[] = [
  ['"deleted_at" IS NULL', '(deleted_at IS NULL)'],
  ['deleted_at is null', 'DELETED_AT IS NULL'],
  ['"subscriptions"."deleted_at" IS NULL', 'deleted_at IS NULL'],
  ['`deleted_at` IS NULL', '[deleted_at] IS NULL'],
  ['deleted_at ISNULL', 'deleted_at IS NULL'],
  ['deleted_at NOTNULL', 'deleted_at IS NOT NULL'],
  ['"deleted_at" IS NOT NULL', '(NOT (deleted_at IS NULL))'],
  ['NOT deleted_at IS NOT NULL', 'deleted_at IS NULL'],
  ['((("deleted_at" IS NULL)))', 'deleted_at IS NULL'],
  ['"status" = \'active\'', "((status)::text = 'active'::text)"],
  ['"status" = \'active\'', "(status = 'active'::text)"],
  ['"status" = \'active\'', "(status = 'active'::status_kind)"],
  ['"status" = \'active\'', "CAST(status AS varchar) = CAST('active' AS text)"],
  ['"status" = \'active\'', "status = CAST('active' AS varchar(20))"],
  ["code = 'ab'", "code = 'ab'::bpchar"],
  ["code = 'a'", "code = 'a'::char"],
  ['"n" = 2', '(n = 2.0::integer)'],
  ['"n" = 1.5', "(n = '1.50'::numeric(4,2))"],
  ['lower(x) = \'a\'', "pg_catalog.lower(x) = 'a'"],
  ["x = 'a' || 'b' || 'c'", "x = ('a' || 'b') || 'c'"],
  ["x = 1 + 2 * 3", "x = 1 + (2 * 3)"],
  ["status = 'active'", "'active' = status"],
  ["status = 'it''s'", "(status = 'it''s'::text)"],
  ["status = 'a\\b'", "status = E'a\\\\b'"],
  ['"status" <> \'x\'', "status != 'x'"],
  ['"status" <> \'x\'', "NOT (status = 'x')"],
  ['a = 1', 'a == 1'],
  ['"x" > -1', "(x > '-1'::integer)"],
  ['"n" = 1', '(n = (1)::numeric)'],
  ['n = 1.50', 'n = 1.5'],
  ['n > 1.5', "n > '1.5'::double precision"],
  ['"x" >= 1 AND "x" <= 5', 'x BETWEEN 1 AND 5'],
  ['x < 1 OR x > 5', 'x NOT BETWEEN 1 AND 5'],
  ['NOT x < 1', 'x >= 1'],
  ['1 < x', 'x > 1'],
  ['"status" IN (\'a\', \'b\')', "(status = ANY (ARRAY['a'::text, 'b'::text]))"],
  ['"status" IN (\'b\', \'a\')', "((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"],
  ['"status" IN (\'a\', \'b\')', "(status = 'a' OR status = 'b')"],
  ['"status" IN (\'a\', \'b\', \'c\')', "status = 'a' OR status IN ('b', 'c')"],
  ['"status" IN (\'a\', \'a\')', "status = 'a'"],
  ['"status" IN (\'a\')', "(status = 'a'::text)"],
  ['"status" NOT IN (\'a\', \'b\')', "(status <> ALL (ARRAY['a'::text, 'b'::text]))"],
  ['"status" NOT IN (\'a\', \'b\')', "NOT (status IN ('a', 'b'))"],
  ['"status" NOT IN (\'a\', \'b\')', "status <> 'a' AND status <> 'b'"],
  ['x IN (1, 2)', '(x = ANY (ARRAY[1, 2]))'],
  ['x NOT IN (1, 2)', '(x <> ALL (ARRAY[1, 2]))'],
  ['"email" LIKE \'%@x.com\'', "((email)::text ~~ '%@x.com'::text)"],
  ['"email" NOT LIKE \'a%\'', "(email !~~ 'a%'::text)"],
  ['"email" NOT LIKE \'a%\'', "NOT (email LIKE 'a%')"],
  ['"email" ILIKE \'a%\'', "(email ~~* 'a%'::text)"],
  ['"email" NOT ILIKE \'a%\'', "(email !~~* 'a%'::text)"],
  ['"deleted_at" IS NULL AND "status" = \'active\'', "((status = 'active'::text) AND (deleted_at IS NULL))"],
  ['a IS NULL AND b IS NULL AND c IS NULL', '(c IS NULL AND (b IS NULL)) AND a IS NULL'],
  ['a IS NULL AND a IS NULL', 'a IS NULL'],
  ['a = 1 OR b = 2', '(b = 2) OR (a = 1)'],
  ['NOT (a = 1 AND b = 2)', 'a <> 1 OR b <> 2'],
  ['NOT (a IS NULL OR b IS NULL)', 'a IS NOT NULL AND b IS NOT NULL'],
  ['NOT NOT a IS NULL', 'a IS NULL'],
  ['"deleted_at" IS NULL AND ("status" = \'a\' OR "status" = \'b\')', "((deleted_at IS NULL) AND (status = ANY (ARRAY['a'::text, 'b'::text])))"],
  ['flag', '(flag)'],
  ['NOT flag', '(NOT flag)'],
  ['flag = true', '(flag = TRUE)'],
  ['"active" = true', 'active = 1'],
  ['"active" = false', 'active = 0'],
  ['pg_catalog.lower(email) = \'a\'', "lower(email) = 'a'"],
  ['a = 1 -- the live row\n', '/* live */ a = 1'],
  ['"Status" = \'a\'', '("Status" = \'a\'::text)'],
];

/** Pairs that differ in meaning: never the same. */
const DIFFERENT: readonly (readonly [string, string])[] = [
  ['a = 1 OR b = 2', 'a = 1 AND b = 2'],
  ['a = 1', 'a = 2'],
  ['a = 1', 'b = 1'],
  ["status = 'active'", "status = 'Active'"],
  ["status = '1'", 'status = 1'],
  ['deleted_at IS NULL', 'deleted_at IS NOT NULL'],
  ['x > 1', 'x >= 1'],
  ['x > 1', 'x < 1'],
  ['1 < x', 'x < 1'],
  ["status IN ('a', 'b')", "status IN ('a', 'c')"],
  ["status IN ('a', 'b')", "status NOT IN ('a', 'b')"],
  ["status IN ('a', 'b')", "status = 'a' AND status = 'b'"],
  ["status NOT IN ('a', 'b')", "status <> 'a' OR status <> 'b'"],
  ["status = 'a' OR kind = 'b'", "status IN ('a', 'b')"],
  ['"Status" = \'a\'', "status = 'a'"],
  ["email LIKE 'a%'", "email ILIKE 'a%'"],
  ["email LIKE 'a%'", "email NOT LIKE 'a%'"],
  ["email LIKE 'a%'", "email = 'a%'"],
  ['a IS NULL AND b IS NULL', 'a IS NULL'],
  ['a IS NULL', 'a IS NULL OR b IS NULL'],
  ['NOT (a = 1 AND b = 2)', 'a <> 1 AND b <> 2'],
  ['flag', 'NOT flag'],
  ['flag', 'flag = false'],
  ['flag = true', 'flag = false'],
  ['active = true', 'active = 2'],
  ["lower(email) = 'a'", "upper(email) = 'a'"],
  ["lower(email) = 'a'", "email = 'a'"],
  ['x = 1', 'x = -1'],
  ['x > 10', "x > '10'"],
  ['(x)::numeric(10,0) = 1', 'x = 1'],
  ["'a b' = s", "'a  b' = s"],
  ['a = 1 AND (b = 2 OR c = 3)', '(a = 1 AND b = 2) OR c = 3'],
  // A cast that changes the value: truncated, rounded, padded, its time dropped, compared without case.
  ["x = 'abcd'::varchar(3)", "x = 'abcd'"],
  ["x = 'ab'::char", "x = 'ab'"],
  ["x = 'a '::bpchar", "x = 'a '"],
  ["x = 'ab'::character(1)", "x = 'ab'"],
  ['x = 1.5::integer', 'x = 1.5'],
  ["x = '2.5'::int", "x = '2.5'"],
  ["x = '1.55'::numeric(3,1)", 'x = 1.55'],
  ['x = 0.1::real', 'x = 0.1'],
  ["ts > '2024-01-01 12:00'::date", "ts > '2024-01-01 12:00'"],
  ["x = 'ABC'::citext", "x = 'ABC'"],
  ["(x)::varchar(2) LIKE '%z'", "x LIKE '%z'"],
  ["(x)::char = 'a'", "x = 'a'"],
  ["(x)::character(3) = 'a'", "x = 'a'"],
  ["(ARRAY['abcd'])::varchar(2)[] = tags", "ARRAY['abcd'] = tags"],
  // Two schemas' functions.
  ['a.f(x) = 1', 'b.f(x) = 1'],
  // Unquoted names fold in ASCII only; only ASCII is white space.
  ['Äx = 1', '"äx" = 1'],
  ['x =\u00a01', 'x = 1'],
  // SQLite writes 1.0 and 1 differently into a text column (the type not known here).
  ['x = 1', 'x = 1.0'],
  ['x IN (1, 2)', 'x IN (1.0, 2)'],
];

/** Texts PostgreSQL and SQLite read differently: not read, compared as texts (so never equal to another). */
const AMBIGUOUS: readonly (readonly [string, string])[] = [
  // PostgreSQL nests block comments: `x = 1`; SQLite does not: `x = 1 AND y = 2`.
  ['x = 1 /* /* */ AND y = 2 --*/', 'x = 1 AND y = 2'],
  ['x = 1 /* /* */ AND y = 2 --*/', 'x = 1'],
  // PostgreSQL ends a line comment at \r: `x = 1 AND y = 2`; SQLite at \n only: `x = 1`.
  ['x = 1 --\r AND y = 2', 'x = 1'],
  ['x = 1 --\r AND y = 2', 'x = 1 AND y = 2'],
  // `||` binds below `+` and `*` in PostgreSQL, above them in SQLite.
  ["x = 1 + 2 || 'a'", "x = (1 + 2) || 'a'"],
  ["x = 2 * 3 || 'a'", "x = (2 * 3) || 'a'"],
  ["x = 2 * 3 || 'a'", "x = 2 * (3 || 'a')"],
];

describe('samePredicate', () => {
  it.each(SAME)('%s  ≡  %s', (a, b) => {
    expect(samePredicate(a, b)).toBe(true);
    expect(samePredicate(b, a)).toBe(true);
  });

  it.each(DIFFERENT)('%s  ≢  %s', (a, b) => {
    expect(samePredicate(a, b)).toBe(false);
    expect(samePredicate(b, a)).toBe(false);
  });

  it.each(AMBIGUOUS)('%s  ≢  %s (read two ways: not read)', (a, b) => {
    expect(canonicalPredicate(a)).toBeUndefined();
    expect(samePredicate(a, b)).toBe(false);
    expect(samePredicate(b, a)).toBe(false);
  });

  it('a number with a point is the integer against a column known not to hold text', () => {
    const numeric = { textColumn: (name: string) => (name === 'n' ? false : name === 's' ? true : undefined) };
    expect(samePredicate('n = 1', 'n = 1.0', numeric)).toBe(true);
    expect(samePredicate('n IN (1, 2)', 'n IN (1.0, 2e0)', numeric)).toBe(true);
    expect(samePredicate('1.0 < n', 'n > 1', numeric)).toBe(true);
    expect(samePredicate('s = 1', 's = 1.0', numeric)).toBe(false);
    expect(samePredicate('other = 1', 'other = 1.0', numeric)).toBe(false);
  });

  it('every predicate of both tables is read (none falls back to comparing texts)', () => {
    const unread = [...SAME, ...DIFFERENT].flat().filter((p) => canonicalPredicate(p) === undefined);
    expect(unread).toEqual([]);
  });

  describe("a column's cast to text", () => {
    const varchar = { textColumn: (name: string) => (name === 'code' ? true : name === 'n' ? false : undefined) };
    it.each([
      ['a text column: dropped in every comparison', '"code" > \'m\'', "((code)::text > 'm'::text)", varchar, true],
      ['a column of unknown type: dropped in equality', '"other" = \'m\'', "((other)::text = 'm'::text)", varchar, true],
      ['a column of unknown type: kept in an ordering', '"other" > \'m\'', "((other)::text > 'm'::text)", varchar, false],
      ['a column known not to be text: kept even in equality', '"n" = \'01\'', "((n)::text = '01'::text)", varchar, false],
      ['a text column in a function call', 'lower("code") = \'a\'', "(lower((code)::text) = 'a'::text)", varchar, true],
      ['a column of unknown type in a function call: kept', 'lower("other") = \'a\'', "(lower((other)::text) = 'a'::text)", varchar, false],
    ])('%s', (_name, a, b, context, same) => {
      expect(samePredicate(a, b, context)).toBe(same);
      expect(samePredicate(b, a, context)).toBe(same);
    });
  });

  it('what it cannot read is equal only to the same text', () => {
    expect(canonicalPredicate('a IS DISTINCT FROM b')).toBeUndefined();
    expect(samePredicate('a IS DISTINCT FROM b', ' a IS DISTINCT FROM b ')).toBe(true);
    expect(samePredicate('a IS DISTINCT FROM b', 'a IS DISTINCT FROM c')).toBe(false);
    expect(samePredicate('a IS DISTINCT FROM b', 'a IS NULL')).toBe(false);
    expect(canonicalPredicate("status = 'unterminated")).toBeUndefined();
    expect(canonicalPredicate('')).toBeUndefined();
  });
});
