// Runs webpack through its Node API (no webpack-cli dependency) with webapp/webpack.config.mjs.
import fs from 'node:fs';
import path from 'node:path';
import webpack from 'webpack';
import { WEBAPP_DIR } from './config.mjs';

export async function buildWebapp() {
  const { default: config } = await import(path.join(WEBAPP_DIR, 'webpack.config.mjs'));
  const compiler = webpack(config);
  const stats = await new Promise((resolve, reject) =>
    compiler.run((err, s) => (err ? reject(err) : resolve(s))),
  );
  await new Promise((resolve) => compiler.close(resolve)); // flush webpack's caches/handles
  if (stats.hasErrors() || stats.hasWarnings()) {
    const text = stats.toString({ all: false, errors: true, warnings: true });
    if (stats.hasErrors()) throw new Error(`webapp build failed:\n${text}`);
    console.warn(text);
  }
  const bundle = path.join(config.output.path, config.output.filename);
  return { bundle, size: fs.statSync(bundle).size };
}
