import { stringLiteral } from './source-edits';

describe('stringLiteral: a TypeScript string that evaluates to the value', () => {
  const values = ["it's", 'a "quote"', 'back\\slash', 'line\nbreak', 'cr\r\n', 'separators\u2028\u2029', '${x} `tick`', '\u202e bidi', 'é 😀', ''];
  it.each(["'", '"'] as const)('in %s quotes, on one line', (quote) => {
    for (const value of values) {
      const literal = stringLiteral(value, quote);
      expect(literal.startsWith(quote) && literal.endsWith(quote)).toBe(true);
      expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
      expect(new Function(`return ${literal};`)()).toBe(value);
    }
  });
});
