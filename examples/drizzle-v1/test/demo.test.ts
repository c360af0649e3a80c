/** `npm run demo` of the Drizzle 1.0 example runs each stop and ends as the README says (it runs the CLI's dist: build first). */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Spawns the CLI, replays migrations, starts PGlite or type-checks a project: sized for a loaded 2-core machine.
jest.setTimeout(300_000);

const root = path.resolve(__dirname, '..');
const migrations = path.join(root, 'migrations');

describe('examples/drizzle-v1: the demo', () => {
  const before = fs.readdirSync(migrations).sort();
  // Should withOto ever fail to stop drizzle-kit, the migration it wrote is no part of the example.
  afterAll(() => {
    for (const f of fs.readdirSync(migrations)) if (!before.includes(f)) fs.rmSync(path.join(migrations, f), { recursive: true, force: true });
  });

  it('checks the schema, the replayed migrations and the app, is stopped in drizzle-kit 1.0 by withOto, and shows drizzle\'s arbitrary pick', () => {
    // stdout and stderr in one stream, as a terminal shows them (the stops' order is the point).
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oto-demo-v1-')), 'demo.log');
    const fd = fs.openSync(log, 'w');
    const run = spawnSync(process.execPath, ['scripts/demo.js'], { cwd: root, env: { ...process.env, NO_COLOR: '1', CI: '1' }, stdio: ['ignore', fd, fd], timeout: 280_000 });
    fs.closeSync(fd);
    const out = fs.readFileSync(log, 'utf8');
    fs.rmSync(path.dirname(log), { recursive: true, force: true });
    expect(out).toContain('drizzle-orm 1.0.0-rc.5, drizzle-kit 1.0.0-rc.5');
    // Each stop, in order, with the summary line of its report.
    const stops = [
      '$ oto check   (drizzle.config.ts',
      '✖ oto: 2 errors, 1 warning, 0 info in 5 one-to-one relations (of 7 relations)\n',
      '$ oto check --migrations migrations',
      'migration 20261201110743_drop_car_unique drops unique oto_car_driver_id_key on oto_car(driver_id)',
      '✖ oto: 3 errors, 1 warning, 0 info in 5 one-to-one relations (of 7 relations), against the database replayed from migrations',
      '$ oto check --usage tsconfig.usage.json',
      '✖ oto: 7 errors, 2 warnings, 0 info in 5 one-to-one relations (of 7 relations)',
      '$ drizzle-kit generate   (drizzle-kit 1.0',
      'oto: one-to-one problems at or above "error": drizzle-kit stopped',
      'oto stopped drizzle-kit 1.0 before it wrote a migration',
      'inserted two passports for user 1: the database accepted both',
      'db.query.users.findFirst({ where: { id: 1 }, with: { passport: true } }).passport → {"id":', // whichever of the two the database returns
      '"userId":1,"number":"P-',
      '(one of two, no error)',
      'Each stop is the point of this example.',
    ];
    let at = 0;
    for (const stop of stops) {
      const found = out.indexOf(stop, at);
      if (found < 0) throw new Error(`the demo's output lacks, after position ${at}: ${stop}\n\n${out}`);
      at = found + stop.length;
    }
    expect(run.status).toBe(0);
    expect(fs.readdirSync(migrations).sort()).toEqual(before);
  });
});
