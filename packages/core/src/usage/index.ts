export * from './query';
export { relationOfField, findTable } from './relation-field';
export type { FieldRelation } from './relation-field';
