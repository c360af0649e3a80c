import * as path from 'node:path';
import type { GeneratorConfig } from '@prisma/generator';
import { clientImportExtension, clientModule } from './client-module';
import type { TsCompilerOptions } from './client-module';

const root = path.resolve('/app');
const out = path.join(root, 'generated', 'oto');

function generator(provider: string, output: string | undefined, config: GeneratorConfig['config'] = {}): GeneratorConfig {
  return {
    name: 'client',
    provider: { fromEnvVar: null, value: provider },
    output: output === undefined ? null : { fromEnvVar: null, value: output },
    config,
    binaryTargets: [],
    previewFeatures: [],
    sourceFilePath: path.join(root, 'prisma', 'schema.prisma'),
  };
}

describe('clientImportExtension (what prisma-client itself writes)', () => {
  it.each<[string, GeneratorConfig['config'], TsCompilerOptions | undefined, string]>([
    ['importFileExtension wins', { importFileExtension: 'mjs' }, { module: 'commonjs' }, 'mjs'],
    ['importFileExtension "" wins', { importFileExtension: '' }, { module: 'node16' }, ''],
    ['node16 → .js for .ts', {}, { module: 'node16', moduleResolution: 'node16' }, 'js'],
    ['nodenext → .mjs for .mts', { generatedFileExtension: 'mts' }, { module: 'NodeNext' }, 'mjs'],
    ['commonjs → none', {}, { module: 'CommonJS' }, ''],
    ['bundler → none', {}, { module: 'esnext', moduleResolution: 'Bundler' }, ''],
    ['allowImportingTsExtensions → .ts', {}, { module: 'esnext', moduleResolution: 'bundler', allowImportingTsExtensions: true }, 'ts'],
    ['rewriteRelativeImportExtensions → .cts', { generatedFileExtension: 'cts' }, { module: 'node16', rewriteRelativeImportExtensions: true }, 'cts'],
    ['no tsconfig → the generated extension', {}, undefined, 'ts'],
    ['deno → the generated extension', { runtime: 'deno' }, { module: 'node16' }, 'ts'],
  ])('%s', (_, config, tsconfig, expected) => {
    expect(clientImportExtension(config, tsconfig)).toBe(expected);
  });
});

describe('clientModule', () => {
  const node16 = () => ({ module: 'node16' });
  it.each<[string, GeneratorConfig[], string | undefined]>([
    ['prisma-client next to oto', [generator('prisma-client', path.join(root, 'generated', 'client'))], '../client/client.js'],
    ['prisma-client-ts (its other name)', [generator('prisma-client-ts', path.join(root, 'src', 'db'))], '../../src/db/client.js'],
    ['prisma-client without an output', [generator('prisma-client', undefined)], undefined],
    ['prisma-client-js in node_modules', [generator('prisma-client-js', path.join(root, 'node_modules', '@prisma', 'client'))], '@prisma/client'],
    ['prisma-client-js without an output', [generator('prisma-client-js', undefined)], '@prisma/client'],
    ['prisma-client-js with a custom output', [generator('prisma-client-js', path.join(root, 'generated', 'prisma'))], '../prisma'],
    ['no client generator', [generator('prisma-dbml-generator', path.join(root, 'dbml'))], undefined],
    ['the first client generator', [generator('zod-prisma', path.join(root, 'zod')), generator('prisma-client', path.join(root, 'generated', 'client'), { importFileExtension: '' })], '../client/client'],
  ])('%s', (_, generators, expected) => {
    expect(clientModule(generators, out, node16)).toBe(expected);
  });

  it('reads the tsconfig of the client output, as Prisma does', () => {
    const seen: string[] = [];
    const client = path.join(root, 'generated', 'client');
    expect(
      clientModule([generator('prisma-client', client)], out, (dir) => {
        seen.push(dir);
        return { module: 'commonjs' };
      }),
    ).toBe('../client/client');
    expect(seen).toEqual([client]);
  });
});
