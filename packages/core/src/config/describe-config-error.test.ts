import { otoConfigSchema, parseConfig, resolveConfig } from './config';
import { didYouMean } from './describe-config-error';

const fails = (input: unknown) => {
  try {
    parseConfig(input, 'oto.config.json');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('parseConfig accepted it');
};

describe('oto config errors: every bad key at once, with a did-you-mean and the allowed values', () => {
  it.each<[string, unknown, string]>([
    ['a misspelt top-level key', { faiOn: 'error' }, `oto.config.json: Unrecognized key: "faiOn" (did you mean "failOn"?), allowed: ${Object.keys(otoConfigSchema.shape).join(', ')}`],
    ['a misspelt rule id', { rules: { 'one-to-one-uniqe': 'off' } }, 'oto.config.json: rules: Unrecognized key: "one-to-one-uniqe" (did you mean "one-to-one-unique"?), allowed: one-to-one-unique,'],
    ['a key far from any', { colour: true }, 'oto.config.json: Unrecognized key: "colour", allowed: rules,'],
    ['a nested key', { ignore: { table: ['x'] } }, 'oto.config.json: ignore: Unrecognized key: "table" (did you mean "tables"?), allowed: tables, relations'],
    ['a bad value lists the allowed ones', { failOn: 'always' }, 'oto.config.json: failOn: Invalid option: expected one of "error"|"warning"|"never"|"warn"'],
  ])('%s', (_, input, message) => {
    expect(fails(input)).toContain(message);
  });

  it('the allowed top-level keys are the schema\'s, typeorm among them', () => {
    expect(Object.keys(otoConfigSchema.shape)).toEqual(expect.arrayContaining(['rules', 'naming', 'failOn', 'typeorm', 'usage']));
  });

  it('reports every bad key and value of the file in one line', () => {
    const message = fails({ faiOn: 'x', naming: 'suffix', rules: { 'hiden-one-to-one': 'warn', 'one-to-one-unique': 'loud' }, ignore: { table: [] } });
    expect(message.split('\n')).toHaveLength(1);
    const problems = message.replace(/^oto\.config\.json: /, '').split('; ');
    expect(problems.map((p) => p.replace(/, allowed: .*$/, ''))).toEqual([
      'rules: Unrecognized key: "hiden-one-to-one" (did you mean "hidden-one-to-one"?)',
      'ignore: Unrecognized key: "table" (did you mean "tables"?)',
      'Unrecognized key: "faiOn" (did you mean "failOn"?)',
      'rules.one-to-one-unique: expected a severity (error, warning or warn, info, off) or [severity, options]',
      'naming: Invalid option: expected one of "prefix"|"infix"|"off"',
    ]);
  });

  it('accepts warn for warning, as eslint does, in rules and failOn', () => {
    const config = parseConfig({ failOn: 'warn', rules: { 'one-to-one-naming': 'warn', 'hidden-one-to-one': ['warn', {}] } }, 'cfg');
    expect(config).toEqual({ failOn: 'warning', rules: { 'one-to-one-naming': 'warning', 'hidden-one-to-one': ['warning', {}] } });
    const severities = new Map(resolveConfig(config).rules.map((r) => [r.rule.id, r.severity]));
    expect(severities.get('one-to-one-naming')).toBe('warning');
    expect(severities.get('hidden-one-to-one')).toBe('warning');
  });

  it.each<[string, readonly string[], string | undefined]>([
    ['failon', ['failOn', 'naming'], 'failOn'],
    ['output', ['out'], 'out'],
    ['zzz', ['failOn', 'naming'], undefined],
    ['x', [], undefined],
  ])('didYouMean(%j, %j) is %j', (key, allowed, expected) => {
    expect(didYouMean(key, allowed)).toBe(expected);
  });
});
