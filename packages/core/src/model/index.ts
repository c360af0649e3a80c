export * from './schema-model';
export * from './names';
