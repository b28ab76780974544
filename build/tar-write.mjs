// Deterministic ustar writer. Every header field that could vary between machines or runs
// (owner, group, user/group names, mtime) is fixed, so identical inputs give identical bytes.
const BLOCK = 512;

function octal(value, width) {
  // width includes the terminating NUL
  const s = value.toString(8);
  if (s.length > width - 1) throw new Error(`value ${value} too large for tar field`);
  return s.padStart(width - 1, '0') + '\0';
}

/** One archive member (header + content + padding). type 'file' or 'dir'. */
export function tarEntry({ name, mode, data = Buffer.alloc(0), type = 'file', mtime = 0 }) {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar name over 100 bytes: ${name}`);
  const header = Buffer.alloc(BLOCK);
  header.write(name, 0, 100, 'utf8');
  header.write(octal(mode, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii'); // uid
  header.write(octal(0, 8), 116, 'ascii'); // gid
  header.write(octal(type === 'dir' ? 0 : data.length, 12), 124, 'ascii');
  header.write(octal(mtime, 12), 136, 'ascii');
  header.write(type === 'dir' ? '5' : '0', 156, 'ascii');
  header.write('ustar\0' + '00', 257, 'ascii');
  // Checksum is computed with its own field as spaces, then stored as 6 octal digits, NUL, space.
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  if (type === 'dir') return header;
  const pad = Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK);
  return Buffer.concat([header, data, pad]);
}

/** Two zero blocks mark the end of a tar archive. */
export function tarEnd() {
  return Buffer.alloc(2 * BLOCK);
}
