import { redactSecrets, redactUrl, secretsOf } from './redact';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

/** [URL as given, as oto shows it]: every form a connection URL takes. */
const URLS: readonly (readonly [string, string])[] = [
  // userinfo
  ['postgresql://oto:S3cret@127.0.0.1:5432/oto', 'postgresql://oto:***@127.0.0.1:5432/oto'],
  ['postgres://:S3cret@db.internal/app', 'postgres://:***@db.internal/app'],
  ['mysql://root@127.0.0.1/x', 'mysql://root@127.0.0.1/x'],
  ['postgres://localhost/db', 'postgres://localhost/db'],
  ['postgres://oto:@localhost/db', 'postgres://oto:@localhost/db'],
  // percent-encoded passwords, and an `@` inside one
  ['mysql://root:p%40ss%2Fw0rd@127.0.0.1/x', 'mysql://root:***@127.0.0.1/x'],
  ['postgresql://oto:p@ss@127.0.0.1/oto', 'postgresql://oto:***@127.0.0.1/oto'],
  // query parameters, names matched case-insensitively on fragments, names percent-encoded too
  ['postgresql://oto@127.0.0.1:5432/oto?password=S3cret', 'postgresql://oto@127.0.0.1:5432/oto?password=***'],
  ['postgresql://oto@h/oto?sslmode=require&PassWord=S3cret&application_name=x', 'postgresql://oto@h/oto?sslmode=require&PassWord=***&application_name=x'],
  ['postgresql://h/oto?pass%77ord=S3cret', 'postgresql://h/oto?pass%77ord=***'],
  ['postgresql://h/oto?sslpassword=S3cret&sslkey=-----BEGIN&sslcert=/c.pem&sslmode=verify-full', 'postgresql://h/oto?sslpassword=***&sslkey=***&sslcert=***&sslmode=verify-full'],
  ['mysql://h/db?pwd=1&passwd=2&pass=3', 'mysql://h/db?pwd=***&passwd=***&pass=***'],
  ['libsql://db.turso.io?authToken=S3cret', 'libsql://db.turso.io?authToken=***'],
  ['https://h/x?token=1&access_token=2&auth_token=3&api_key=4&apikey=5&secret=6&client_secret=7', 'https://h/x?token=***&access_token=***&auth_token=***&api_key=***&apikey=***&secret=***&client_secret=***'],
  ['postgres://h/db?connect_timeout=10;password=S3cret', 'postgres://h/db?connect_timeout=10;password=***'],
  // a value that is itself a URL with credentials
  ['postgres://h/db?fallback=postgres%3A%2F%2Fu%3AS3cret%40h2%2Fdb', 'postgres://h/db?fallback=***'],
  // the whole query string when unsure: a bare value, a name oto cannot read, bad encoding
  ['postgres://h/db?S3cret', 'postgres://h/db?***'],
  ['postgres://h/db?sslmode=require&S3cret', 'postgres://h/db?***'],
  ['postgres://h/db?a%20b=S3cret', 'postgres://h/db?***'],
  ['postgres://h/db?x=%E0%A4%A', 'postgres://h/db?***'],
  // the fragment
  ['postgres://h/db#S3cret', 'postgres://h/db#***'],
  // URLs that do not parse: everything between `://` and the last `@`
  ['postgresql://oto:Sl/ashPw@127.0.0.1:5432/oto', 'postgresql://***@127.0.0.1:5432/oto'],
  ['mysql://oto:My Pw@[bad/oto', 'mysql://***@[bad/oto'],
  ['postgresql://oto:a?b#c@127.0.0.1/oto?password=S3cret', 'postgresql://***@127.0.0.1/oto?password=***'],
  // IPv6 hosts
  ['postgresql://oto:S3cret@[::1]:5432/oto', 'postgresql://oto:***@[::1]:5432/oto'],
  ['postgresql://oto:S3cret@[fe80::1%25eth0]/oto?password=S3cret', 'postgresql://***@[fe80::1%25eth0]/oto?password=***'],
  // chained schemes
  ['jdbc:postgresql://oto:S3cret@h/oto', 'jdbc:postgresql://oto:***@h/oto'],
  // paths: sqlite:, pglite:, file:, bare files
  ['sqlite:./app.db', 'sqlite:./app.db'],
  ['sqlite:./app.db?password=S3cret', 'sqlite:./app.db?password=***'],
  ['file:./dev.db?mode=ro&key=S3cret', 'file:./dev.db?mode=ro&key=***'],
  ['file:///tmp/dev.db', 'file:///tmp/dev.db'],
  ['pglite:/var/data/oto', 'pglite:/var/data/oto'],
  ['pglite:./data?authToken=S3cret', 'pglite:./data?authToken=***'],
  ['./data/app.sqlite', './data/app.sqlite'],
];

describe('redactUrl', () => {
  it.each(URLS)('%s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });

  it('shows no secret of the table', () => {
    const secrets = ['S3cret', 'p%40ss', 'p@ss', 'Sl/ashPw', 'My Pw', 'BEGIN', 'a?b#c', '/c.pem'];
    for (const [url] of URLS) for (const secret of secrets.filter((s) => url.includes(s))) expect(redactUrl(url)).not.toContain(secret);
  });
});

describe('redactSecrets', () => {
  it.each([
    ['cannot reach postgres://app:s3cr3t@db.internal:5432/app (timeout)', 'cannot reach postgres://app:***@db.internal:5432/app (timeout)'],
    ['mysql://root:p%40ss@127.0.0.1/x and file:///tmp/a:b', 'mysql://root:***@127.0.0.1/x and file:///tmp/a:b'],
    ['database URL mysql://oto:My Pw@[bad/oto is not a valid URL', 'database URL mysql://***@[bad/oto is not a valid URL'],
    ['failed: "postgresql://oto@h/oto?password=S3cret", retrying', 'failed: "postgresql://oto@h/oto?password=***", retrying'],
    ['url=postgres://u:S3cret@h/db;', 'url=postgres://u:***@h/db;'],
    ['(see postgres://u@h/db?password=S3cret), then [mysql://u@[::1]/db?token=S3cret].', '(see postgres://u@h/db?password=***), then [mysql://u@[::1]/db?token=***].'],
    ['cannot reach postgres://u@h/db?password=S3cret, retrying', 'cannot reach postgres://u@h/db?password=***, retrying'],
    ['opening sqlite:./app.db?key=S3cret failed', 'opening sqlite:./app.db?key=*** failed'],
    ['conninfo host=db user=oto password=S3cret dbname=oto', 'conninfo host=db user=oto password=*** dbname=oto'],
    ["PGPASSWORD='S3 cret' and api_key = S3cret", "PGPASSWORD=*** and api_key = ***"],
    [`config {"host":"db","password":"S3cret"} and { secret: 'S3cret' }`, `config {"host":"db","password":"***"} and { secret: '***' }`],
    ['at Object.<anonymous> (file:///app/src/db.ts:10:5)', 'at Object.<anonymous> (file:///app/src/db.ts:10:5)'],
    ['postgres://localhost:5432 failed for user@example.com', 'postgres://localhost:5432 failed for user@example.com'],
    ['Unexpected token } in JSON at position 3; key (id)=(1) exists', 'Unexpected token } in JSON at position 3; key (id)=(1) exists'],
    ['first postgres://a:S3cret@h/db\nthen mysql://b:S3cret@h/db', 'first postgres://a:***@h/db\nthen mysql://b:***@h/db'],
  ])('%s', (text, shown) => {
    expect(redactSecrets(text)).toBe(shown);
  });

  it('is idempotent', () => {
    for (const [url] of URLS) expect(redactSecrets(redactSecrets(url))).toBe(redactSecrets(url));
  });
});

describe('secretsOf', () => {
  it.each([
    ['postgresql://oto:S3cret@h/db', ['S3cret']],
    ['postgresql://oto:p%40ss%2Fw0rd@h/db', ['p%40ss%2Fw0rd', 'p@ss/w0rd']],
    ['postgresql://oto@h/db?sslmode=require&sslkey=%2Fkeys%2Fme.key&password=S3cret', ['%2Fkeys%2Fme.key', '/keys/me.key', 'S3cret']],
    ['postgresql://oto:Sl/ashPw@h/db', ['oto:Sl/ashPw', 'Sl/ashPw']],
    ['postgres://h/db?pwd=1#fragment', ['fragment']],
    ['postgres://localhost/db', []],
  ])('%s', (url, secrets) => {
    expect(secretsOf(url)).toEqual([...secrets].sort((a, b) => b.length - a.length));
  });

  it('lets redactSecrets mask a secret a driver echoes on its own', () => {
    const url = 'postgresql://oto@h/db?sslkey=S3cretKeyPath';
    expect(redactSecrets("ENOENT: no such file or directory, open 'S3cretKeyPath'", secretsOf(url))).toBe("ENOENT: no such file or directory, open '***'");
  });
});
