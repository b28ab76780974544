import { collectAttachments, type FileSource } from './attachments';

const files: Record<string, { Name: string; Size: number; MimeType: string }> = {
  img: { Name: 'red.png', Size: 4, MimeType: 'image/png' },
  big: { Name: 'big.png', Size: 7 * 1024 * 1024, MimeType: 'image/png' },
  txt: { Name: 'notes.txt', Size: 5, MimeType: 'text/plain' },
  huge: { Name: 'dump.bin', Size: 20 * 1024 * 1024, MimeType: '' },
};
const source: FileSource = {
  getFileInfo: (id) => (files[id] ? Promise.resolve(files[id]) : Promise.reject(new Error('gone'))),
  getFile: (id) => Promise.resolve(new Uint8Array(Math.min(files[id].Size, 8)).fill(65)),
};
const limits = { maxBytes: 19_464_192, maxImageBytes: 6_291_456 };

test('images and files become attachments; oversize and unreadable ones are named, the rest still goes', async () => {
  const r = await collectAttachments(source, ['img', 'big', 'txt', 'huge', 'nope'], limits);
  expect(r.attachments.map((a) => [a.type, a.fileName, a.mimeType])).toEqual([
    ['image', 'red.png', 'image/png'],
    ['file', 'notes.txt', 'text/plain'],
  ]);
  expect(r.attachments[0].content).toBe(Buffer.from('AAAA').toString('base64'));
  expect(r.skipped).toEqual([
    'big.png (7 MB) is over the image limit of 6 MB',
    'dump.bin (20 MB) is over the limit of 18.6 MB',
    'a file could not be read',
  ]);
});

test('a link that cannot carry files: the sender is told, the text still goes', async () => {
  const r = await collectAttachments(source, ['img', 'txt'], undefined);
  expect(r).toEqual({ attachments: [], skipped: ['2 attached files: this OpenClaw connection cannot carry files yet'] });
});
