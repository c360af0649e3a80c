import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfigFile } from './load-config';
import { mergeConfigs, parseConfig, resolveConfig } from './config';
import { check } from '../engine';
import { userProfile } from '../testing/fixtures';

describe('config', () => {
  it('resolves severities, rule options and the naming shorthand', () => {
    const config = resolveConfig(
      parseConfig(
        { rules: { 'hidden-one-to-one': 'error', 'one-to-one-both-required': 'off', 'false-one-to-one': ['info', { primaryNames: ['^main'] }] }, naming: 'infix' },
        'test',
      ),
    );
    const byId = new Map(config.rules.map((r) => [r.rule.id, r] as const));
    expect(byId.get('hidden-one-to-one')?.severity).toBe('error');
    expect(byId.has('one-to-one-both-required')).toBe(false);
    expect(byId.get('false-one-to-one')).toMatchObject({ severity: 'info', options: { primaryNames: ['^main'] } });
    expect(byId.get('one-to-one-naming')?.options).toEqual({ mode: 'infix' });
    expect(config.failOn).toBe('error');
    expect(resolveConfig({ naming: 'off' }).rules.some((r) => r.rule.id === 'one-to-one-naming')).toBe(false);
  });

  it.each([
    [{ rules: { 'no-such-rule': 'off' } }, /^oto\.config\.json: rules: Unrecognized key: "no-such-rule", allowed: one-to-one-unique, /],
    [{ rules: { 'one-to-one-unique': 'loud' } }, /^oto\.config\.json: rules\.one-to-one-unique: expected a severity \(error, warning or warn, info, off\)/],
    [{ naming: 'suffix' }, /^oto\.config\.json: naming: Invalid option/],
    [{ ignore: { table: ['x'] } }, /^oto\.config\.json: ignore: Unrecognized key: "table"/],
    [{ extra: true }, /^oto\.config\.json: Unrecognized key: "extra"/],
    // The misspelling, not the key it left missing.
    [{ accessors: { output: 'x.ts' } }, /^oto\.config\.json: accessors: Unrecognized key: "output" \(did you mean "out"\?\), allowed: out$/],
    [{ accessors: {} }, /^oto\.config\.json: accessors\.out: Invalid input/],
  ])('rejects %j naming the file and the key', (input, message) => {
    expect(() => parseConfig(input, 'oto.config.json')).toThrow(message);
  });

  it('rejects bad rule options naming the rule', () => {
    expect(() => resolveConfig({ rules: { 'false-one-to-one': ['warning', { timeSliceColumns: ['('] }] } }, 'cfg')).toThrow(
      /^cfg: rules\.false-one-to-one: timeSliceColumns\.0: not a valid regular expression$/,
    );
  });

  it('merges configs key by key', () => {
    expect(mergeConfigs({ rules: { 'one-to-one-unique': 'warning' }, failOn: 'warning' }, { rules: { 'hidden-one-to-one': 'off' } })).toEqual({
      rules: { 'one-to-one-unique': 'warning', 'hidden-one-to-one': 'off' },
      failOn: 'warning',
      ignore: {},
    });
  });

  it('adds stubs up across configs, each once, and validates them', () => {
    expect(mergeConfigs({ stub: ['@app/env'] }, {}, { stub: ['@app/env', 'src/redis.ts'] }).stub).toEqual(['@app/env', 'src/redis.ts']);
    expect(mergeConfigs({ failOn: 'never' }).stub).toBeUndefined();
    expect(() => parseConfig({ stub: '@app/env' }, 'cfg')).toThrow(/^cfg: stub: /);
  });

  it('drops findings on ignored tables and relations', () => {
    const model = userProfile({ uniques: [] });
    expect(check(model, resolveConfig({})).diagnostics.map((d) => d.ruleId)).toContain('one-to-one-unique');
    expect(check(model, resolveConfig({ ignore: { tables: ['profile'] } })).diagnostics).toEqual([]);
    expect(check(model, resolveConfig({ ignore: { relations: ['profileTousers'] } })).diagnostics).toEqual([]);
    expect(check(model, resolveConfig({ ignore: { relations: ['profile.users'] } })).diagnostics).toEqual([]);
  });

  describe('files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oto-config-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const project = (name: string, files: Record<string, string>) => {
      const root = path.join(dir, name);
      for (const [file, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), content);
      }
      return root;
    };

    it('finds oto.config.json upwards, package.json#oto, and a given file', async () => {
      const json = project('json', { 'package.json': '{}', 'oto.config.json': '{"failOn":"warning"}', 'sub/x': '' });
      expect((await loadConfigFile({ cwd: path.join(json, 'sub') })).config).toEqual({ failOn: 'warning' });
      const pkg = project('pkg', { 'package.json': '{"oto":{"naming":"infix"}}' });
      expect(await loadConfigFile({ cwd: pkg })).toEqual({ config: { naming: 'infix' }, file: path.join(pkg, 'package.json') });
      const js = project('js', { 'package.json': '{}', 'cfg/oto.js': 'module.exports = { failOn: "never" };' });
      expect((await loadConfigFile({ cwd: js, file: 'cfg/oto.js' })).config).toEqual({ failOn: 'never' });
      const none = project('none', { 'package.json': '{}' });
      expect(await loadConfigFile({ cwd: none })).toEqual({ config: {} });
    });

    it('reads oto.config.ts', async () => {
      const ts = project('ts', { 'package.json': '{}', 'oto.config.ts': 'const config: { naming: string } = { naming: "off" };\nexport default config;\n' });
      expect((await loadConfigFile({ cwd: ts })).config).toEqual({ naming: 'off' });
    });

    it('names the file on a bad or missing config', async () => {
      const bad = project('bad', { 'package.json': '{"oto":{"failOn":"always"}}' });
      await expect(loadConfigFile({ cwd: bad })).rejects.toThrow("package.json#oto: failOn: Invalid option");
      const broken = project('broken', { 'package.json': '{}', 'oto.config.json': '{ nope' });
      await expect(loadConfigFile({ cwd: broken })).rejects.toThrow(/oto\.config\.json/);
      await expect(loadConfigFile({ cwd: bad, file: 'missing.json' })).rejects.toThrow(/missing\.json: config file not found/);
    });
  });
});
