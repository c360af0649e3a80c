/** Every Drizzle query of a source file, as `Query` data; what cannot be resolved is listed, never guessed. */
import type { SourceFile } from 'ts-morph';
import type { AnalyzedModel } from '@oto/core';
import { recogniseCalls } from '../recognise-calls';
import type { Recognised } from '../recognise-calls';
import { builderStart, readBuilder } from './drizzle-builder';
import { readRelational, relationalReceiver } from './drizzle-relational';
import { createTableResolver } from './drizzle-tables';
import type { TableResolver } from './drizzle-tables';

const DRIZZLE_METHODS = /^(findFirst|findMany|select|selectDistinct|selectDistinctOn|update|delete)$/;

export function createDrizzleRecogniser(model: AnalyzedModel) {
  const tables: TableResolver = createTableResolver(model);
  return (file: SourceFile): Recognised =>
    // Cheap syntax first: only property calls with one of the names drizzle's queries start with.
    recogniseCalls(file, (name) => DRIZZLE_METHODS.test(name), (call) => {
      const receiver = relationalReceiver(call);
      if (receiver) return readRelational(call, receiver, model, tables);
      const kind = builderStart(call);
      return kind ? readBuilder(call, kind, tables) : undefined;
    });
}
