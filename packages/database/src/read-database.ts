import type { DatabaseFacts, SchemaModel } from '@oto/core';
import type { SqlClient } from './clients/sql-client';
import { connect } from './connect';
import type { Bounds } from './clients/postgres';
import { countDuplicates } from './duplicates';
import { introspect } from './introspect/introspect';

/** The database a client reaches, with the duplicate keys of the declared one-to-ones it does not back. */
export async function databaseFacts(client: SqlClient, declared: SchemaModel): Promise<DatabaseFacts> {
  const { model, defaultSchema } = await introspect(client);
  const facts: DatabaseFacts = { kind: 'database', label: client.label, model, ...(defaultSchema ? { defaultSchema } : {}) };
  return { ...facts, duplicates: await countDuplicates(client, declared, facts) };
}

/** Connects to the database a URL names, reads it, and closes the connection. */
export async function readDatabase(url: string, declared: SchemaModel, options: { cwd: string; bounds?: Bounds }): Promise<DatabaseFacts> {
  const client = await connect(url, options);
  try {
    return await databaseFacts(client, declared);
  } finally {
    await client.close();
  }
}
