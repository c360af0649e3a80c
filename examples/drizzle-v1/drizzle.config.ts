import { defineConfig } from 'drizzle-kit';
import { withOto } from '@oto/drizzle';

// drizzle-kit 1.0 loads this config for generate, migrate, push and check: withOto checks the
// schema first and stops drizzle-kit when a one-to-one finding reaches failOn.
export default withOto(
  defineConfig({
    schema: './src/schema.ts',
    out: './migrations',
    dialect: 'postgresql',
  }),
  { failOn: 'error', naming: 'prefix' },
);
