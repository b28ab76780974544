// Plugin.ServeHTTP: dial the host's response-writer and body streams, run the plugin's
// handler, flush the buffered response, and only then reply (the host ends the HTTP
// response when our reply arrives).
import type { Duplex } from 'node:stream';
import { RpcClient } from '../netrpc/client';
import type { Infer } from '../gob';
import type { Hooks } from './hooks';
import type { ServeHTTPArgsType } from './hook-args';
import { buildRequest } from './http-request';
import { readBody } from './http-body';
import { BufferedResponse } from './http-response';
import { HttpError } from './http-types';

export interface HttpStreams {
  dial(id: number): Promise<Duplex>;
  maxBodyBytes?: number;
}

export type ServeHTTPArgs = Infer<typeof ServeHTTPArgsType>;

export async function serveHTTP(
  hooks: Hooks,
  streams: HttpStreams,
  args: ServeHTTPArgs,
  rawUrl: unknown,
  onError: (hook: string, err: unknown) => void,
): Promise<Record<string, never>> {
  // Dial both promptly: the host gives each broker id only 5 s to be claimed. If one dial
  // fails, close the other so the host's goroutine serving it is released.
  const [writerResult, bodyResult] = await Promise.allSettled([
    streams.dial(args.ResponseWriterStream ?? 0),
    args.RequestBodyStream ? streams.dial(args.RequestBodyStream) : Promise.resolve(undefined),
  ]);
  if (writerResult.status === 'rejected' || bodyResult.status === 'rejected') {
    if (writerResult.status === 'fulfilled') writerResult.value.destroy();
    if (bodyResult.status === 'fulfilled') bodyResult.value?.destroy();
    throw writerResult.status === 'rejected' ? writerResult.reason : bodyResult.status === 'rejected' ? bodyResult.reason : undefined;
  }
  const writerStream = writerResult.value;
  const bodyStream = bodyResult.value;
  const writer = new RpcClient(writerStream);
  const response = new BufferedResponse();
  try {
    const request = buildRequest(args.Request ?? {}, rawUrl, readBody(bodyStream, streams.maxBodyBytes));
    if (!hooks.serveHTTP) throw new HttpError(404, 'this plugin serves no HTTP routes');
    await hooks.serveHTTP(args.Context ?? {}, request, response);
    if (!response.finished) response.end();
  } catch (err) {
    if (err instanceof HttpError) {
      response.replaceWith(err.status, { error: err.message });
    } else {
      onError('ServeHTTP', err);
      response.replaceWith(500, { error: 'internal plugin error' });
    }
  } finally {
    bodyStream?.destroy();
  }
  try {
    await response.flush(writer);
  } finally {
    writer.close();
  }
  return {};
}
