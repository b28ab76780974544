// Build options and per-bundle manifests: the arch list decides which executables ship and
// which arches plugin.json promises, so the two must come from the same place.
import { callBuild } from './helpers';

type Args = { arches: string[]; entry: string | null; outDir: string | null };
const parse = (argv: string[], env: Record<string, string> = {}) => callBuild<Args>('args.mjs', 'parseArgs', argv, env);

test('defaults to every arch, in canonical order', () => {
  expect(parse([])).toEqual({ arches: ['amd64', 'arm64'], entry: null, outDir: null });
  expect(parse(['--arch=arm64,amd64']).arches).toEqual(['amd64', 'arm64']);
});

test('--arch, OPENCLAW_ARCH, --entry and --out select what gets built where', () => {
  expect(parse(['--arch', 'arm64']).arches).toEqual(['arm64']);
  expect(parse([], { OPENCLAW_ARCH: 'amd64' }).arches).toEqual(['amd64']);
  expect(parse(['--arch', 'host']).arches).toEqual([process.arch === 'arm64' ? 'arm64' : 'amd64']);
  expect(parse(['--entry', 'x.ts', '--out', '/tmp/o'])).toMatchObject({ entry: 'x.ts', outDir: '/tmp/o' });
});

test('unknown arches and options are refused with the usage line', () => {
  expect(() => parse(['--arch', 'riscv64'])).toThrow(/unknown arch "riscv64"[\s\S]*usage:/);
  expect(() => parse(['--fast'])).toThrow(/unknown option --fast/);
});

test('a per-bundle manifest lists exactly the arches inside and keeps everything else', () => {
  const base = { id: 'openclaw', version: '1.2.3', server: { executables: { 'linux-amd64': 'a', 'darwin-arm64': 'b' } }, webapp: { bundle_path: 'w' } };
  expect(callBuild('manifest.mjs', 'manifestFor', base, ['arm64'])).toEqual({
    ...base,
    server: { executables: { 'linux-arm64': 'server/dist/plugin-linux-arm64' } },
  });
});

test('the repository plugin.json already points at the paths the build writes', () => {
  const m = callBuild<{ server: { executables: Record<string, string> } }>('manifest.mjs', 'readManifest');
  expect(m.server.executables).toEqual({
    'linux-amd64': 'server/dist/plugin-linux-amd64',
    'linux-arm64': 'server/dist/plugin-linux-arm64',
  });
});

test('size limits: 80 MiB combined, 40 MiB per arch; over-limit bundles fail by name', () => {
  const MiB = 1024 * 1024;
  const limits = callBuild<{ combined: number; perArch: number }>('config.mjs', 'SIZE_LIMITS');
  expect(limits).toEqual({ combined: 80 * MiB, perArch: 40 * MiB });
  const ok = { file: '/d/ok.tar.gz', size: 10, limit: 10 };
  const big = { file: '/d/big.tar.gz', size: 11, limit: 10 };
  expect(callBuild('bundle.mjs', 'assertWithinLimits', [ok])).toBeNull();
  expect(() => callBuild('bundle.mjs', 'assertWithinLimits', [ok, big])).toThrow(/big\.tar\.gz \(11 B > 10 B\)/);
});
