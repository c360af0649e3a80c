import { oneLine } from './errors';

describe('oneLine', () => {
  it('keeps the first non-empty line of a message', () => {
    expect(oneLine(new Error('\n  first line  \nsecond'))).toBe('first line');
    expect(oneLine('plain')).toBe('plain');
  });
});
