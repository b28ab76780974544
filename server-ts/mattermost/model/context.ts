// plugin.Context: who and what caused a hook call. All strings, absent when empty.
export interface PluginContext {
  SessionId?: string;
  ConnectionId?: string;
  RequestId?: string;
  IPAddress?: string;
  AcceptLanguage?: string;
  UserAgent?: string;
}
