export * from './generated-file';
export * from './accessor-code';
export * from './write-file';
