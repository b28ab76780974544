import type { GatewayProcess } from './bed.cjs';
export function startGateway(opts: { dir: string; modelBaseUrl: string; port?: number; token?: string; readyTimeoutMs?: number }): Promise<GatewayProcess>;
export function freePort(): Promise<number>;
