import { readSchemaConfig } from '../schema-engine';
import { generatorBlockConfig, isOtoGenerator } from './generator-block';

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';

async function blockOf(schema: string) {
  const { generators } = readSchemaConfig([{ path: '/app/prisma/schema.prisma', content: `${schema}${DATASOURCE}` }]);
  return generatorBlockConfig(generators, (file) => file.replace('/app/', ''));
}

describe('the generator oto block, as the CLI reads it', () => {
  it.each<[string, string, object]>([
    ['its rules, naming and failOn', 'generator oto {\n  provider = "oto-prisma"\n  failOn = "warn"\n  naming = "infix"\n  rules = ["hidden-one-to-one = off"]\n}\n', { failOn: 'warning', naming: 'infix', rules: { 'hidden-one-to-one': 'off' } }],
    ['a block run with node and a path, under another name', 'generator check {\n  provider = "node ./node_modules/@oto/prisma/bin/oto-prisma.js"\n  naming = "off"\n}\n', { naming: 'off' }],
    ['no oto block', 'generator client {\n  provider = "prisma-client-js"\n}\n', {}],
    ['accessors and output are not check settings', 'generator oto {\n  provider = "oto-prisma"\n  output = "../generated/oto"\n  accessors = "false"\n}\n', {}],
  ])('%s', async (_, schema, expected) => {
    expect(await blockOf(schema)).toEqual(expected);
  });

  it('a bad option is one line naming the schema file', async () => {
    await expect(blockOf('generator oto {\n  provider = "oto-prisma"\n  failOn = "sometimes"\n}\n')).rejects.toThrow(
      /^prisma\/schema\.prisma: generator oto: failOn: Invalid option: expected one of "error"\|"warning"\|"never"\|"warn"$/,
    );
  });

  it.each([
    ['oto-prisma', true],
    ['node ../packages/prisma/bin/oto-prisma.js', true],
    ['npx @oto/prisma', true],
    ['prisma-client-js', false],
    ['prisma-dbml-generator', false],
  ])('provider %j is oto: %j', (provider, expected) => {
    expect(isOtoGenerator({ name: 'g', provider: { value: provider }, config: {} })).toBe(expected);
  });
});
