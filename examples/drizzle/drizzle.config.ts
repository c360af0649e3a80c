import { defineConfig } from 'drizzle-kit';
import { withOto } from '@oto/drizzle';

// drizzle-kit loads this config for generate, migrate, push and check: withOto checks the schema
// first and stops drizzle-kit when a one-to-one finding reaches failOn.
export default withOto(
  defineConfig({
    schema: './src/pg/schema.ts',
    out: './migrations/pg',
    dialect: 'postgresql',
  }),
  { failOn: 'error', naming: 'prefix' },
);
