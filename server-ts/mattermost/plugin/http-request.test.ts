import { PassThrough } from 'node:stream';
import { fromHex, loadVectors } from '../../../test/unit/gob/tagged';
import { GobDecoder, check } from '../gob';
import { ServeHTTPArgsType } from './hook-args';
import { buildRequest, canonicalHeaderName } from './http-request';
import { readBody } from './http-body';
import { HttpError } from './http-types';

describe('ServeHTTP request', () => {
  test('header names are canonicalised like Go', () => {
    expect(canonicalHeaderName('mattermost-user-id')).toBe('Mattermost-User-Id');
    expect(canonicalHeaderName('CONTENT-TYPE')).toBe('Content-Type');
  });

  test('path, query and user id come from the forwarded request', () => {
    const req = buildRequest(
      { Method: 'POST', RequestURI: '/api/v1/x?a=1&b=two', Header: { 'Mattermost-User-Id': ['u1'], 'Content-Type': ['application/json'] } },
      undefined,
      async () => Buffer.alloc(0),
    );
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/api/v1/x');
    expect(req.query.get('b')).toBe('two');
    expect(req.userId).toBe('u1');
    expect(req.header('content-type')).toBe('application/json');
  });

  test('the URL of 10.7+ servers is a plain string', () => {
    const req = buildRequest({ Method: 'GET' }, '/api/v1/y?q=1', async () => Buffer.alloc(0));
    expect(req.path).toBe('/api/v1/y');
    expect(req.query.get('q')).toBe('1');
  });

  test('no Mattermost-User-Id header means unauthenticated', () => {
    expect(buildRequest({ RequestURI: '/' }, undefined, async () => Buffer.alloc(0)).userId).toBeUndefined();
  });

  test('body reader asks for limit+1 bytes with a zig-zag varint and reads to EOF', async () => {
    const stream = new PassThrough();
    const asked: Buffer[] = [];
    const duplex = Object.assign(stream, {});
    const origWrite = duplex.write.bind(duplex);
    duplex.write = ((chunk: Buffer) => { asked.push(chunk); return true; }) as typeof duplex.write;
    const body = readBody(duplex, 32767);
    const pending = body();
    origWrite(Buffer.from('hello '));
    origWrite(Buffer.from('world'));
    duplex.end();
    expect((await pending).toString()).toBe('hello world');
    expect(asked[0]).toEqual(Buffer.from([0x80, 0x80, 0x04])); // 32768 → 65536 zig-zag
    expect(await body()).toBe(await pending); // cached
  });

  test('body over the limit is rejected with 413', async () => {
    const stream = new PassThrough();
    stream.write = (() => true) as typeof stream.write;
    const pending = readBody(stream, 4)();
    stream.push(Buffer.from('too large'));
    await expect(pending).rejects.toBeInstanceOf(HttpError);
    await expect(pending).rejects.toMatchObject({ status: 413 });
  });
});

describe('ServeHTTP args from real Go bytes', () => {
  test('the pre-10.7 *http.Request graph yields method, path, query and headers', () => {
    const vector = loadVectors().find((v) => v.name === 'serve_http_legacy')!;
    const decoder = new GobDecoder();
    decoder.push(fromHex(vector.hex));
    const raw = decoder.next()!.value;
    const args = check(ServeHTTPArgsType, raw);
    const rawUrl = (raw as { Request: { URL: unknown } }).Request.URL;
    const req = buildRequest(args.Request ?? {}, rawUrl, async () => Buffer.alloc(0));
    // Values set by test/gob-vectors (legacyServeHTTP): the URL comes from url.URL's binary form.
    expect(args.ResponseWriterStream).toBe(7);
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/api/v1/hook');
    expect(req.query.get('y')).toBe(' z');
    expect(req.headers['X-Multi']).toEqual(['a', 'b']);
    expect(req.header('content-type')).toBe('application/json');
    expect(req.userId).toBeUndefined();
  });
});
