export { loadFailureOf, withModuleLoader } from './module-loader';
export type { CompiledModule, LoadFailure, LoaderOptions, ModuleLoader, StubbedModule } from './module-loader';
export { describeLoadError } from './describe-load-error';
export { createStub } from './stub';
export { stubbedWarning } from './stubbed-warning';
export { importsNeedExtension } from './import-style';
export { setLoadWatch, watchedLoad } from './load-watch';
export type { LoadWatch } from './load-watch';
