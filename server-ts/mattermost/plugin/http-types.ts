// What a plugin's serveHTTP sees: a request (body read on demand) and a buffered response
// that is sent in one Write, because Mattermost keeps only the last Write of local
// (action/dialog) requests.
export interface PluginRequest {
  method: string;
  /** Path after /plugins/<id>, e.g. "/api/v1/health". */
  path: string;
  query: URLSearchParams;
  /** Canonical header names (Go style), each with all its values. */
  headers: Record<string, string[]>;
  /** Set by Mattermost when the request carries a valid session; never trust a client-sent one. */
  userId: string | undefined;
  header(name: string): string | undefined;
  /** Reads the whole body; rejects with HttpError(413) beyond the runtime's limit. */
  body(): Promise<Buffer>;
}

export interface PluginResponse {
  status(code: number): this;
  setHeader(name: string, value: string): this;
  /** Finishes the response; later calls are ignored. */
  end(body?: string | Uint8Array): void;
  json(code: number, value: unknown): void;
}

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}
