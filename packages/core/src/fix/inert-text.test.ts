import { inertText } from './inert-text';

describe('inertText', () => {
  it.each([
    ['x\rCREATE TABLE injected (x int); --', 'x\\rCREATE TABLE injected (x int); --'],
    ['a\r\nb\nc', 'a\\r\\nb\\nc'],
    ['vt\vff\f', 'vt\\vff\\f'],
    ['nul\0soh\x01us\x1fdel\x7f', 'nul\\0soh\\x01us\\x1fdel\\x7f'],
    ['nel\u0085csi\u009b', 'nel\\x85csi\\x9b'],
    ['ls\u2028ps\u2029', 'ls\\u2028ps\\u2029'],
    ['rlo\u202Eevil\u202C lri\u2066x\u2069 rlm\u200F alm\u061C', 'rlo\\u202eevil\\u202c lri\\u2066x\\u2069 rlm\\u200f alm\\u061c'],
    ['lone\ud800 high', 'lone\\ud800 high'],
  ])('shows %j as %j', (text, shown) => {
    expect(inertText(text)).toBe(shown);
  });

  it.each([['tab\there'], ['Naïve Ünïcødé'], ['emoji 😀'], ['back\\slash'], ['we"ird it\'s $oto$']])('keeps %j as it is', (text) => {
    expect(inertText(text)).toBe(text);
  });

  it('leaves no line terminator of PostgreSQL, MySQL, SQLite, JavaScript or Unicode, and changes nothing more when applied again', () => {
    const all = Array.from({ length: 0x3000 }, (_, i) => String.fromCharCode(i)).join('');
    const shown = inertText(all);
    expect(shown).not.toMatch(/[\n\r\v\f\0\u0085\u2028\u2029\u202e]/);
    expect(shown.split(/\r\n|[\n\r\u2028\u2029]/)).toHaveLength(1);
    expect(inertText(shown)).toBe(shown);
  });
});
