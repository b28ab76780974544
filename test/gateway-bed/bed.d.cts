// Types for the CommonJS test bed, so the TypeScript e2e tests can use it strictly.
export interface FakeModel {
  port: number;
  baseUrl: string;
  requests: Array<{ at: number; body: { messages?: unknown[]; stream?: boolean } }>;
  close(): Promise<void>;
}
export interface GatewayProcess {
  port: number;
  token: string;
  dir: string;
  url: string;
  logPath: string;
  readonly pid: number | undefined;
  startedInMs: number;
  start(): Promise<GatewayProcess>;
  stop(): Promise<void>;
  cli(args: string[], timeoutMs?: number): Promise<string>;
  listDevices(): Promise<{ pending?: Array<{ requestId: string; deviceId: string; displayName?: string }>; paired?: unknown[] }>;
  approveDevice(requestId: string): Promise<unknown>;
}
export interface Bed {
  dir: string;
  model: FakeModel;
  gateway: GatewayProcess;
  proxy: { port: number; close(): Promise<void>; setDown(down: boolean): void };
  remoteUrl: string;
  localUrl: string;
  token: string;
  approveDevice(requestId: string): Promise<unknown>;
  stop(): Promise<void>;
}
export interface ExtraModel { provider: string; id: string; name: string; reasoning?: boolean }
export function startBed(opts?: { keepDir?: boolean; modelDelayMs?: number; extraModels?: ExtraModel[]; maxConcurrent?: number }): Promise<Bed>;
