// Minimal .tgz reader: enough for npm tarballs and for verifying our own bundles, and it
// keeps the build free of a GNU-tar dependency on the host.
import zlib from 'node:zlib';

const BLOCK = 512;

function field(header, offset, length) {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

const num = (header, offset, length) => parseInt(field(header, offset, length).trim() || '0', 8);

/**
 * All members of a gzip'd tar buffer (multi-member gzip included), in archive order:
 * [{ name, type: 'file'|'dir'|other typeflag, mode, uid, gid, mtime, data }].
 */
export function readTar(tgz) {
  const tar = zlib.gunzipSync(tgz);
  const entries = [];
  let paxPath = null; // pax 'x' headers may carry the real path of the next entry
  for (let pos = 0; pos + BLOCK <= tar.length; ) {
    const header = tar.subarray(pos, pos + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = num(header, 124, 12);
    const flag = String.fromCharCode(header[156] || 48);
    const prefix = field(header, 345, 155);
    const name = paxPath ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    const data = tar.subarray(pos + BLOCK, pos + BLOCK + size);
    pos += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (flag === 'x') {
      const m = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      paxPath = m ? m[1] : null;
      continue;
    }
    if (flag === 'g') continue; // global pax header: nothing we need
    paxPath = null;
    const type = flag === '0' ? 'file' : flag === '5' ? 'dir' : flag;
    entries.push({
      name,
      type,
      mode: num(header, 100, 8),
      uid: num(header, 108, 8),
      gid: num(header, 116, 8),
      mtime: num(header, 136, 12),
      data,
    });
  }
  return entries;
}

/** Bytes of one regular file (e.g. "package/bin/node") in a gzip'd tar buffer, or throw. */
export function extractFile(tgz, wanted) {
  const entry = readTar(tgz).find((e) => e.type === 'file' && e.name === wanted);
  if (!entry) throw new Error(`${wanted} not found in tarball`);
  return Buffer.from(entry.data);
}
