// The Mattermost plugin runtime's public surface for feature code.
export { runPlugin } from './run';
export { startPluginProcess } from './process';
export { PluginAPI, AppError } from './api';
export type { Hooks, PluginFactory } from './hooks';
export type { PluginRequest, PluginResponse } from './http-types';
export { HttpError } from './http-types';
