// The tests see the same environment on a laptop and in CI: `CI` unset (oto prints one progress
// line per step when it is set, and Prisma and jest change their output). A test that wants CI
// sets it in the environment it gives the process it runs.
delete process.env.CI;
