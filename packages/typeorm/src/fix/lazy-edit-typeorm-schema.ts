/** editTypeormSchema, with ts-morph required when `oto fix` edits an entity, not when @oto/typeorm loads. */
import type { editTypeormSchema as EditTypeormSchema } from './edit-typeorm-schema';

type EditorModule = typeof import('./edit-typeorm-schema');

export const editTypeormSchema: typeof EditTypeormSchema = (...args) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./edit-typeorm-schema') as EditorModule).editTypeormSchema(...args);
