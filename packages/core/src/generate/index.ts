export * from './generated-file';
export * from './accessor-code';
