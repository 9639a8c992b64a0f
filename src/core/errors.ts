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
  'TEXT.EMPTY': 'Write what it is about: the text is empty.',
  'TEXT.TOO_LONG': 'The text is longer than this form accepts.',
  'TEXT.INVALID': 'The text contains characters that are not allowed (control characters).',
  'PERIOD.INVALID': 'The period is not valid: give two dates, the first not after the second.',
  'CONSENT.ALREADY_WITHDRAWN': 'This consent has already been withdrawn.',
  'RIGHTS_REQUEST.ALREADY_DECIDED': 'This request has already been decided.',
  'RIGHTS_REQUEST.EXTENSION_NOT_ALLOWED': 'The deadline can be extended only once, and only within the first month (AVG art. 12(3)).',
  'COMPLAINT.ALREADY_DECIDED': 'This complaint has already been decided.',
  'COMPLAINT.POSTPONEMENT_NOT_ALLOWED': 'Handling can be postponed only once, by at most four weeks, before the deadline (Awb art. 9:11).',
  'COMPLAINT.NOT_DECIDED': 'There is no outcome letter yet: the complaint has not been decided.',
  'RESTRICTION.INVALID_TARGET': 'A restriction names records or categories of this resident’s file.',
  'RESTRICTION.INVALID_REVIEW_DATE': 'The review date must be after today and within a year.',
  'RESTRICTION.ENDED': 'This restriction has ended.',
  'CONFLICT.VERSION': 'The record was changed by someone else; reload and try again.',
  'STEP_PLAN.OUT_OF_ORDER': 'A later step of the step plan cannot be saved before an earlier one (policy §3.2: the order is not arbitrary).',
  'STEP_PLAN.STEP_NOT_APPLICABLE': 'This step does not apply to this step plan (steps 5 and 6 are for sharing and reuse only).',
  'STEP_PLAN.CLOSED': 'The step plan is completed or withdrawn and can no longer change.',
  'STEP_PLAN.INCOMPLETE': 'The step plan is not complete: every step must be done first.',
  'STEP_PLAN.ARGUMENT_REQUIRED': 'Record the argument for this judgement.',
  'STEP_PLAN.NO_NECESSARY_DATA': 'The step plan names no necessary data.',
  'STEP_PLAN.TASK_MISMATCH': 'The task must be the task of the help request.',
  'STEP_PLAN.GROUND_NOT_ALLOWED': 'This processing ground is not available to a public authority.',
  'STEP_PLAN.INCONSISTENT': 'The answers in this step contradict each other or the data named in step 3.',
  'STEP_PLAN.NOT_COMPATIBLE': 'The new purpose is not compatible with the purpose the data were collected for.',
  'STEP_PLAN.SECRECY': 'A duty of confidentiality does not allow this exchange.',
  'STEP_PLAN.REQUIRED': 'No completed step plan authorises this: complete the step plan first.',
  'STEP_PLAN.RECIPIENT_REQUIRED': 'A step plan for sharing names the receiving organisation (and only such a plan does).',
  'INTAKE.RESIDENT_DATA_REQUIRED': 'The BSN is not known here: give the resident’s data as the BRP has them.',
  'TRIAGE.REASONING_REQUIRED': 'Record why the help request is single-domain or multi-problem.',
  'PLAN.DOMAIN_NOT_NEEDED': 'The help request does not need this life domain; goals are set only for the domains it needs.',
  'PLAN.CLOSED': 'The support plan is closed.',
  'PLAN.GOAL_EXISTS': 'The plan already has a goal for this life domain.',
  'CONSENT.INVALID': 'The consent record is incomplete or inconsistent.',
  'INVOLUNTARY.GROUND_REQUIRED': 'Involuntary processing needs a health or safety ground and the facts behind it.',
  'INVOLUNTARY.INCOMPLETE': 'Involuntary processing cannot be decided before the explanation, the consultation and the considerations are recorded.',
  'INVOLUNTARY.SAME_PERSON': 'The proposer cannot approve their own proposal: a second person decides.',
  'INVOLUNTARY.NOT_PSEUDONYMISED': 'The facts for the consultation contain identifying data; describe them without name, BSN, address or birth date.',
  'INVOLUNTARY.CLOSED': 'This involuntary-processing record has been decided and can no longer change.',
  'INVOLUNTARY.NOT_APPROVED': 'There is no approved decision to send a notice about.',
  'COVENANT.INVALID': 'The covenant names an unknown category, task, legal basis or organisation, or an impossible period.',
  'SIGNAL.REASON_REQUIRED': 'Record why automated sources were consulted.',
  'SIGNAL.CLOSED': 'The signal is closed.',
  'PROPOSAL.NOT_FOUND': 'Not found.',
  'PROPOSAL.NOT_OPEN': 'This proposal has already been decided, withdrawn or superseded.',
  'PROPOSAL.FOUR_EYES': 'Four eyes: a proposal is approved by someone other than the proposer, and withdrawn only by the proposer.',
  'PROPOSAL.STALE': 'The proposal starts from a version that is no longer the newest: propose it again on the current version.',
  'PROPOSAL.INVALID_CATALOGUE': 'The proposed rules catalogue is invalid; the details list every problem.',
  'PROPOSAL.INVALID_VERSION': 'A new version must be numbered after the newest one and take effect today or later, after the newest one.',
  'PROPOSAL.NO_CHANGE': 'The proposal changes nothing.',
  'COVENANT.NOT_AVAILABLE': 'Covenants are not recorded in this installation.',
  'LOG_REVIEW.QUERY_REQUIRED': 'Name a resident, a professional, or a period with a start and an end.',
  'ACCESS_REVIEW.OWN_ACCESS': 'Nobody reviews their own access rights.',
  'ACCESS_REVIEW.UNKNOWN_INVOLVEMENT': 'That involvement is not a current involvement of this professional.',
  'RETENTION.RUN_NOT_FOUND': 'Not found.',
  'RETENTION.RUN_CLOSED': 'This retention run is no longer waiting for a sign-off.',
  'RETENTION.NOT_SIGNED_OFF': 'Nothing is destroyed without an archivist\'s sign-off of the dry-run report.',
  'RETENTION.SAME_PERSON': 'The person who made the dry-run report cannot sign it off.',
  'LEGAL_HOLD.NOT_FOUND': 'Not found, or already released.',
  'LEGAL_HOLD.UNKNOWN_OBJECT': 'There is no such resident, household or help request.',
  'REPORT.INVALID_PERIOD': 'The period is not valid: two real dates, the first not after the second.',
  'TRAINING.UNKNOWN_CASE': 'There is no such case in the training municipality.',
  'TRAINING.INVALID_CHOICE': 'This choice does not fit the case.',
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
