export * from './quote';
export * from './identifier';
