// Writes reproducible .tar.gz files. Each tar member is compressed as its own gzip member
// and the members are concatenated (RFC 1952 allows a file to be a series of members;
// gzip, GNU tar, Go's gzip.Reader used by Mattermost, and Python read it as one stream).
// That lets the combined and the per-arch bundles reuse the same compressed executable
// instead of deflating ~100 MB binaries twice, and lets zlib compress them in parallel.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { tarEnd, tarEntry } from './tar-write.mjs';

// GNU gzip rather than node:zlib: Node's bundled (Chromium) zlib deflates the executables
// ~3 % worse (41.0 vs 39.8 MB per arch, which matters under a 40 MiB limit) and its output
// may depend on CPU features, while gzip's is byte-stable across hosts. `-n` omits the
// name and mtime from the header.
function compress(buf, level) {
  return new Promise((resolve, reject) => {
    const child = spawn('gzip', [`-${level}`, '-n', '-c'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`gzip exited with ${code}`)),
    );
    child.stdin.end(buf);
  });
}

export class TarGzWriter {
  #cache = new Map(); // sha256 of the raw tar member -> Promise<gzip member>
  #level;

  /** level: gzip 1-9. Releases use 9; tests use 1 where only the structure matters. */
  constructor({ level = 9 } = {}) {
    this.#level = level;
  }

  #member(raw) {
    const key = crypto.createHash('sha256').update(raw).digest('hex');
    if (!this.#cache.has(key)) this.#cache.set(key, compress(raw, this.#level));
    return this.#cache.get(key);
  }

  /**
   * entries: [{ name, mode, data?, type? }]; directories for every parent path are added,
   * names are sorted, and all entries get `mtime`. Returns the written size in bytes.
   */
  async write(file, entries, { mtime = 0 } = {}) {
    const all = new Map();
    for (const e of entries) {
      const parts = e.name.split('/');
      for (let i = 1; i < parts.length; i++) {
        const dir = parts.slice(0, i).join('/') + '/';
        if (!all.has(dir)) all.set(dir, { name: dir, mode: 0o755, type: 'dir' });
      }
      all.set(e.name, { type: 'file', ...e });
    }
    const sorted = [...all.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const members = await Promise.all([
      ...sorted.map((e) => this.#member(tarEntry({ ...e, mtime }))),
      this.#member(tarEnd()),
    ]);
    fs.writeFileSync(file, Buffer.concat(members));
    return fs.statSync(file).size;
  }
}
