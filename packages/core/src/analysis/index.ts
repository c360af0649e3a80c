export * from './analyze';
export * from './backing-key';
export * from './compare-database';
export * from './predicate';
