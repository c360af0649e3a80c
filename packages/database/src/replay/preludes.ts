/**
 * The `replay.prelude` of the config: SQL run before the first migration, in order, for objects
 * the hosting platform creates and the migrations only refer to. Each entry is a prelude oto ships
 * (`supabase`) or a `.sql` file, relative to the config file's folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError, shownPath } from '@oto/core';
import { SUPABASE_PRELUDE } from './preludes/supabase-prelude';

export const SHIPPED_PRELUDES: Readonly<Record<string, string>> = { supabase: SUPABASE_PRELUDE };

export interface Prelude {
  /** `prelude supabase`, `prelude db/roles.sql`: how errors name it. */
  readonly label: string;
  readonly sql: string;
}

/** Reads the preludes the config lists; `configLabel` names the config in errors. */
export function readPreludes(entries: readonly string[], options: { baseDir: string; cwd: string; configLabel: string }): Prelude[] {
  return entries.map((entry) => {
    const shipped = SHIPPED_PRELUDES[entry];
    if (shipped !== undefined) return { label: `prelude ${entry}`, sql: shipped };
    if (!/[\\/]|\.sql$/i.test(entry)) {
      throw new UserError(`${options.configLabel}: replay.prelude "${entry}" is no prelude oto ships (${Object.keys(SHIPPED_PRELUDES).join(', ')}) nor a .sql file`);
    }
    const file = path.resolve(options.baseDir, entry);
    try {
      return { label: `prelude ${shownPath(options.cwd, file)}`, sql: fs.readFileSync(file, 'utf8') };
    } catch {
      throw new UserError(`${options.configLabel}: replay.prelude ${shownPath(options.cwd, file)} cannot be read: give a .sql file relative to the config's folder`);
    }
  });
}

/** Objects Supabase creates: its schemas, the `auth.` helpers, its roles. */
const SUPABASE_OBJECT = /\b(?:schema|relation|function|type) "?(?:auth|storage|extensions)[".]|role "(?:anon|authenticated|service_role|authenticator|supabase_\w+|dashboard_user)" does not exist|\bauth\.(?:uid|role|jwt|email|users)\b/;

/** What to add to a failure on an object a platform creates, when its prelude was not run. */
export function preludeAdvice(message: string, preludes: readonly Prelude[]): string {
  if (!SUPABASE_OBJECT.test(message) || preludes.some((p) => p.label === 'prelude supabase')) return '';
  return '; Supabase creates its auth, storage and extensions schemas and roles itself: add "replay": { "prelude": ["supabase"] } to the oto config';
}
