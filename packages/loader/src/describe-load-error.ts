import { oneLine, redactSecrets, UserError } from '@oto/core';
import { loadFailureOf } from './module-loader';
import { syntaxErrorLine, syntaxErrorOf } from './syntax-error';

/**
 * One line for a module that failed to load while loading `entry` (a schema file, a data source):
 * which module, imported by which file, and the stub option when an app module is the culprit.
 * A module that does not parse is named at its `file:line:column` (relative to `cwd`, when given).
 * The module's own message is redacted (`redactSecrets`): user code may put a secret in it.
 */
export function describeLoadError(error: unknown, entry: string, cwd?: string): UserError {
  if (error instanceof UserError) return error;
  // A module that does not parse: where to edit it, not a stub (which would hide the mistake).
  const syntax = syntaxErrorOf(error);
  if (syntax) return new UserError(`${entry}: ${redactSecrets(syntaxErrorLine(syntax, cwd))}`);
  const failure = loadFailureOf(error);
  // The user's code wrote the message: it may hold a URL with its password, a token.
  const reason = redactSecrets(oneLine(error));
  if (!failure || failure.importer === undefined) {
    return new UserError(`${entry}: failed to load: ${reason}`);
  }
  const stubHint = `if it cannot load here (it needs secrets, env vars or servers), stub it: "stub": ["${failure.request}"] in the oto config, or --stub '${failure.request}'`;
  if (failure.notFound) {
    return new UserError(
      `${entry}: cannot find module '${failure.request}' imported by ${failure.importer}: install it or map it in tsconfig "paths"; ${stubHint}`,
    );
  }
  return new UserError(`${entry}: module '${failure.request}' imported by ${failure.importer} threw while loading: ${reason}; ${stubHint}`);
}
