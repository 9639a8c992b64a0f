/**
 * One error catalogue with stable codes (house style habit 10). The domain never knows HTTP:
 * the code → status table lives in src/server/http/error-status.ts. Messages are for people and may
 * change; codes are the contract and tests assert them. Never put personal data in a message or in details.
 */
export const ErrorCodes = {
  'REQUEST.INVALID': 'The request does not match the schema of this route.',
  'REQUEST.TOO_LARGE': 'The request body is larger than this route accepts.',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 'The request body has a media type this route does not accept.',
  'REQUEST.RATE_LIMITED': 'Too many requests; try again later.',
  'ROUTE.NOT_FOUND': 'There is no such route.',
  'AUTH.REQUIRED': 'Sign in first.',
  'AUTH.SESSION_EXPIRED': 'Your session has expired; sign in again.',
  'AUTH.CSRF': 'The request lacks a valid CSRF token.',
  'AUTH.SIGNIN_FAILED': 'Signing in did not succeed.',
  'AUTH.MFA_REQUIRED': 'This service requires multi-factor authentication.',
  'AUTH.UNKNOWN_ACCOUNT': 'There is no account for this identity.',
  'AUTH.NO_ROLE': 'Your account has no role in this service.',
  'AUTH.ROLE_REQUIRED': 'Your role does not allow this.',
  'AUTH.PROVIDER_UNAVAILABLE': 'The identity provider is not configured or cannot be reached.',
  'GATE.DENIED': 'You may not perform this action on this data.',
  'GATE.NOT_FOUND': 'Not found.',
  'GATE.PURPOSE_REQUIRED': 'Name the help request (purpose) you are working on.',
  'GATE.LOG_UNAVAILABLE': 'The processing log cannot be written, so no personal data can be processed.',
  'BSN.INVALID': 'The BSN does not pass the 11-proef.',
  'DATE.INVALID': 'The date is impossible or out of range.',
  'RESIDENT.NOT_FOUND': 'Not found.',
  'HOUSEHOLD.NOT_FOUND': 'Not found.',
  'HELP_REQUEST.NOT_FOUND': 'Not found.',
  'HELP_REQUEST.CLOSED': 'The help request is closed.',
  'HELP_REQUEST.INVALID_TRANSITION': 'The help request cannot move to that status from its current status.',
  'HELP_REQUEST.UNKNOWN_TASK': 'The municipal task does not exist or does not belong to the domain.',
  'PLAN.ACTIVE_EXISTS': 'This household already has an active support plan.',
  'PLAN.DIRECTOR_REQUIRED': 'A support plan needs exactly one director.',
  'PLAN.VERSION_CONFLICT': 'Someone else changed this plan; reload and try again.',
  'PLAN.INVALID_TRANSITION': 'The support plan cannot move to that status from its current status.',
  'ZRM.INVALID_DOMAIN': 'Unknown ZRM life domain.',
  'ZRM.INVALID_SCORE': 'A ZRM score is 1 to 5.',
  'INVOLVEMENT.INVALID_PERIOD': 'An involvement must end after it starts.',
  'INVOLVEMENT.INVALID_TARGET': 'An involvement names a household, and optionally one of its help requests or sub-activities.',
  'DATA_ITEM.UNKNOWN_CATEGORY': 'Unknown data category.',
  'DATA_ITEM.INVALID_LEVEL': 'Unknown confidentiality level.',
  'CONFLICT.VERSION': 'The record was changed by someone else; reload and try again.',
  'INTERNAL': 'Something went wrong on our side. Nothing was changed.',
  'SERVICE.UNAVAILABLE': 'The service is temporarily unavailable. Nothing was changed; try again shortly.',
  'DATABASE.READ_ONLY': 'The database is read-only at the moment. Nothing was changed.',
  'DATABASE.FULL': 'The database has no space left. Nothing was changed.',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/** Structured, non-personal details (field names, limits, rule ids) — never values a person typed. */
export type ErrorDetails = Record<string, string | number | boolean | string[] | undefined>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;
  constructor(code: ErrorCode, details?: ErrorDetails, message?: string) {
    super(message ?? ErrorCodes[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
