/** editDrizzleSchema, with ts-morph required when `oto fix` edits a schema, not when @oto/drizzle loads. */
import type { editDrizzleSchema as EditDrizzleSchema } from './edit-drizzle-schema';

type EditorModule = typeof import('./edit-drizzle-schema');

export const editDrizzleSchema: typeof EditDrizzleSchema = (...args) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./edit-drizzle-schema') as EditorModule).editDrizzleSchema(...args);
