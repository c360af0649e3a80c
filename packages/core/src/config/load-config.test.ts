import { tempProjects } from '../testing/temp-projects';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfigFile } from './load-config';

const projects = tempProjects('load-config');

describe('loadConfigFile: a config that cannot be read says why, naming the file', () => {
  it.each([
    ['bad JSON keeps the reason after the colon', { 'oto.config.json': '{ "failOn": \n' }, /^oto\.config\.json: could not read the oto config: not valid JSON: \S.+$/],
    ['bad YAML keeps the reason after the colon', { '.otorc': 'failOn: [\n' }, /^\.otorc: could not read the oto config: not valid YAML: \S.+$/],
    ['an empty oto.config.json is no config', { 'oto.config.json': '' }, /^oto\.config\.json: the oto config is empty: write its settings \(`\{\}` for none\), or remove the file$/],
    ['an empty .otorc is no config', { '.otorc': '\n' }, /^\.otorc: the oto config is empty: /],
  ])('%s', async (name, files, message) => {
    const dir = projects(name.replace(/\W+/g, '-'), { 'package.json': '{}', ...files });
    await expect(loadConfigFile({ cwd: dir })).rejects.toThrow(message);
    await expect(loadConfigFile({ cwd: dir, file: Object.keys(files)[0] as string })).rejects.toThrow(message);
  });

  it('a folder named oto.config.json, where the search or --config looks, is an error (it was skipped silently)', async () => {
    const dir = projects('folder', { 'package.json': '{}', 'sub/x': '' });
    fs.mkdirSync(path.join(dir, 'oto.config.json'));
    const message = /^oto\.config\.json: is a folder, not an oto config file: remove or rename it, or give the file with --config$/;
    await expect(loadConfigFile({ cwd: dir })).rejects.toThrow(message);
    await expect(loadConfigFile({ cwd: dir, file: 'oto.config.json' })).rejects.toThrow(message);
    await expect(loadConfigFile({ cwd: path.join(dir, 'sub') })).rejects.toThrow(/^\/.*\/folder\/oto\.config\.json: is a folder/);
  });

  it('`{}` is a config with no settings', async () => {
    const dir = projects('braces', { 'package.json': '{}', 'oto.config.json': '{}' });
    expect((await loadConfigFile({ cwd: dir })).config).toEqual({});
  });
});
