// model.AppError as it crosses the wire (unexported params/wrapped are never sent by Go).
import { t, type Infer } from '../gob';

export const AppErrorType = t.struct('AppError', () => [
  ['Id', t.string],
  ['Message', t.string],
  ['DetailedError', t.string],
  ['RequestId', t.string],
  ['StatusCode', t.int],
  ['Where', t.string],
  ['IsOAuth', t.bool],
  ['SkipTranslation', t.bool],
]);

export type AppErrorFields = Infer<typeof AppErrorType>;

/** A Mattermost API error, raised by the typed API client and returned by hooks. */
export class AppError extends Error {
  readonly id: string;
  readonly statusCode: number;
  readonly detailedError: string;
  readonly where: string;

  constructor(fields: AppErrorFields) {
    super(fields.Message || fields.Id || 'unknown Mattermost error');
    this.name = 'AppError';
    this.id = fields.Id ?? '';
    this.statusCode = fields.StatusCode ?? 500;
    this.detailedError = fields.DetailedError ?? '';
    this.where = fields.Where ?? '';
  }

  toWire(): AppErrorFields {
    return { Id: this.id, Message: this.message, DetailedError: this.detailedError, StatusCode: this.statusCode, Where: this.where };
  }
}

/** Go's plugin.ErrorString: how a plain `error` travels inside an interface. */
export const ErrorStringType = t.struct('ErrorString', () => [
  ['Code', t.int],
  ['Err', t.string],
]);
