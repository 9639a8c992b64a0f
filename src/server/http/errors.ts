/**
 * The error handler: every failure leaves as {error: {code, message, details?}} with the status from
 * the one table. No stack traces, no SQL, no personal data: details carry field names and rule ids only.
 * Database outages and read-only/full disks map to stable codes so callers can retry (issue 8 faults).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCodes, isAppError, type ErrorCode, type ErrorDetails } from '../../core/errors.ts';
import { ERROR_STATUS } from './error-status.ts';

export const ErrorResponseSchema = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'object', additionalProperties: true },
      },
    },
  },
} as const;

// Also transient contention: a deadlock or serialisation failure (40P01, 40001), a lock or statement
// timeout (55P03, 57014). The transaction was rolled back, so nothing was changed: try again (503 +
// Retry-After), never a 500.
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004', '53300', '40P01', '40001', '55P03', '57014']);

/** Translate a thrown value into an AppError without leaking its message. */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  const e = err as Partial<FastifyError> & { code?: string; errno?: string; validation?: Array<{ instancePath?: string; params?: Record<string, unknown>; keyword?: string }> };
  if (e && e.validation) {
    const fields = e.validation.map((v) => {
      const extra = v.params && typeof v.params['additionalProperty'] === 'string' ? `/${v.params['additionalProperty']}` : '';
      const missing = v.params && typeof v.params['missingProperty'] === 'string' ? `/${v.params['missingProperty']}` : '';
      return `${v.instancePath || ''}${extra}${missing}` || '/';
    });
    return new AppError('REQUEST.INVALID', { fields, context: String((e as { validationContext?: string }).validationContext ?? 'body') });
  }
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('REQUEST.TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('REQUEST.INVALID', { fields: ['/'], context: 'body' });
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('REQUEST.INVALID', { fields: ['/'], context: 'url' });
    case '25006':
      return new AppError('DATABASE.READ_ONLY');
    case '53100':
      return new AppError('DATABASE.FULL');
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'ETIMEDOUT':
      return new AppError('SERVICE.UNAVAILABLE');
  }
  if (e?.code && PG_UNAVAILABLE.has(e.code)) return new AppError('SERVICE.UNAVAILABLE');
  // SQLSTATE class 22 (data exception: a NUL byte in text, a value out of range) is the request's
  // value, not our failure: refuse it as invalid (issue 8 fuzzing), without echoing it.
  if (typeof e?.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return new AppError('REQUEST.INVALID', { fields: ['/'], context: 'value' });
  if (e instanceof SyntaxError && (e as { statusCode?: number }).statusCode === 400) {
    return new AppError('REQUEST.INVALID', { fields: ['/'], context: 'body' });
  }
  const msg = err instanceof Error ? err.message : '';
  // pg's messages for a connection that died under a transaction (a database restart, a cut backend).
  if (/Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|not queryable|Client was closed/i.test(msg)) {
    return new AppError('SERVICE.UNAVAILABLE');
  }
  const status = (e as { statusCode?: number })?.statusCode;
  if (status === 404) return new AppError('ROUTE.NOT_FOUND');
  if (status === 429) return new AppError('REQUEST.RATE_LIMITED');
  if (status && status >= 400 && status < 500) return new AppError('REQUEST.INVALID', { fields: ['/'] });
  return new AppError('INTERNAL');
}

export function errorBody(code: ErrorCode, details?: ErrorDetails) {
  return { error: { code, message: ErrorCodes[code], ...(details ? { details } : {}) } };
}

/**
 * Fastify's router answers a malformed URL (bad percent-encoding, an over-long path parameter) itself,
 * before any hook, with a body that echoes the URL. Passed as the `frameworkErrors` option, this answers
 * them like every other error instead.
 */
export function frameworkErrorHandler(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(err);
  void reply.code(ERROR_STATUS[appError.code] ?? 400).type('application/json').send(errorBody(appError.code, appError.details));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(err);
    const status = ERROR_STATUS[appError.code] ?? 500;
    if (status >= 500) {
      // Log the class and code only: driver messages can echo values.
      request.log.error({ code: appError.code, errName: (err as Error)?.name, errCode: (err as { code?: string })?.code }, 'request failed');
    }
    if (appError.code === 'SERVICE.UNAVAILABLE' || appError.code === 'GATE.LOG_UNAVAILABLE') reply.header('retry-after', '5');
    void reply.code(status).type('application/json').send(errorBody(appError.code, appError.details));
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send(errorBody('ROUTE.NOT_FOUND'));
  });
}
