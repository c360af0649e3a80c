export * from './plan-accessors';
