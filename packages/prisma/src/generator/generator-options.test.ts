import { parseGeneratorOptions, toConfig } from './generator-options';

describe('generator options', () => {
  it('takes failOn, naming, rules (one or many) and config', () => {
    expect(toConfig(parseGeneratorOptions({ failOn: 'warning', naming: 'infix', rules: 'one-to-one-naming = off' }))).toEqual({
      failOn: 'warning',
      naming: 'infix',
      rules: { 'one-to-one-naming': 'off' },
    });
    expect(toConfig(parseGeneratorOptions({ rules: ['hidden-one-to-one=error', 'false-one-to-one: info'] })).rules).toEqual({
      'hidden-one-to-one': 'error',
      'false-one-to-one': 'info',
    });
    expect(parseGeneratorOptions({ config: '../oto.config.json' }).config).toBe('../oto.config.json');
    expect(toConfig(parseGeneratorOptions({}))).toEqual({});
  });

  it.each([
    [{ colour: 'red' }, 'generator oto: Unrecognized key: "colour"'],
    [{ failOn: 'sometimes' }, 'generator oto: failOn: Invalid option: expected one of "error"|"warning"|"never"'],
    [{ naming: 'suffix' }, 'generator oto: naming: Invalid option: expected one of "prefix"|"infix"|"off"'],
    [{ rules: 'no-such-rule = off' }, 'generator oto: rules.0: unknown rule "no-such-rule"'],
    [{ rules: ['one-to-one-unique = loud'] }, 'generator oto: rules.0: unknown severity "loud" for one-to-one-unique'],
    [{ rules: 'off' }, 'generator oto: rules.0: "off": expected "<rule-id> = <severity>"'],
  ])('rejects %j with one line', (raw, message) => {
    expect(() => parseGeneratorOptions(raw)).toThrow(message);
  });
});

describe('generator options: eslint habits', () => {
  it('accepts warn for warning in rules and failOn', () => {
    expect(toConfig(parseGeneratorOptions({ failOn: 'warn', rules: ['one-to-one-naming = warn'] }))).toEqual({
      failOn: 'warning',
      rules: { 'one-to-one-naming': 'warning' },
    });
  });
  it.each([
    [{ rules: 'hiden-one-to-one = off' }, 'generator oto: rules.0: unknown rule "hiden-one-to-one" (did you mean "hidden-one-to-one"?): one of '],
    [{ failon: 'error' }, 'generator oto: Unrecognized key: "failon" (did you mean "failOn"?), allowed: failOn, naming, rules, config, accessors'],
  ])('%j gets a did-you-mean', (raw, message) => {
    expect(() => parseGeneratorOptions(raw)).toThrow(message);
  });
});
