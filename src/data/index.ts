/**
 * The public face of the data layer: the only thing src/server and src/cli may import from src/data
 * (dependency rule in .dependency-cruiser.cjs). It hands out gate-bound repositories and named,
 * audited system contexts; it never hands out a query builder or a connection.
 */
export { openStore, type Store, type StoreOptions } from './store.ts';
export { newTrace, type GateRequest, type TraceContext } from './gate/session.ts';
export type { Repository } from './repository/index.ts';
export type * from './repository/views.ts';
export type * from './repository/residents/views.ts';
export type { ResidentsRepository, AccessLogQuery, ComplaintAction, ComplaintQueueFilter, NewComplaint, NewRestriction, RestrictionReview, NewRightsRequest, RightsQueueFilter, RightsRequestAction, RightsNoticeView, FullExport, Letter, PortalSignalView, PortalMatchView } from './repository/residents/index.ts';
export type * from './repository/work/views.ts';
export type { WorkRepository } from './repository/work/index.ts';
export { openSessions, csrfTokenFor, csrfTokenMatches, type Sessions, type SessionRecord, type SessionLookup, type SessionActor, type NewSession, type SigninTransaction, type SignInKind, type Language } from './sessions.ts';
export { signInIdentity, type SignInIdentity } from './sign-in-identity.ts';
export { verifyProcessingLog, writeCheckpoint, type VerifyResult } from './log/verify.ts';
export { seedMunicipality } from './seed-logged.ts';
export { isEmptyDatabase, SeedError, DEFAULT_AS_OF, DEFAULT_ITEMS_PER_REQUEST, type SeedOptions, type SeedSummary, type BatchInfo, type OnBatch } from './seed/index.ts';
export { loadReferenceData, type ReferenceResult } from './reference.ts';
export { rotateKeys, countOldCiphertexts, type RotationResult } from './keys/rotate.ts';
export { systemLogHook } from './gate/system-log.ts';
export type * from './repository/console/index.ts';
export { activateDueChanges, type ActivationResult } from './repository/console/activation.ts';
export { recordDueMatches, type MatchRunResult } from './repository/work/matching-job.ts';
export { verifyLogFromConsole, checkpointFromConsole } from './repository/console/integrity-actions.ts';
export { trainingSandbox, closeTrainingSandbox, SANDBOX, type TrainingSandbox, type TrainingCase, type TrainingChoice, type TrainingOutcome, type TrainingRole } from './repository/console/sandbox.ts';
export { retentionDryRun, executeRun as executeRetentionRun, latestRun as latestRetentionRun } from './retention/runs.ts';
export { systemRequest, registerAsSystem, councilCountsAsSystem, recordVerificationAsSystem } from './repository/console/system.ts';
