// Entry helper for small plugins (tests, conformance): `runPlugin((api) => hooks)`.
import { startPluginProcess } from './process';
import type { PluginFactory } from './hooks';

export function runPlugin(factory: PluginFactory): void {
  startPluginProcess(() => factory);
}

export type { PluginFactory, Hooks } from './hooks';
export type { PluginAPI } from './api';
export type { PluginRequest, PluginResponse } from './http-types';
