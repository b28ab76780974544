// "Read, change one field, write back" loses nothing: Go fills a real model struct at random
// (by reflection, so a field our schema lacks shows up as a difference), we decode it, check it
// against our schema, change one field and encode it with our schema; Go decodes that and
// compares it with what Go itself would have received.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import fc from 'fast-check';
import { GobDecoder, GobEncoder, check, type StructType } from '../../../server-ts/mattermost/gob';
import {
  ChannelType, CommandType, FileInfoType, PostType, PushNotificationType, ReactionType, UserType,
} from '../../../server-ts/mattermost/model';
import { buildChecker } from './go-checker';

const BIN = path.resolve(__dirname, '../../.work/gob-check');
beforeAll(() => buildChecker(), 120_000);

function go(args: string[], input?: Uint8Array): Record<string, unknown> {
  const res = spawnSync(BIN, ['roundtrip', ...args], { input, encoding: 'utf8' });
  if (res.error) throw res.error;
  return JSON.parse(res.stdout) as Record<string, unknown>;
}

// Each kind with the field the test changes (a string field every server version has).
const kinds: Array<[string, StructType<object>, string]> = [
  ['post', PostType, 'Message'],
  ['reaction', ReactionType, 'EmojiName'],
  ['command', CommandType, 'Trigger'],
  ['user', UserType, 'Nickname'],
  ['channel', ChannelType, 'Purpose'],
  ['fileinfo', FileInfoType, 'Name'],
  ['push_notification', PushNotificationType, 'Message'],
];

describe.each(kinds)('%s read from Go, one field changed, written back', (kind, schema, field) => {
  test('keeps every other field (property over random values)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.string({ maxLength: 12 }), (seed, replacement) => {
        const gen = go(['gen', kind, String(seed)]);
        expect(gen.error).toBeUndefined();
        const decoder = new GobDecoder();
        decoder.push(Buffer.from(String(gen.hex), 'hex'));
        const value = check(schema, decoder.next()?.value);
        const changed = { ...value, [field]: replacement };
        const bytes = Buffer.concat(new GobEncoder().encode(schema, changed));
        const cmp = go(['cmp', kind, String(seed), field], bytes);
        expect(cmp).toEqual({ diffs: null, changed: replacement });
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
