// Where the repository is. Code here also runs bundled by esbuild (npm start),
// where __dirname is the bundle's folder, so search upwards for our package.json.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const PACKAGE_NAME = 'openclaw-mattermost-plugin';

function isRepoRoot(dir: string): boolean {
  const pkg = join(dir, 'package.json');
  if (!existsSync(pkg)) return false;
  try {
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

function findUp(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (isRepoRoot(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

export const REPO_ROOT: string = process.env.OPENCLAW_REPO ?? findUp(__dirname) ?? findUp(process.cwd()) ?? process.cwd();
