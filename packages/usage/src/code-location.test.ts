import { Unresolved, unresolvedReason } from './code-location';

describe('unresolvedReason', () => {
  it("is the recogniser's reason", () => {
    expect(unresolvedReason(new Unresolved('with key x is no relation of user'))).toBe('with key x is no relation of user');
  });
  it('names what failed in one line for any other error: one call never stops the check', () => {
    expect(unresolvedReason(new TypeError('Cannot read properties of undefined\n    at x'))).toBe('oto could not read this call (Cannot read properties of undefined)');
  });
});
