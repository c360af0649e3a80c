import { restoreLayout, toEditable } from './text-layout';

describe('toEditable / restoreLayout', () => {
  const edit = (text: string) => toEditable(text).replace('b\n', 'b\nadded\n').replace('c', 'c changed');

  it.each<[string, string, string]>([
    ['LF', 'a\nb\nc\n', 'a\nb\nadded\nc changed\n'],
    ['CRLF: the added line and the changed one take CRLF', 'a\r\nb\r\nc\r\n', 'a\r\nb\r\nadded\r\nc changed\r\n'],
    ['a BOM is kept', '\uFEFFa\nb\nc\n', '\uFEFFa\nb\nadded\nc changed\n'],
    ['a BOM and CRLF', '\uFEFFa\r\nb\r\nc\r\n', '\uFEFFa\r\nb\r\nadded\r\nc changed\r\n'],
    ['no final line break', 'a\r\nb\r\nc', 'a\r\nb\r\nadded\r\nc changed'],
    ['mixed: each line keeps its own ending, the added one takes the usual (CRLF)', 'a\r\nb\nc\r\nd\r\n', 'a\r\nb\nadded\r\nc changed\r\nd\r\n'],
    ['mixed, mostly LF: the added line takes LF, the changed line keeps its CRLF', 'a\nb\nc\r\nd\ne\n', 'a\nb\nadded\nc changed\r\nd\ne\n'],
    ['a lone CR is text, left as it is', 'a\r\nb\r\nc\rx\r\n', 'a\r\nb\r\nadded\r\nc changed\rx\r\n'],
  ])('%s', (_, original, expected) => {
    expect(restoreLayout(original, edit(original))).toBe(expected);
  });

  it('gives editors the text without a BOM and with \\n line breaks', () => {
    expect(toEditable('\uFEFFa\r\nb\nc\r')).toBe('a\nb\nc\r');
  });

  it('an unchanged text comes back byte for byte', () => {
    for (const original of ['\uFEFFa\r\nb\nc\r\n', 'x\r\n\r\n\ny', '']) expect(restoreLayout(original, toEditable(original))).toBe(original);
  });
});
