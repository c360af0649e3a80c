export * from './schema-model';
export * from './names';
export * from './declaration-lines';
