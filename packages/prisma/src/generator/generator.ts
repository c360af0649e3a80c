import { oneLine, redactSecrets, UserError } from '@oto/core';
import { generatorHandler } from '@prisma/generator-helper';
import { runGenerator } from './run-generator';

const { version } = require('../../package.json') as { version: string };

/** Registers the oto generator with Prisma: `generator oto { provider = "oto-prisma" }`. */
export function startGenerator(): void {
  generatorHandler({
    onManifest: () => ({ prettyName: 'oto one-to-one check', defaultOutput: './oto', version }),
    onGenerate: async (options) => {
      try {
        await runGenerator(options, {
          cwd: process.cwd(),
          color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
          print: (text) => process.stdout.write(text),
        });
      } catch (error) {
        // Prisma shows the message: a user error as it is, anything else as its first line; never a secret.
        throw new Error(redactSecrets(error instanceof UserError ? error.message : `oto: ${oneLine(error)}`));
      }
    },
  });
}
