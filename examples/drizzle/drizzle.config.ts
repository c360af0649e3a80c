import { defineConfig } from 'drizzle-kit';
import { withOto } from '@oto/drizzle';

// drizzle-kit loads this config for generate, migrate, push and check: withOto checks the schema
// first and stops drizzle-kit when a one-to-one finding reaches failOn; then it writes the
// one-to-one accessors (src/pg/oto-accessors.ts) if the schema changed them.
export default withOto(
  defineConfig({
    schema: './src/pg/schema.ts',
    out: './migrations/pg',
    dialect: 'postgresql',
  }),
  { failOn: 'error', naming: 'prefix', accessors: { out: 'src/pg/oto-accessors.ts' } },
);
