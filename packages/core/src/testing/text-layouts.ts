/**
 * The layouts a schema file may have, for table tests of the editors: each turns a text written
 * with `\n` into that layout (CRLF line breaks, a UTF-8 byte order mark, both).
 */
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const bom = (text: string) => `\uFEFF${text}`;

export const TEXT_LAYOUTS: readonly [string, (text: string) => string][] = [
  ['LF', (text) => text],
  ['CRLF', crlf],
  ['a BOM', bom],
  ['a BOM and CRLF', (text) => bom(crlf(text))],
];
