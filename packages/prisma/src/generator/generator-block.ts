/**
 * The `generator oto { … }` block of a schema read by the CLI: its settings apply to `oto check`
 * as they do to `prisma generate` (the block over the config file, the command line over both).
 */
import { UserError } from '@oto/core';
import type { OtoConfig } from '@oto/core';
import { parseGeneratorOptions, toConfig } from './generator-options';

/** A generator as `getConfig` returns it: its name, provider and options. */
export interface SchemaGenerator {
  readonly name: string;
  readonly provider: { readonly value: string | null };
  readonly config: Readonly<Record<string, unknown>>;
  /** The schema file that declares it (multi-file schemas). */
  readonly sourceFilePath?: string;
}

/** oto's generator: provider `oto-prisma` (also `node …/oto-prisma.js`, `@oto/prisma`), else a block named `oto`. */
export function isOtoGenerator(generator: SchemaGenerator): boolean {
  const provider = generator.provider.value ?? '';
  return /(^|[\s/\\])oto-prisma(\.[cm]?js)?$/.test(provider) || /@oto\/prisma\b/.test(provider) || generator.name === 'oto';
}

/** The block's settings as an oto config ({} without a block); a bad option is one line naming its file. */
export function generatorBlockConfig(generators: readonly SchemaGenerator[], shown: (file: string) => string): OtoConfig {
  const block = generators.find(isOtoGenerator);
  if (!block) return {};
  try {
    return toConfig(parseGeneratorOptions(block.config));
  } catch (error) {
    throw error instanceof UserError ? new UserError(`${shown(block.sourceFilePath ?? '')}: ${error.message}`) : error;
  }
}
