import { shimVector } from './vector-shim';

describe('shimVector', () => {
  it.each([
    ['Prisma (Unsupported("vector(1536)"))', 'CREATE EXTENSION IF NOT EXISTS "vector";', { columns: 0, indexes: 0, extensions: 1 }, /^\/\* oto: pgvector shim, skipped: CREATE EXTENSION IF NOT EXISTS "vector"; \*\/$/],
    ['Supabase, in the extensions schema', 'create extension if not exists vector with schema extensions;', { columns: 0, indexes: 0, extensions: 1 }, /^\/\* oto: pgvector shim, skipped: create extension/],
    ['a column with dimensions', 'CREATE TABLE "doc" ("id" integer PRIMARY KEY, "embedding" vector(1536) NOT NULL);', { columns: 1, indexes: 0, extensions: 0 }, /"embedding" real\[\] NOT NULL\);$/],
    ['a schema-qualified halfvec', 'alter table doc add column e extensions.halfvec(3);', { columns: 1, indexes: 0, extensions: 0 }, /add column e real\[\];$/],
    ['a column without dimensions', 'CREATE TABLE doc (id int, embedding vector, "vector" text)', { columns: 1, indexes: 0, extensions: 0 }, /embedding real\[\], "vector" text\)$/],
    ['drizzle-kit hnsw index', 'CREATE INDEX "embedding_idx" ON "doc" USING hnsw ("embedding" vector_cosine_ops);', { columns: 0, indexes: 1, extensions: 0 }, /^\/\* oto: pgvector shim, skipped: CREATE INDEX "embedding_idx"/],
    ['ivfflat with options', 'create index on doc using ivfflat (embedding vector_l2_ops) with (lists = 100);', { columns: 0, indexes: 1, extensions: 0 }, /^\/\* oto: pgvector shim, skipped: create index on doc using ivfflat/],
  ])('%s', (_name, sql, counts, expected) => {
    const shim = shimVector([sql]);
    expect({ columns: shim.columns, indexes: shim.indexes, extensions: shim.extensions }).toEqual(counts);
    expect(shim.statements[0]).toMatch(expected);
  });

  it('keeps keys, uniques and other indexes as they are', () => {
    const sql = [
      'CREATE TABLE "doc" ("id" serial PRIMARY KEY, "owner_id" integer NOT NULL, "embedding" vector(3), CONSTRAINT "doc_owner_id_key" UNIQUE ("owner_id"));',
      'CREATE UNIQUE INDEX "doc_owner_idx" ON "doc" ("owner_id");',
      'CREATE INDEX "doc_embedding_idx" ON "doc" USING hnsw ("embedding" vector_ip_ops);',
      'CREATE INDEX "doc_gin" ON "doc" USING gin ("owner_id");',
    ].join('\n');
    const [out] = shimVector([sql]).statements;
    expect(out!.split('\n')).toEqual([
      'CREATE TABLE "doc" ("id" serial PRIMARY KEY, "owner_id" integer NOT NULL, "embedding" real[], CONSTRAINT "doc_owner_id_key" UNIQUE ("owner_id"));',
      'CREATE UNIQUE INDEX "doc_owner_idx" ON "doc" ("owner_id");',
      '/* oto: pgvector shim, skipped: CREATE INDEX "doc_embedding_idx" ON "doc" USING hnsw ("embedding" vector_ip_ops); */',
      'CREATE INDEX "doc_gin" ON "doc" USING gin ("owner_id");',
    ]);
  });

  it('leaves SQL without pgvector unchanged', () => {
    const sql = 'CREATE TABLE vectors (id int, vector_id int NOT NULL); CREATE EXTENSION "uuid-ossp";';
    expect(shimVector([sql])).toEqual({ statements: [sql], columns: 0, indexes: 0, extensions: 0 });
  });
});
