export * from './report';
export * from './naming-summary';
