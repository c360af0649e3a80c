import { shownDatabase } from './shown-database';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

describe('shownDatabase', () => {
  it.each([
    ['postgresql://oto@127.0.0.1:5432/oto?password=S3cret', 'PostgreSQL database at 127.0.0.1:5432/oto'],
    ['postgres://oto:S3cret@db.internal/app?sslmode=require', 'PostgreSQL database at db.internal:5432/app'],
    ['postgresql://oto:S3cret@[::1]:6543/oto#S3cret', 'PostgreSQL database at [::1]:6543/oto'],
    ['postgresql://oto:Sl/ashPw@127.0.0.1/oto', 'PostgreSQL database'],
    ['mysql://oto:My Pw@[bad/oto', 'MySQL/MariaDB database'],
    ['mariadb://root:S3cret@127.0.0.1/shop?password=S3cret', 'MySQL/MariaDB database at 127.0.0.1:3306/shop'],
    ['postgresql://h/db%0ADROP%20TABLE%20x', 'PostgreSQL database at h:5432/db%0ADROP%20TABLE%20x'],
    ['sqlite:./data/app.db?key=S3cret', 'SQLite database app.db'],
    ['file:/var/lib/app/dev.db?mode=ro', 'SQLite database dev.db'],
    ['./data/app.sqlite', 'SQLite database app.sqlite'],
    ['sqlite::memory:', 'SQLite database :memory:'],
    ['sqlite:./a\nDROP TABLE x; --.db', 'SQLite database a?DROP TABLE x; --.db'],
    ['pglite:./data/?authToken=S3cret', 'PGlite database data'],
    ['libsql://db.turso.io?authToken=S3cret', 'libSQL database at db.turso.io'],
    ['libsql:./local.db?authToken=S3cret', 'libSQL database local.db'],
    ['redis://u:S3cret@h/0', 'database'],
  ])('%s', (url, shown) => {
    expect(shownDatabase(url)).toBe(shown);
    expect(shown).not.toMatch(/S3cret|Sl\/ashPw|My Pw|:\/\/|\n/);
  });
});
