/** Request and response schemas of the privacy officer's console: what is declared here is all that can leave. */
import { Type, type Static } from 'typebox';
import { Explanation, ExplainedRule, Uuid } from '../workspace/workspace.schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date' });
const Code = (max = 64) => Type.String({ minLength: 1, maxLength: max, pattern: '^[a-z][a-z0-9_.-]*$' });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });

export const CatalogueVersionParams = Type.Object({ version: Type.String({ pattern: '^[0-9]{4}\\.[0-9]{1,4}$' }) }, { additionalProperties: false });
export const ProfessionalParams = Type.Object({ professionalId: Uuid }, { additionalProperties: false });

export const Period = Type.Object({ from: Day, to: Day }, { additionalProperties: false });
export type PeriodT = Static<typeof Period>;

export const Capabilities = Type.Object({
  roles: Type.Array(Type.String()),
  capabilities: Type.Array(Type.String()),
});

// ── Register ──────────────────────────────────────────────────────────────────────────────────────
export const RegisterVersion = Type.Object({
  id: Uuid,
  code: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  purpose: Type.String(),
  legalBasis: Type.String(),
  categories: Type.Array(Type.String()),
  dataSubjects: Type.Array(Type.String()),
  recipients: Type.Array(Type.String()),
  retention: Type.String(),
  measures: Type.String(),
  validFrom: DateTime,
  createdAt: DateTime,
  state: Type.Union([Type.Literal('in_force'), Type.Literal('scheduled'), Type.Literal('superseded')]),
});

export const RegisterView = Type.Object({
  catalogueVersion: Type.String(),
  controller: Type.String(),
  activities: Type.Array(
    Type.Object({
      code: Type.String(),
      current: Nullable(RegisterVersion),
      versions: Type.Array(RegisterVersion),
      logEntries: Type.Record(Type.String(), Type.Integer()),
    }),
  ),
});

export const RegisterExportQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])) }, { additionalProperties: false });

export const RegisterExportJson = Type.Object({
  controller: Type.String(),
  generatedAt: DateTime,
  catalogueVersion: Type.String(),
  processingActivities: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      active: Type.Boolean(),
      latestVersion: Type.Integer(),
      versionInForce: Nullable(Type.Integer()),
      versions: Type.Array(Type.Object({ ...RegisterVersion.properties, uri: Type.String() })),
    }),
  ),
});

export const RegisterChangeBody = Type.Object(
  {
    code: Type.String({ pattern: '^pa-[a-z0-9-]{1,60}$' }),
    name: Text(300, 3),
    purpose: Text(4000, 3),
    legalBasis: Text(4000, 3),
    categories: Type.Array(Code(), { minItems: 1, maxItems: 60 }),
    dataSubjects: Type.Array(Text(300, 1), { minItems: 1, maxItems: 30 }),
    recipients: Type.Array(Text(300, 1), { maxItems: 30 }),
    retention: Text(2000, 3),
    measures: Text(4000, 3),
    effectiveFrom: Day,
    reason: Text(2000, 3),
  },
  { additionalProperties: false },
);

// ── Proposals ─────────────────────────────────────────────────────────────────────────────────────
const FieldChange = Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() });
export const StructuredDiff = Type.Object({
  from: Nullable(Type.String()),
  to: Type.String(),
  changes: Type.Array(Type.Object({ section: Type.String(), key: Type.String(), kind: Type.String(), fields: Type.Array(FieldChange) })),
  summary: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer())),
});

const ProposalStatus = Type.Union([Type.Literal('proposed'), Type.Literal('approved'), Type.Literal('in_force'), Type.Literal('rejected'), Type.Literal('withdrawn'), Type.Literal('superseded')]);
const ProposalKind = Type.Union([Type.Literal('rule_catalogue'), Type.Literal('covenant')]);

export const ProposalView = Type.Object({
  id: Uuid,
  kind: ProposalKind,
  subject: Type.String(),
  baseVersion: Nullable(Type.String()),
  proposedVersion: Type.String(),
  reason: Type.String(),
  effectiveFrom: Day,
  status: ProposalStatus,
  proposedBy: Type.Object({ id: Uuid, displayName: Type.String() }),
  proposedAt: DateTime,
  decidedBy: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  decidedAt: Nullable(DateTime),
  decisionNote: Nullable(Type.String()),
  activatedAt: Nullable(DateTime),
  diff: StructuredDiff,
  mayApprove: Type.Boolean(),
  mayReject: Type.Boolean(),
  mayWithdraw: Type.Boolean(),
});

export const ProposalQuery = Type.Object({ status: Type.Optional(ProposalStatus), kind: Type.Optional(ProposalKind) }, { additionalProperties: false });

export const CatalogueProposalBody = Type.Object(
  {
    /** The whole proposed catalogue (validated like a file in rules/). */
    catalogue: Type.Object({}, { additionalProperties: true }),
    reason: Text(2000, 3),
  },
  { additionalProperties: false },
);

export const CovenantBody = Type.Object(
  {
    covenantId: Nullable(Uuid),
    organisationId: Uuid,
    title: Text(300, 3),
    categories: Type.Array(Code(), { minItems: 1, maxItems: 60 }),
    purposes: Type.Array(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9-]*$' }), { minItems: 1, maxItems: 30 }),
    legalBasis: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z][a-zA-Z0-9.-]*$' }),
    validFrom: Day,
    validUntil: Nullable(Day),
    status: Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('ended')]),
    reason: Text(2000, 3),
  },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject'), Type.Literal('withdraw')]),
    note: Type.Optional(Nullable(Text(2000))),
  },
  { additionalProperties: false },
);

export const CatalogueVersions = Type.Object({
  versions: Type.Array(Type.Object({ version: Type.String(), effectiveFrom: Day, sha256: Type.String(), loadedAt: DateTime, inForce: Type.Boolean() })),
});

export const CovenantList = Type.Object({
  available: Type.Boolean(),
  covenants: Type.Array(
    Type.Object({
      id: Uuid,
      organisationId: Uuid,
      organisationName: Type.String(),
      title: Type.String(),
      categories: Type.Array(Type.String()),
      purposes: Type.Array(Type.String()),
      legalBasis: Type.String(),
      validFrom: Day,
      validUntil: Nullable(Day),
      status: Type.String(),
      version: Type.Integer(),
      current: Type.Boolean(),
    }),
  ),
});

// ── Log review ────────────────────────────────────────────────────────────────────────────────────
export const LogSearchBody = Type.Object(
  {
    bsn: Type.Optional(Type.String({ pattern: '^[0-9]{8,9}$' })),
    residentId: Type.Optional(Uuid),
    professionalId: Type.Optional(Uuid),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    decision: Type.Optional(Type.Union([Type.Literal('permit'), Type.Literal('deny')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);

export const LogEntry = Type.Object({
  id: Type.Integer(),
  startTime: DateTime,
  name: Type.String(),
  action: Type.String(),
  decision: Type.String(),
  rule: Type.String(),
  ruleIds: Type.Array(Type.String()),
  ruleVersion: Type.String(),
  actor: Type.Object({ kind: Type.String(), id: Nullable(Type.String()), role: Type.String(), displayName: Nullable(Type.String()), organisation: Nullable(Type.String()) }),
  purpose: Type.Object({ code: Type.String(), helpRequestId: Nullable(Type.String()) }),
  object: Type.Object({ type: Type.String(), id: Nullable(Type.String()) }),
  categories: Type.Array(Type.String()),
  activity: Nullable(Type.Object({ code: Type.String(), version: Type.Integer() })),
  subject: Nullable(Type.String()),
  traceId: Type.String(),
});

export const LogSearchResult = Type.Object({
  query: Type.Object({
    resident: Type.Boolean(),
    residentId: Nullable(Type.String()),
    professionalId: Nullable(Type.String()),
    from: Nullable(Type.String()),
    to: Nullable(Type.String()),
    decision: Nullable(Type.String()),
  }),
  total: Type.Integer(),
  entries: Type.Array(LogEntry),
});

export const OutsideInvolvement = Type.Object({
  actors: Type.Array(
    Type.Object({ actorId: Nullable(Type.String()), displayName: Nullable(Type.String()), organisation: Nullable(Type.String()), denials: Type.Integer(), subjects: Type.Integer(), first: DateTime, last: DateTime }),
  ),
  entries: Type.Array(LogEntry),
});

export const BurstQuery = Type.Object(
  { from: Day, to: Day, minCount: Type.Optional(Type.Integer({ minimum: 2, maximum: 1000 })), windowMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })) },
  { additionalProperties: false },
);

export const Bursts = Type.Object({
  minCount: Type.Integer(),
  windowMinutes: Type.Integer(),
  bursts: Type.Array(
    Type.Object({ actorId: Type.String(), displayName: Nullable(Type.String()), from: DateTime, to: DateTime, count: Type.Integer(), rules: Type.Array(Type.Object({ rule: Type.String(), count: Type.Integer() })) }),
  ),
});

export const Involuntary = Type.Object({
  entries: Type.Array(LogEntry),
  records: Type.Array(Type.Object({ ground: Type.String(), status: Type.String(), count: Type.Integer() })),
});

const Verification = Type.Object({
  id: Type.Integer(),
  startedAt: DateTime,
  finishedAt: DateTime,
  by: Nullable(Type.String()),
  ok: Type.Boolean(),
  entries: Type.Integer(),
  chains: Type.Integer(),
  checkpoints: Type.Integer(),
  lastCheckpointId: Nullable(Type.Integer()),
  failure: Nullable(Type.Object({ chainId: Type.Integer(), seq: Type.Integer(), logId: Nullable(Type.Integer()), reason: Type.String() })),
});

export const Checkpoint = Type.Object({ id: Type.Integer(), createdAt: DateTime, entries: Type.Integer(), root: Type.String() });

export const Integrity = Type.Object({
  entries: Type.Integer(),
  chains: Type.Integer(),
  lastCheckpoint: Nullable(Checkpoint),
  entriesSinceCheckpoint: Type.Integer(),
  lastVerification: Nullable(Verification),
  verifications: Type.Array(Verification),
});

export const VerifyResponse = Type.Object({ verification: Verification });

export const LdvExportBody = Type.Object(
  { bsn: Type.Optional(Type.String({ pattern: '^[0-9]{8,9}$' })), residentId: Type.Optional(Uuid), from: Type.Optional(Day), to: Type.Optional(Day) },
  { additionalProperties: false },
);

export const LdvReadResult = Type.Object({
  metadata: Type.Object({ logbookId: Type.String(), organizationName: Type.String() }),
  processingActivities: Type.Array(
    Type.Object({
      traceId: Type.String(),
      spanId: Type.String(),
      status: Type.Union([Type.Literal('Unset'), Type.Literal('Ok'), Type.Literal('Error')]),
      name: Type.String(),
      startTime: DateTime,
      endTime: DateTime,
      parentSpanId: Type.Optional(Type.String()),
      resource: Type.Object({ attributes: Type.Record(Type.String(), Type.String()) }),
      attributes: Type.Record(Type.String(), Type.String()),
    }),
  ),
});

// ── Access reviews ────────────────────────────────────────────────────────────────────────────────
const Schedule = Type.Object({
  cadence: Type.String(),
  lastReviewed: Nullable(Day),
  due: Day,
  status: Type.Union([Type.Literal('ok'), Type.Literal('due_soon'), Type.Literal('overdue')]),
  rule: Type.String(),
});

const ReviewRowProps = {
  professionalId: Uuid,
  displayName: Type.String(),
  functionTitle: Type.String(),
  organisation: Type.String(),
  roles: Type.Array(Type.String()),
  currentInvolvements: Type.Integer(),
  schedule: Schedule,
};

export const ReviewList = Type.Object({ professionals: Type.Array(Type.Object(ReviewRowProps)) });

export const ReviewDetail = Type.Object({
  ...ReviewRowProps,
  involvements: Type.Array(
    Type.Object({
      id: Uuid,
      householdId: Uuid,
      householdReference: Type.String(),
      helpRequestId: Nullable(Uuid),
      helpRequestReference: Nullable(Type.String()),
      task: Nullable(Type.String()),
      subActivityId: Nullable(Uuid),
      subActivity: Nullable(Type.String()),
      role: Type.String(),
      maxConfidentiality: Type.String(),
      validFrom: DateTime,
      validUntil: Nullable(DateTime),
    }),
  ),
  history: Type.Array(Type.Object({ id: Uuid, reviewedAt: DateTime, reviewedBy: Type.String(), outcome: Type.String(), kept: Type.Integer(), revoked: Type.Integer(), note: Nullable(Type.String()) })),
  grants: Type.Array(Type.Object({ residentId: Uuid, householdId: Uuid, categories: Type.Array(Type.String()), purposes: Type.Array(Uuid) })),
});

export const ReviewDecisionBody = Type.Object(
  {
    outcome: Type.Union([Type.Literal('signed_off'), Type.Literal('revoked')]),
    revoke: Type.Array(Uuid, { maxItems: 500 }),
    note: Type.Optional(Nullable(Text(2000))),
  },
  { additionalProperties: false },
);

export const ReviewDecision = Type.Object({ reviewId: Uuid, revoked: Type.Array(Uuid), schedule: Schedule });

// ── Retention ─────────────────────────────────────────────────────────────────────────────────────
const RunSummary = Type.Object({
  asOf: Day,
  catalogueVersion: Type.String(),
  candidates: Type.Integer(),
  held: Type.Integer(),
  households: Type.Integer(),
  perClass: Type.Record(Type.String(), Type.Integer()),
  oldestDue: Nullable(Day),
});
const RunResult = Type.Object({
  destroyed: Type.Integer(),
  keptHold: Type.Integer(),
  keptNotDue: Type.Integer(),
  keptError: Type.Integer(),
  households: Type.Integer(),
  residents: Type.Integer(),
  reasons: Type.Record(Type.String(), Type.Integer()),
});
const RunProps = {
  id: Uuid,
  createdAt: DateTime,
  createdBy: Nullable(Type.String()),
  asOf: Day,
  catalogueVersion: Type.String(),
  status: Type.String(),
  summary: RunSummary,
  signedOffBy: Nullable(Type.String()),
  signedOffAt: Nullable(DateTime),
  signOffNote: Nullable(Type.String()),
  executedAt: Nullable(DateTime),
  result: Nullable(RunResult),
};
export const RetentionRun = Type.Object(RunProps);
export const RetentionRuns = Type.Object({ runs: Type.Array(RetentionRun) });
export const RetentionRunDetail = Type.Object({
  ...RunProps,
  candidates: Type.Array(
    Type.Object({ helpRequestId: Uuid, helpRequestReference: Nullable(Type.String()), householdId: Uuid, classes: Type.Array(Type.String()), due: Day, held: Type.Boolean(), outcome: Type.String() }),
  ),
});
export const SignOffBody = Type.Object(
  { decision: Type.Union([Type.Literal('sign_off'), Type.Literal('reject')]), note: Type.Optional(Nullable(Text(2000))) },
  { additionalProperties: false },
);
export const HoldBody = Type.Object(
  { objectType: Type.Union([Type.Literal('resident'), Type.Literal('household'), Type.Literal('help_request')]), objectId: Uuid, reason: Text(2000, 3) },
  { additionalProperties: false },
);
export const Holds = Type.Object({
  holds: Type.Array(
    Type.Object({ id: Uuid, objectType: Type.String(), objectId: Uuid, reason: Type.String(), placedBy: Type.String(), placedAt: DateTime, releasedBy: Nullable(Type.String()), releasedAt: Nullable(DateTime) }),
  ),
});

// ── Council report ────────────────────────────────────────────────────────────────────────────────
export const ReportQuery = Type.Object({ from: Day, to: Day, lang: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])) }, { additionalProperties: false });
const Shown = Type.Object({ value: Nullable(Type.Integer()), label: Type.String(), suppressed: Type.Boolean() });
export const CouncilReport = Type.Object({
  title: Type.String(),
  period: Period,
  generatedAt: DateTime,
  municipality: Type.String(),
  catalogueVersion: Type.String(),
  intro: Type.String(),
  sections: Type.Array(
    Type.Object({
      key: Type.String(),
      title: Type.String(),
      status: Type.Union([Type.Literal('ok'), Type.Literal('not_recorded')]),
      note: Type.Optional(Type.String()),
      columns: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
      rows: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), cells: Type.Array(Type.Object({ column: Type.String(), shown: Shown })) })),
      chart: Type.Optional(Type.String()),
    }),
  ),
  integrity: Type.Object({ lines: Type.Array(Type.String()) }),
});

// ── Training ──────────────────────────────────────────────────────────────────────────────────────
export const TrainingCases = Type.Object({
  cases: Type.Array(
    Type.Object({
      householdId: Uuid,
      reference: Type.String(),
      members: Type.Array(Type.Object({ residentId: Uuid, displayName: Type.String(), relation: Type.String(), birthDate: Day })),
      helpRequests: Type.Array(Type.Object({ id: Uuid, reference: Type.String(), residentId: Uuid, domain: Type.String(), task: Type.String(), law: Type.String(), status: Type.String() })),
      subActivities: Type.Array(Type.Object({ id: Uuid, helpRequestId: Uuid, organisation: Type.String(), residentId: Uuid, dataCategories: Type.Array(Type.String()), status: Type.String() })),
      consents: Type.Array(
        Type.Object({ helpRequestId: Uuid, residentId: Uuid, kind: Type.String(), categories: Type.Array(Type.String()), sourceLaw: Nullable(Type.String()), targetLaw: Nullable(Type.String()), withdrawn: Type.Boolean() }),
      ),
      dataItems: Type.Array(
        Type.Object({ id: Uuid, residentId: Uuid, helpRequestId: Uuid, category: Type.String(), source: Type.String(), law: Type.String(), confidentiality: Type.String(), partnerRecord: Type.Boolean() }),
      ),
    }),
  ),
  categories: Type.Array(Type.Object({ code: Type.String(), nl: Type.String(), en: Type.String(), kind: Type.String() })),
  sources: Type.Array(Type.Object({ code: Type.String(), nl: Type.String(), en: Type.String() })),
  catalogueVersion: Type.String(),
});

export const TrainingChoiceBody = Type.Object(
  {
    householdId: Uuid,
    purposeHelpRequestId: Nullable(Uuid),
    role: Type.Union([Type.Literal('director'), Type.Literal('case_worker'), Type.Literal('provider'), Type.Literal('expert'), Type.Literal('not_involved')]),
    subActivityId: Type.Optional(Nullable(Uuid)),
    involvementHelpRequestId: Type.Optional(Nullable(Uuid)),
    maxConfidentiality: Type.Optional(Type.String({ maxLength: 32, pattern: '^[a-z_]+$' })),
    action: Type.Union([Type.Literal('read'), Type.Literal('create'), Type.Literal('update')]),
    dataItemId: Type.Optional(Nullable(Uuid)),
    residentId: Type.Optional(Nullable(Uuid)),
    category: Type.Optional(Nullable(Code())),
    source: Type.Optional(Nullable(Code())),
    collectedForHelpRequestId: Type.Optional(Nullable(Uuid)),
    confidentiality: Type.Optional(Nullable(Type.String({ maxLength: 32, pattern: '^[a-z_]+$' }))),
  },
  { additionalProperties: false },
);

export const TrainingOutcome = Type.Object({
  decision: Type.String(),
  rule: Type.String(),
  catalogueVersion: Type.String(),
  explanation: Explanation,
  steps: Type.Array(Type.Object({ step: Type.Integer(), nl: Type.String(), en: Type.String(), outcome: Type.String(), rules: Type.Array(ExplainedRule) })),
  logged: Type.Object({ name: Type.String(), activity: Type.String(), decision: Type.String() }),
});
