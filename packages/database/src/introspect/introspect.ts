import type { SchemaModel } from '@oto/core';
import type { SqlClient } from '../clients/sql-client';
import type { Catalog } from './catalog';
import { fromCatalog } from './from-catalog';
import { readMysqlCatalog } from './mysql';
import { readPostgresCatalog } from './postgres';
import { readSqliteCatalog } from './sqlite';

const READERS: Record<SqlClient['dialect'], (client: SqlClient) => Promise<Catalog>> = {
  postgresql: readPostgresCatalog,
  mysql: readMysqlCatalog,
  sqlite: readSqliteCatalog,
};

export interface Introspection {
  readonly model: SchemaModel;
  readonly defaultSchema?: string;
}

/** The database's tables, keys and foreign keys, in a constant number of catalog queries. */
export async function introspect(client: SqlClient): Promise<Introspection> {
  const catalog = await READERS[client.dialect](client);
  return { model: fromCatalog(catalog, client.dialect), ...(catalog.defaultSchema ? { defaultSchema: catalog.defaultSchema } : {}) };
}
