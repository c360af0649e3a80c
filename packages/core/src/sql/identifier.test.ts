import { fitIdentifier, keptIdentifier } from './identifier';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('keptIdentifier: the name the database keeps for a name written as it is', () => {
  it.each<[string, string, string, string]>([
    ['PostgreSQL, 63 bytes: whole', 'postgresql', 'a'.repeat(63), 'a'.repeat(63)],
    ['PostgreSQL, 64 bytes: its first 63', 'postgresql', 'a'.repeat(64), 'a'.repeat(63)],
    ['PostgreSQL never cuts a character in two (é is 2 bytes)', 'postgresql', `${'a'.repeat(62)}é`, 'a'.repeat(62)],
    ['CockroachDB as PostgreSQL', 'cockroachdb', 'b'.repeat(70), 'b'.repeat(63)],
    ['MySQL refuses a name past 64 characters, so keeps every name it takes', 'mysql', 'c'.repeat(70), 'c'.repeat(70)],
    ['SQLite has no limit', 'sqlite', 'd'.repeat(300), 'd'.repeat(300)],
  ])('%s', (_, dialect, name, kept) => {
    expect(keptIdentifier(name, dialect)).toBe(kept);
  });
});

describe('fitIdentifier: a long name oto writes, cut to the limit with a hash that keeps names apart', () => {
  it.each<[string, string, number, 'bytes' | 'chars']>([
    ['postgresql', `${'x'.repeat(70)}_key`, 63, 'bytes'],
    ['postgresql', 'é'.repeat(40), 63, 'bytes'],
    ['mysql', 'y'.repeat(80), 64, 'chars'],
  ])('%s: %s', (dialect, name, max, unit) => {
    const fitted = fitIdentifier(name, dialect);
    expect(unit === 'bytes' ? bytes(fitted) : [...fitted].length).toBeLessThanOrEqual(max);
    expect(fitted).toMatch(/_[0-9a-f]{6}$/);
    expect(fitIdentifier(`${name}2`, dialect)).not.toBe(fitted);
    expect(fitIdentifier(name, dialect)).toBe(fitted);
  });

  it('leaves a name within the limit as written', () => {
    expect(fitIdentifier('oto_profile_user_id_key', 'postgresql')).toBe('oto_profile_user_id_key');
  });
});
