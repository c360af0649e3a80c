import { UserError } from '../errors';
import { isMissingPackage, requireOptional } from './optional-package';

describe('requireOptional', () => {
  it('returns what the load returns when the package is there', () => {
    expect(requireOptional('node:path', 'paths', () => require('node:path') as typeof import('node:path')).sep).toBe(require('node:path').sep);
  });

  it('names the package to install, in one line, when it is missing', () => {
    const load = () => requireOptional('oto-no-such-package', 'Reading a Foo database', () => require('oto-no-such-package') as unknown);
    expect(load).toThrow(UserError);
    expect(load).toThrow(/^Reading a Foo database needs the package oto-no-such-package, which is not installed: npm install --save-dev oto-no-such-package$/);
  });

  it('lets through a missing dependency of the package itself, and other errors', () => {
    const inner = Object.assign(new Error("Cannot find module 'left-pad'"), { code: 'MODULE_NOT_FOUND' });
    expect(() => requireOptional('pg', 'PostgreSQL', () => { throw inner; })).toThrow(inner);
    const other = new TypeError('boom');
    expect(() => requireOptional('pg', 'PostgreSQL', () => { throw other; })).toThrow(other);
  });

  it('recognises a subpath of the package as the package', () => {
    const e = Object.assign(new Error("Cannot find module 'mysql2/promise'\nRequire stack: …"), { code: 'MODULE_NOT_FOUND' });
    expect(isMissingPackage(e, 'mysql2')).toBe(true);
    expect(isMissingPackage(e, 'mysql')).toBe(false);
  });
});
