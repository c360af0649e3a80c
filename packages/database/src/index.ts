export type { ClientDialect, Row, SqlClient } from './clients/sql-client';
export { countingClient } from './clients/sql-client';
export { createPglite, pgliteClient } from './clients/pglite';
export type { Bounds } from './clients/postgres';
export { connect, parseDatabaseUrl, DEFAULT_BOUNDS } from './connect';
export { introspect } from './introspect/introspect';
export type { Introspection } from './introspect/introspect';
export { countDuplicates, duplicatesQuery } from './duplicates';
export { databaseFacts, readDatabase } from './read-database';
