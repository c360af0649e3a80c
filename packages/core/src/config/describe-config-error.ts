/**
 * Every problem zod found in an oto config, in one line: each bad key with a did-you-mean and the
 * keys allowed there, each bad value with the values allowed (zod's own wording), `; `-separated.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';

/** The schema inside optional/default wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema as z.ZodType & { unwrap?: () => z.ZodType };
  while (typeof current.unwrap === 'function' && ['optional', 'default', 'nullable'].includes(current.def.type)) current = current.unwrap() as typeof current;
  return current;
}

/** The keys allowed at `path` of `schema`: an object's keys, or a record's enum keys. */
export function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): readonly string[] {
  let current = unwrap(schema);
  for (const key of path) {
    const shape = (current as unknown as { shape?: Record<string, z.ZodType> }).shape;
    const next = shape?.[String(key)];
    if (!next) return [];
    current = unwrap(next);
  }
  const shape = (current as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (shape) return Object.keys(shape);
  const keyType = (current as unknown as { keyType?: { options?: readonly unknown[] } }).keyType;
  return (keyType?.options ?? []).map(String);
}

/** The allowed key closest to `key`, when it is close enough to be a misspelling. */
export function didYouMean(key: string, allowed: readonly string[]): string | undefined {
  if (allowed.length === 0) return undefined;
  const best = closest(key, [...allowed]);
  const [a, b] = [key.toLowerCase(), best.toLowerCase()];
  return distance(a, b) <= Math.max(2, Math.floor(b.length / 3)) || a.startsWith(b) || b.startsWith(a) ? best : undefined;
}

function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType): string[] {
  const at = (path: readonly PropertyKey[]) => (path.length ? `${path.map(String).join('.')}: ` : '');
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(schema, issue.path);
    return issue.keys.map((key) => {
      const guess = didYouMean(key, allowed);
      return `${at(issue.path)}Unrecognized key: "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}${allowed.length ? `, allowed: ${allowed.join(', ')}` : ''}`;
    });
  }
  if (issue.code === 'invalid_key') {
    // A record's key not in its enum (an unknown rule id).
    const key = String(issue.path[issue.path.length - 1] ?? '');
    const parent = issue.path.slice(0, -1);
    const allowed = allowedKeys(schema, parent);
    const guess = didYouMean(key, allowed);
    return [`${at(parent)}Unrecognized key: "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}${allowed.length ? `, allowed: ${allowed.join(', ')}` : ''}`];
  }
  return [`${at(issue.path)}${issue.message}`];
}

/** All of the error's problems in one line; a misspelt key first (it is what the user must fix). */
export function describeConfigError(error: z.ZodError, schema: z.ZodType): string {
  const misspelt = new Set(error.issues.filter((i) => i.code === 'unrecognized_keys').map((i) => i.path.map(String).join('.')));
  // A key left missing by its misspelling (`output` for `out`) is not a second problem.
  const kept = error.issues.filter((i) => !(i.code === 'invalid_type' && /received undefined/.test(i.message) && misspelt.has(i.path.slice(0, -1).map(String).join('.'))));
  const issues = [...kept].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
  const lines = [...new Set(issues.flatMap((issue) => describeIssue(issue, schema)))];
  return lines.length ? lines.join('; ') : 'invalid';
}
