/** Rule docs travel with @oto/core (docs/rules/<id>.md), and SARIF rules link them once `docsUrl` is set. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from '../reporters';
import { ruleDocPath, ruleDocUrl } from '../reporters/sarif';
import { RULES } from '../rules';
import type { Report } from '../report';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const EMPTY = { version: 1, relations: [], diagnostics: [], summary: { errors: 0, warnings: 0, infos: 0, relations: 0, oneToOne: 0 } } as unknown as Report;
type SarifRule = { id: string; helpUri?: string; help: { text: string } };
const sarifRules = (options: { docsUrl?: string } = {}): SarifRule[] => JSON.parse(format(EMPTY, 'sarif', options)).runs[0].tool.driver.rules;

describe('rule docs', () => {
  it.each(RULES.map((r) => r.id))('%s has its page in docs/rules, the folder @oto/core ships', (id) => {
    expect(fs.existsSync(path.join(ROOT, ruleDocPath(id)))).toBe(true);
  });

  it('@oto/core copies docs/rules into the package before it is packed, and lists it in files', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'packages/core/package.json'), 'utf8'));
    expect(pkg.files).toContain('docs');
    expect(pkg.scripts.prepack).toMatch(/docs\/rules/);
  });

  it('SARIF rules have no helpUri without docsUrl', () => {
    const rules = sarifRules();
    expect(rules.length).toBe(RULES.length);
    expect(rules.filter((r) => 'helpUri' in r)).toEqual([]);
  });

  it.each([
    ['https://example.org/oto/rules', 'https://example.org/oto/rules/one-to-one-unique.md'],
    ['https://example.org/oto/rules/', 'https://example.org/oto/rules/one-to-one-unique.md'],
    ['https://example.org/rules/{ruleId}.html', 'https://example.org/rules/one-to-one-unique.html'],
  ])('docsUrl %s gives each rule its helpUri', (docsUrl, expected) => {
    expect(ruleDocUrl(docsUrl, 'one-to-one-unique')).toBe(expected);
    const rules = sarifRules({ docsUrl });
    expect(rules.find((r) => r.id === 'one-to-one-unique')?.helpUri).toBe(expected);
    for (const r of rules) {
      expect(r.helpUri).toBe(ruleDocUrl(docsUrl, r.id));
      expect(r.help.text).toContain(r.helpUri);
    }
  });
});
