import { atMostOne, exactlyOne, formatKey, OneToOneNotFoundError, OneToOneViolationError } from './index';

const read = { relation: 'User.profile', table: 'profile', key: { userId: 7 } };

describe('atMostOne', () => {
  it.each([
    [[], null],
    [[{ id: 1 }], { id: 1 }],
  ])('returns the row or null: %j', (rows, expected) => {
    expect(atMostOne(rows, read)).toEqual(expected);
  });

  it('throws OneToOneViolationError on a second row, with what was read', () => {
    const error = (() => {
      try {
        atMostOne([{ id: 1 }, { id: 2 }], read);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(OneToOneViolationError);
    expect(error).toMatchObject({ name: 'OneToOneViolationError', code: 'OTO_ONE_TO_ONE_VIOLATION', relation: 'User.profile', table: 'profile', key: { userId: 7 }, rows: 2 });
    expect((error as Error).message).toBe(
      "one-to-one User.profile violated: profile holds two or more rows for { userId: 7 }; the database does not enforce the relation's UNIQUE (run `oto check --database-url …` to see where)",
    );
  });
});

describe('exactlyOne', () => {
  it('returns the single row', () => {
    expect(exactlyOne([{ id: 1 }], read)).toEqual({ id: 1 });
  });

  it('throws OneToOneNotFoundError for none', () => {
    expect(() => exactlyOne([], read)).toThrow(OneToOneNotFoundError);
    expect(() => exactlyOne([], read)).toThrow('one-to-one User.profile: no profile row for { userId: 7 }, and the relation is required');
  });

  it('throws OneToOneViolationError for two', () => {
    expect(() => exactlyOne([1, 2], read)).toThrow(OneToOneViolationError);
  });

  it('returns a falsy row as it is', () => {
    expect(exactlyOne([0], read)).toBe(0);
  });
});

describe('formatKey', () => {
  it.each([
    [{ id: 1 }, '{ id: 1 }'],
    [{ a: 'x"y', b: 2n }, '{ a: "x\\"y", b: 2n }'],
    [{ at: new Date('2026-01-02T03:04:05Z'), n: null }, '{ at: 2026-01-02T03:04:05.000Z, n: null }'],
    [{ d: { toString: () => '1.50' } }, '{ d: 1.50 }'],
    [{ o: { nested: true } }, '{ o: {…} }'],
  ])('%j → %s', (key, expected) => {
    expect(formatKey(key)).toBe(expected);
  });
});
