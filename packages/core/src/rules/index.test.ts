/** The registry is kept honest: every rule file is registered, tested and documented, and back. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from './index';

const DOCS = path.resolve(__dirname, '../../../../docs/rules');
const NOT_RULES = new Set(['index.ts', 'rule.ts', 'relation-data.ts', 'database-data.ts', 'query-keys.ts']);
/** The schema rules' folder, and the usage rules' (over the application code's queries). */
const FOLDERS = [__dirname, path.resolve(__dirname, '../usage-rules')];
const folderOf = (id: string) => FOLDERS.find((f) => fs.existsSync(path.join(f, `${id}.ts`))) ?? __dirname;

describe('rule registry', () => {
  const files = FOLDERS.flatMap((folder) =>
    fs
      .readdirSync(folder)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_RULES.has(f))
      .map((f) => f.replace(/\.ts$/, '')),
  );

  it('lists every rule file once, under the file name as id', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual(files.sort());
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has a table test and a doc page naming its message ids', (id, rule) => {
    expect(fs.existsSync(path.join(folderOf(id), `${id}.test.ts`))).toBe(true);
    const doc = fs.readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    expect(doc).toContain(`**Default severity:** ${rule.defaultSeverity}`);
    for (const messageId of Object.keys(rule.messages)) expect(doc).toContain(`\`${messageId}\``);
    for (const section of ['## Problem', '## Fix', '## Examples']) expect(doc).toContain(section);
  });

  it('has no doc page without a rule', () => {
    expect(fs.readdirSync(DOCS).map((f) => f.replace(/\.md$/, '')).sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});
