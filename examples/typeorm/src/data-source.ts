// The app's DataSource, as the TypeORM CLI takes it (`typeorm -d src/data-source.ts`), and as
// `oto check --typeorm src/data-source.ts` reads it: oto builds the entity metadata without connecting.
import 'reflect-metadata';
import path from 'node:path';
import { DataSource } from 'typeorm';

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL ?? 'postgres://app:secret@localhost:5432/app',
  entities: [path.join(__dirname, 'entity', '*.{ts,js}')],
  migrations: [path.join(__dirname, 'migration', '*.{ts,js}')],
});
