export * from './schema-model';
export * from './names';
export * from './declaration-lines';
export * from './database-facts';
