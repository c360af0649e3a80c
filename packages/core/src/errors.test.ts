import { oneLine, redactUrls } from './errors';

describe('redactUrls', () => {
  it('hides passwords of connection URLs and nothing else', () => {
    expect(redactUrls('cannot reach postgres://app:s3cr3t@db.internal:5432/app (timeout)')).toBe(
      'cannot reach postgres://app:***@db.internal:5432/app (timeout)',
    );
    expect(redactUrls('mysql://root:p%40ss@127.0.0.1/x and file:///tmp/a:b')).toBe('mysql://root:***@127.0.0.1/x and file:///tmp/a:b');
    expect(redactUrls('postgres://localhost/db')).toBe('postgres://localhost/db');
  });
});

describe('oneLine', () => {
  it('keeps the first non-empty line of a message', () => {
    expect(oneLine(new Error('\n  first line  \nsecond'))).toBe('first line');
    expect(oneLine('plain')).toBe('plain');
  });
});
