import { BufferedResponse } from './http-response';
import type { RpcClient } from '../netrpc/client';

function recordingWriter() {
  const calls: Array<[string, unknown]> = [];
  const writer = { call: async (method: string, _type: unknown, value: unknown) => { calls.push([method, value]); return {}; } };
  return { writer: writer as unknown as RpcClient, calls };
}

describe('BufferedResponse', () => {
  test('flushes like Go\'s writer: SyncHeader, WriteHeader, SyncHeader, one Write', async () => {
    const res = new BufferedResponse();
    res.json(201, { ok: true });
    const { writer, calls } = recordingWriter();
    await res.flush(writer);
    expect(calls.map(([m]) => m)).toEqual(['Plugin.SyncHeader', 'Plugin.WriteHeader', 'Plugin.SyncHeader', 'Plugin.Write']);
    expect(calls[0][1]).toEqual({ 'Content-Type': ['application/json'] });
    expect(calls[1][1]).toBe(201);
    expect(Buffer.from(calls[3][1] as Uint8Array).toString()).toBe('{"ok":true}');
  });

  test('after end, status and headers no longer change; replaceWith answers an error cleanly', async () => {
    const res = new BufferedResponse();
    res.setHeader('x-trace', '1').json(200, { partial: true });
    res.status(418).setHeader('X-Late', 'no');
    res.replaceWith(500, { error: 'internal plugin error' });
    const { writer, calls } = recordingWriter();
    await res.flush(writer);
    expect(calls[1][1]).toBe(500);
    expect(calls[0][1]).toEqual({ 'Content-Type': ['application/json'] });
    expect(Buffer.from(calls[3][1] as Uint8Array).toString()).toBe('{"error":"internal plugin error"}');
  });

  test('an empty body sends no Write', async () => {
    const res = new BufferedResponse();
    res.status(204).end();
    const { writer, calls } = recordingWriter();
    await res.flush(writer);
    expect(calls.map(([m]) => m)).toEqual(['Plugin.SyncHeader', 'Plugin.WriteHeader']);
  });
});
