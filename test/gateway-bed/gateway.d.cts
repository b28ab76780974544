import type { ExtraModel, GatewayProcess } from './bed.cjs';
export function startGateway(opts: { dir: string; modelBaseUrl: string; port?: number; token?: string; readyTimeoutMs?: number; extraModels?: ExtraModel[]; maxConcurrent?: number }): Promise<GatewayProcess>;
export function freePort(): Promise<number>;
