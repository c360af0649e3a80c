export * from './analyze';
export * from './backing-key';
