// The tests see the same environment on a laptop and in CI: `CI` unset (oto prints one progress
// line per step when it is set, and Prisma and jest change their output), and neither
// `FORCE_COLOR` nor `NO_COLOR` (which a CI service may set for its logs). A test that wants one
// sets it in the environment it gives the process it runs.
//
// Two places, because jest gives each test file a copy of `process.env`: deleting it there (as a
// setup file) is what the test's own code reads, but a child process spawned without an `env`
// inherits the real one. As the global setup this runs in jest's own process before any worker
// starts, so the workers and every process they spawn inherit the environment without it.
// (jest has read `CI` for its own `--ci` default by then.)
const unset = () => {
  for (const name of ['CI', 'FORCE_COLOR', 'NO_COLOR']) delete process.env[name];
};
unset();
module.exports = async () => unset();
