export * from './config';
export * from './load-config';
export { allowedKeys, describeConfigError, didYouMean } from './describe-config-error';
