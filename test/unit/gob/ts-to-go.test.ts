// TS -> Go: bytes from the TS encoder must be accepted by Go's decoder (into Mattermost's real
// types) and mean the same thing there as in our own decoder.
import { GobComplex, GobDecoder, GobEncoder, GobInterface, t, type GobType } from '../../../server-ts/mattermost/gob';
import { buildChecker, goDecode } from './go-checker';
import * as S from './schemas';
import { fromHex, loadVectors, tagged, type Tagged } from './tagged';

beforeAll(() => buildChecker(), 120_000);

function encodeStream(items: [GobType, unknown][]): Uint8Array[] {
  const enc = new GobEncoder();
  return items.flatMap(([type, value]) => enc.encode(type, value));
}

function tsDecode(messages: Uint8Array[]): Tagged[] {
  const dec = new GobDecoder();
  dec.push(Buffer.concat(messages));
  const out: Tagged[] = [];
  for (let r = dec.next(); r; r = dec.next()) out.push(tagged(r.value));
  return out;
}

// Encodes, has Go decode into the named kinds, and checks Go agrees with our decoder.
function roundTrip(kinds: string[], items: [GobType, unknown][]): Tagged[] {
  const messages = encodeStream(items);
  const go = goDecode(kinds, messages);
  expect(go.error).toBeUndefined();
  expect(go.values).toEqual(tsDecode(messages));
  return go.values!;
}

const attachments = [
  {
    Id: 1, Fallback: 'fb', Color: '#00FF00', Title: 'Choose', Text: 'Pick one',
    Fields: [{ Title: 'Short', Value: 'v', Short: true }, { Title: 'N', Value: 5 }],
    Timestamp: 1700000000,
    Actions: [
      {
        Id: 'approve', Type: 'button', Name: 'Approve', Style: 'primary',
        Integration: { URL: '/plugins/openclaw/actions/approve', Context: { request_id: 'r-1', attempt: 2, ok: true, tags: ['x', 'y'] } },
      },
      { Id: 'pick', Type: 'select', Name: 'Pick', Options: [{ Text: 'One', Value: '1' }], Integration: { URL: '/p', Context: {} } },
    ],
  },
];

const post = {
  Id: 'p1', CreateAt: 1700000000123, UserId: 'u1', ChannelId: 'c1', Message: 'héllo 🎉', Type: 'custom_openclaw',
  IsPinned: true, FileIds: ['f1'],
  Props: {
    from_bot: 'true', count: 42, ratio: 0.25, flag: true, big: 2n ** 62n, raw: new Uint8Array([0, 255]),
    list: ['a', -1, 2.5, null, { nested: 'yes' }],
    attachments: new GobInterface('[]*model.SlackAttachment', attachments, S.SlackAttachments),
    typed: new GobInterface('[]string', ['s1', 's2']),
  },
};

describe('TS encoder -> Go decoder', () => {
  it('reproduces Go bytes exactly for the gob documentation example', () => {
    const point = loadVectors().find((v) => v.name === 'point')!;
    expect(Buffer.concat(new GobEncoder().encode(S.Point, { X: 22, Y: 33 })).toString('hex')).toBe(point.hex);
  });

  it('rpc headers and bodies, types defined once per stream', () => {
    const items: [GobType, unknown][] = [
      [S.RpcRequest, { ServiceMethod: 'Plugin.OnActivate', Seq: 0 }], [S.Empty, {}],
      [S.RpcRequest, { ServiceMethod: 'Plugin.X', Seq: 2n ** 64n - 1n }], [S.Empty, {}],
    ];
    const messages = encodeStream(items);
    expect(messages).toHaveLength(6); // two definitions, four values
    const values = roundTrip(['rpc_request', 'empty', 'rpc_request', 'empty'], items);
    expect(values[2]).toEqual({ ServiceMethod: 'Plugin.X', Seq: { $big: '18446744073709551615' } });
  });

  it('a post with attachments, integration context and mixed props', () => {
    const [v] = roundTrip(['post'], [[S.Post, post]]);
    const props = (v as { Props: Record<string, Tagged> }).Props;
    expect(props.count).toEqual({ $iface: 'int64', value: 42 });
    expect(props.ratio).toEqual({ $iface: 'float64', value: 0.25 });
    expect(props.big).toEqual({ $iface: 'int64', value: { $big: (2n ** 62n).toString() } });
    expect(props.raw).toEqual({ $iface: '[]uint8', value: { $bytes: 'AP8=' } });
    expect(props.list).toMatchObject({ $iface: '[]interface {}' });
    expect(JSON.stringify(props.attachments)).toContain('"$iface":"[]*model.SlackAttachment"');
    expect(JSON.stringify(props.attachments)).toContain('"attempt":{"$iface":"int64","value":2}');
  });

  it('the same post twice, then a Z_*Returns reusing its types', () => {
    roundTrip(['post', 'post', 'z_update_post'], [
      [S.Post, post], [S.Post, post],
      [S.ZUpdatePostReturns, { A: post, B: { Id: 'e', Message: 'm', StatusCode: 400 } }],
    ]);
  });

  it('recursive command responses', () => {
    const [v] = roundTrip(['command_response'], [[S.CommandResponse, {
      ResponseType: 'ephemeral', Text: 'done', Props: { a: 'b' }, Attachments: attachments,
      ExtraResponses: [{ Text: 'extra', ExtraResponses: [{ Text: 'deeper' }] }],
    }]]);
    expect(v).toMatchObject({ ExtraResponses: [{ Text: 'extra', ExtraResponses: [{ Text: 'deeper' }] }] });
  });

  it('app error, plugin context', () => {
    const [e, c] = roundTrip(['app_error', 'plugin_context'], [
      [S.AppError, { Id: 'x.y', Message: 'boom', StatusCode: 500, Where: 'Plugin.Z' }],
      [S.PluginContext, { SessionId: 's', IPAddress: '::1' }],
    ]);
    expect(e).toEqual({ Id: 'x.y', Message: 'boom', StatusCode: 500, Where: 'Plugin.Z' });
    expect(c).toEqual({ SessionId: 's', IPAddress: '::1' });
  });

  it('error interfaces with registered pointer names', () => {
    const values = roundTrip(['z_error_returns', 'z_error_returns', 'z_error_returns'], [
      [S.ZErrorReturns, { A: 'x', B: new GobInterface('*model.AppError', { Id: 'id', StatusCode: 500 }, S.AppError) }],
      [S.ZErrorReturns, { B: new GobInterface('*plugin.ErrorString', { Code: 1, Err: 'EOF' }, S.ErrorString) }],
      [S.ZErrorReturns, {}],
    ]);
    expect(values[1]).toEqual({ B: { $iface: '*plugin.ErrorString', value: { Code: 1, Err: 'EOF' } } });
    expect(values[2]).toEqual({});
  });

  it('top-level singletons', () => {
    const values = roundTrip(
      ['string', 'bool', 'int64', 'int64', 'uint64', 'float64', 'bytes', 'strings', 'props', 'any'],
      [
        [t.string, 'hooks'], [t.bool, true], [t.int, -(2n ** 63n)], [t.int, 2n ** 63n - 1n], [t.uint, 2n ** 64n - 1n],
        [t.float, -1.5e-300], [t.bytes, new Uint8Array([1, 2, 3])], [t.slice(t.string), ['a', '']],
        [t.map(t.string, t.interface), { k: 'v', n: null, m: new Map([['x', 1]]) }], [t.interface, 'boxed'],
      ],
    );
    expect(values[2]).toEqual({ $big: '-9223372036854775808' });
    expect(values[8]).toEqual({ k: { $iface: 'string', value: 'v' }, n: null, m: { $iface: 'map[string]interface {}', value: { x: { $iface: 'int64', value: 1 } } } });
  });

  it('every scalar kind, zero-value omission and empty-but-present maps', () => {
    const values = roundTrip(['scalars', 'scalars'], [
      [S.Scalars, {
        B: true, I8: -8, I64: -(2 ** 40), U8: 200, U64: 2n ** 64n - 1n, F32: 1.5, F64: Math.PI, C: new GobComplex(0, 1),
        S: 's', Raw: new Uint8Array([1, 2]), Arr: [0, 9, 0], Sl: [0, -1, 2n ** 62n], Em: {}, Ptr: -1,
      }],
      [S.Scalars, { B: false, I64: 0, S: '', Raw: new Uint8Array(0), Sl: [], Arr: [0, 0, 0] }],
    ]);
    const scalarsVector = loadVectors().find((v) => v.name === 'scalars')!;
    expect(values).toEqual(scalarsVector.values);
  });

  it('recursive types with integer map keys', () => {
    roundTrip(['tree'], [[S.Tree, {
      Name: 'root', Children: [{ Name: 'a', Meta: new Map([[1, 'one']]) }, { Name: 'b', Children: [{ Name: 'b1' }] }],
    }]]);
  });

  it('opaque GobEncoder/BinaryMarshaler bytes pass through unchanged', () => {
    const vector = loadVectors().find((v) => v.name === 'opaques')!;
    const dec = new GobDecoder();
    dec.push(fromHex(vector.hex));
    const decoded = dec.next()!.value as Record<string, { bytes: Uint8Array }>;
    const values = roundTrip(['opaques'], [[S.Opaques, { When: decoded.When.bytes, Where: 'https://x.y/a%20b?q=1' }]]);
    expect(values).toEqual(vector.values);
  });

  it('Go rejects what it should: unregistered interface names', () => {
    const go = goDecode(['z_error_returns'], new GobEncoder().encode(S.ZErrorReturns, { A: new GobInterface('*model.Nope', { Code: 1 }, S.ErrorString) }));
    expect(go.error).toMatch(/name not registered for interface: "\*model.Nope"/);
  });
});
