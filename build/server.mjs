// Bundles a TypeScript entry into one CommonJS file: inside a SEA, require() only reaches
// Node built-ins, so every dependency must be inlined; Node 24 SEAs accept CJS mains only.
import * as esbuild from 'esbuild';
import { ROOT } from './config.mjs';

export async function bundleServer({ entry, outfile }) {
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    // Not minified: the payload is tiny next to the runtime, and readable stack traces in
    // the Mattermost server log are worth more than a few hundred KB.
    minify: false,
    keepNames: true,
    legalComments: 'eof', // keep third-party license notices inside the shipped file
    absWorkingDir: ROOT, // relative paths in output comments -> same bytes from any checkout
    logLevel: 'warning',
    metafile: true,
  });
  return { outfile, inputs: Object.keys(result.metafile.inputs).length };
}
