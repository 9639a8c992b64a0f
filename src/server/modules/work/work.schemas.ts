/**
 * Request and response schemas of the professional's work (issue 5): what is declared here is all that
 * can come in (additionalProperties false, no coercion) and all that can leave.
 */
import { Type, type TSchema } from 'typebox';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { Explanation, Uuid } from '../workspace/workspace.schemas.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Strict = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false });
const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_]*$' });
const TaskCode = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9-]*$' });
const Law = Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z][a-z0-9]*$' });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Day = Type.String({ format: 'date' });
const Instant = Type.String({ format: 'date-time' });

export const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 503: ErrorResponseSchema };

export const IdParams = Strict({ id: Uuid });
export const LangQuery = Strict({ lang: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])) });
export const VersionBody = Strict({ version: Version });

// ── Intake and triage ────────────────────────────────────────────────────────────────────────────────

export const IntakeBody = Strict({
  bsn: Type.String({ pattern: '^[0-9]{8,9}$' }),
  domain: Code,
  task: TaskCode,
  summary: Text(2000, 5),
  resident: Type.Optional(
    Strict({
      givenNames: Text(200),
      surnamePrefix: Type.Optional(Nullable(Text(20))),
      surname: Text(200),
      birthDate: Day,
      gender: Type.Union([Type.Literal('M'), Type.Literal('V'), Type.Literal('X'), Type.Literal('O')]),
      street: Type.Optional(Nullable(Text(200))),
      houseNumber: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 99999 }))),
      houseLetter: Type.Optional(Nullable(Type.String({ pattern: '^[A-Za-z]$' }))),
      houseNumberAddition: Type.Optional(Nullable(Text(4))),
      postcode: Type.Optional(Nullable(Type.String({ pattern: '^[1-9][0-9]{3} ?[A-Za-z]{2}$' }))),
      city: Type.Optional(Nullable(Text(80))),
      phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9 +()-]{6,20}$' }))),
      email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
    }),
  ),
  signalId: Type.Optional(Uuid),
});

export const IntakeResult = Type.Object({
  helpRequestId: Uuid,
  reference: Type.String(),
  householdId: Uuid,
  residentId: Uuid,
  residentSource: Type.Union([Type.Literal('brp'), Type.Literal('entered')]),
  status: Type.String(),
});

export const TriageBody = Strict({ complexity: Type.Union([Type.Literal('single'), Type.Literal('multi')]), reasoning: Text(2000), version: Version });
export const TriageResult = Type.Object({ helpRequestId: Uuid, status: Type.String(), complexity: Type.String(), reasoning: Type.String(), triagedAt: Instant, version: Type.Integer() });
export const StatusBody = Strict({
  to: Type.Union(['registered', 'triaged', 'in_progress', 'closed', 'withdrawn'].map((s) => Type.Literal(s))),
  version: Version,
});
export const StatusResult = Type.Object({ helpRequestId: Uuid, status: Type.String(), version: Type.Integer() });

// ── The step plan ────────────────────────────────────────────────────────────────────────────────────

export const NewStepPlanBody = Strict({
  kind: Type.Union([Type.Literal('request'), Type.Literal('record'), Type.Literal('share')]),
  recipientOrganisationId: Type.Optional(Nullable(Uuid)),
});

export const TaskStepBody = Strict({ version: Version, taskCode: TaskCode, taskNote: Text(2000) });
export const PurposeStepBody = Strict({ version: Version, purposeNote: Text(2000) });
export const ItemBody = Strict({
  residentId: Uuid,
  category: Code,
  source: Code,
  description: Text(500),
  need: Type.Union([Type.Literal('necessary'), Type.Literal('useful'), Type.Literal('handy'), Type.Literal('maybe_later')]),
  canBeMissed: Type.Boolean(),
  proportionality: Text(2000),
  subsidiarity: Text(2000),
  secrecyOrigin: Type.Optional(Nullable(Code)),
});
export const DataStepBody = Strict({ version: Version, items: Type.Array(ItemBody, { minItems: 1, maxItems: 40 }) });
export const BasisStepBody = Strict({
  version: Version,
  ground: Type.Union(['a', 'b', 'c', 'd', 'e'].map((g) => Type.Literal(g))),
  groundNote: Nullable(Text(2000)),
  specialNote: Nullable(Text(2000)),
  bsnUsed: Type.Boolean(),
  bsnNote: Nullable(Text(2000)),
  transferOutsideEea: Type.Boolean(),
  transferSafeguard: Nullable(Type.Union([Type.Literal('adequacy'), Type.Literal('safeguards'), Type.Literal('derogation')])),
  transferNote: Nullable(Text(2000)),
});
export const CompatibilityStepBody = Strict({
  version: Version,
  link: Text(2000),
  context: Text(2000),
  nature: Text(2000),
  consequences: Text(2000),
  safeguards: Text(2000),
  conclusion: Type.Union([Type.Literal('compatible'), Type.Literal('consent'), Type.Literal('law'), Type.Literal('not_compatible')]),
});
export const ConfidentialityStepBody = Strict({
  version: Version,
  duties: Type.Array(Code, { maxItems: 10, uniqueItems: true }),
  assessment: Text(2000),
  conclusion: Type.Union(['no_duty', 'duty_permits', 'consent', 'statutory_duty', 'not_permitted'].map((c) => Type.Literal(c))),
});
export const AdoptReuseBody = Strict({ version: Version, planItemId: Uuid, dataItemId: Uuid });

const ConsentHint = Nullable(Type.Object({ kind: Type.String(), inWriting: Type.Boolean(), sourceLaw: Nullable(Type.String()), targetLaw: Nullable(Type.String()) }));
const ItemCheck = Type.Object({
  decision: Type.String(),
  rule: Type.String(),
  checkedAt: Instant,
  checks: Type.Array(Type.Object({ name: Type.String(), explanation: Explanation })),
  consentHint: ConsentHint,
});

export const StepPlanView = Type.Object({
  id: Uuid,
  helpRequest: Type.Object({ id: Uuid, reference: Type.String(), task: Type.String(), law: Type.String(), domain: Type.String(), status: Type.String() }),
  householdId: Uuid,
  kind: Type.String(),
  status: Type.String(),
  stepsDone: Type.Integer(),
  lastStep: Type.Integer(),
  exchange: Type.Boolean(),
  recipient: Nullable(Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() })),
  reuseFromHelpRequestId: Nullable(Uuid),
  task: Nullable(Type.Object({ taskCode: Type.String(), taskNote: Type.String(), done: Type.Boolean() })),
  purpose: Nullable(Type.Object({ purposeNote: Type.String(), done: Type.Boolean() })),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      residentId: Uuid,
      category: Type.String(),
      source: Type.String(),
      description: Type.String(),
      need: Type.String(),
      canBeMissed: Type.Boolean(),
      proportionality: Type.String(),
      subsidiarity: Type.String(),
      secrecyOrigin: Nullable(Type.String()),
      included: Type.Boolean(),
      exclusionRule: Nullable(Type.String()),
      reuseDataItemId: Nullable(Uuid),
      check: Nullable(ItemCheck),
    }),
  ),
  itemsDone: Type.Boolean(),
  basis: Nullable(
    Type.Object({
      ground: Type.String(),
      groundNote: Nullable(Type.String()),
      specialNote: Nullable(Type.String()),
      bsnUsed: Type.Boolean(),
      bsnNote: Nullable(Type.String()),
      transferOutsideEea: Type.Boolean(),
      transferSafeguard: Nullable(Type.String()),
      transferNote: Nullable(Type.String()),
      done: Type.Boolean(),
    }),
  ),
  compatibility: Nullable(Type.Object({ link: Type.String(), context: Type.String(), nature: Type.String(), consequences: Type.String(), safeguards: Type.String(), conclusion: Type.String(), done: Type.Boolean() })),
  confidentiality: Nullable(Type.Object({ duties: Type.Array(Type.String()), assessment: Type.String(), conclusion: Type.String(), done: Type.Boolean() })),
  covenantId: Nullable(Uuid),
  createdAt: Instant,
  completedAt: Nullable(Instant),
  version: Type.Integer(),
});

export const StepPlanSummary = Type.Object({
  id: Uuid,
  kind: Type.String(),
  status: Type.String(),
  stepsDone: Type.Integer(),
  lastStep: Type.Integer(),
  recipientName: Nullable(Type.String()),
  recipientOrganisationId: Nullable(Uuid),
  categories: Type.Array(Type.String()),
  createdAt: Instant,
  completedAt: Nullable(Instant),
});

export const ReuseProposal = Type.Object({
  planItemId: Uuid,
  dataItemId: Uuid,
  category: Type.String(),
  residentId: Uuid,
  collectedFor: Type.Object({ law: Type.String(), task: Type.String(), reference: Nullable(Type.String()) }),
  recordedAt: Instant,
  reusable: Type.Boolean(),
  adopted: Type.Boolean(),
  explanation: Explanation,
  consentHint: ConsentHint,
});

// ── Conversation report and consent ──────────────────────────────────────────────────────────────────

export const ConsentBody = Strict({
  kind: Type.Union([Type.Literal('explicit'), Type.Literal('ordinary'), Type.Literal('written_no_objection')]),
  categories: Type.Array(Code, { minItems: 1, maxItems: 30, uniqueItems: true }),
  sourceLaw: Type.Optional(Nullable(Law)),
  targetLaw: Type.Optional(Nullable(Law)),
  recipientOrganisationId: Type.Optional(Nullable(Uuid)),
  purpose: Text(1000),
  inWriting: Type.Boolean(),
  givenBy: Type.Optional(Uuid),
  stepPlanId: Type.Optional(Nullable(Uuid)),
});

export const ConversationBody = Strict({
  residentId: Uuid,
  heldAt: Instant,
  summary: Text(8000),
  followUp: Type.Array(Strict({ step: Text(500), purpose: Text(1000), categories: Type.Array(Code, { maxItems: 30, uniqueItems: true }) }), { maxItems: 20 }),
  consents: Type.Array(ConsentBody, { maxItems: 20 }),
});

export const ConsentView = Type.Object({
  id: Uuid,
  residentId: Uuid,
  kind: Type.String(),
  categories: Type.Array(Type.String()),
  sourceLaw: Nullable(Type.String()),
  targetLaw: Nullable(Type.String()),
  recipientOrganisationId: Nullable(Uuid),
  purpose: Type.String(),
  inWriting: Type.Boolean(),
  givenBy: Uuid,
  givenAt: Instant,
  withdrawnAt: Nullable(Instant),
  conversationReportId: Nullable(Uuid),
  stepPlanId: Nullable(Uuid),
});

export const ConversationView = Type.Object({
  id: Uuid,
  residentId: Uuid,
  heldAt: Instant,
  summary: Type.String(),
  followUp: Type.Array(Type.Object({ step: Type.String(), purpose: Type.String(), categories: Type.Array(Type.String()) })),
  recordedBy: Uuid,
  recordedAt: Instant,
  consents: Type.Array(ConsentView),
});

// ── Refusal and involuntary processing ───────────────────────────────────────────────────────────────

export const RefusalBody = Strict({
  residentId: Uuid,
  categories: Type.Array(Code, { minItems: 1, maxItems: 30, uniqueItems: true }),
  scope: Text(1000),
  refusedAt: Instant,
  outcome: Type.Union([Type.Literal('stop'), Type.Literal('limit'), Type.Literal('involuntary')]),
  reason: Text(2000),
  ground: Type.Optional(Type.Union([Type.Literal('health'), Type.Literal('safety')])),
  groundFacts: Type.Optional(Text(4000)),
  validUntil: Type.Optional(Nullable(Instant)),
});

export const RefusalView = Type.Object({
  id: Uuid,
  residentId: Uuid,
  categories: Type.Array(Type.String()),
  scope: Type.String(),
  refusedAt: Instant,
  outcome: Type.String(),
  reason: Type.String(),
  recordedAt: Instant,
  involuntaryId: Nullable(Uuid),
  involuntaryStatus: Nullable(Type.String()),
});

export const ExplanationBody = Strict({ version: Version, explanation: Text(4000), explainedAt: Instant });
export const ConsultBody = Strict({ version: Version, professionalId: Uuid, facts: Text(4000), question: Text(1000) });
export const AdviceBody = Strict({ advice: Text(4000) });
export const ConsiderationsBody = Strict({ version: Version, considerations: Text(4000) });
export const DecisionBody = Strict({ version: Version, decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), note: Text(2000) });

const Person = Type.Object({ id: Uuid, name: Type.String() });
export const InvoluntaryView = Type.Object({
  id: Uuid,
  helpRequestId: Uuid,
  residentId: Uuid,
  refusalId: Nullable(Uuid),
  status: Type.String(),
  ground: Type.String(),
  groundFacts: Nullable(Type.String()),
  categories: Type.Array(Type.String()),
  explanationGiven: Nullable(Type.String()),
  explanationGivenAt: Nullable(Instant),
  consultation: Nullable(
    Type.Object({
      professional: Type.Object({ id: Uuid, name: Type.String(), organisation: Type.String() }),
      facts: Type.String(),
      question: Nullable(Type.String()),
      consultedAt: Instant,
      advice: Nullable(Type.String()),
      adviceAt: Nullable(Instant),
    }),
  ),
  considerations: Nullable(Type.String()),
  proposedBy: Person,
  decidedBy: Nullable(Person),
  decidedAt: Nullable(Instant),
  decisionNote: Nullable(Type.String()),
  noticeSentAt: Nullable(Instant),
  validUntil: Nullable(Instant),
  missing: Type.Array(Type.String()),
  version: Type.Integer(),
});

export const ConsultationView = Type.Object({
  id: Uuid,
  ground: Type.String(),
  categories: Type.Array(Type.String()),
  task: Type.String(),
  facts: Type.String(),
  question: Nullable(Type.String()),
  consultedAt: Instant,
  advice: Nullable(Type.String()),
  status: Type.String(),
});

export const NoticeView = Type.Object({
  id: Uuid,
  lang: Type.String(),
  municipality: Type.String(),
  addressee: Type.String(),
  addressLines: Type.Array(Type.String()),
  date: Type.String(),
  reference: Type.String(),
  title: Type.String(),
  salutation: Type.String(),
  paragraphs: Type.Array(Type.String()),
  rightsTitle: Type.String(),
  rights: Type.Array(Type.String()),
  closing: Type.String(),
  sender: Type.String(),
});

// ── Plans ────────────────────────────────────────────────────────────────────────────────────────────

export const NewPlanBody = Strict({ directorId: Type.Optional(Uuid) });
export const DirectorBody = Strict({ version: Version, directorId: Uuid });
export const GoalBody = Strict({
  version: Version,
  helpRequestId: Uuid,
  lifeDomain: Code,
  score: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  targetScore: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  description: Text(1000),
  needReason: Text(2000),
});
export const SubActivityBody = Strict({
  version: Version,
  stepPlanId: Uuid,
  residentId: Uuid,
  lifeDomain: Nullable(Code),
  description: Text(1000),
  dataCategories: Type.Array(Code, { minItems: 1, maxItems: 30, uniqueItems: true }),
  professionalId: Uuid,
});
export const PlanChange = Type.Object({ planId: Uuid, version: Type.Integer(), id: Uuid });
export const PartnerRefusalBody = Strict({ version: Type.Optional(Version), reason: Text(2000) });
export const SubStatusBody = Strict({ version: Type.Optional(Version), to: Type.Union(['proposed', 'active', 'completed', 'stopped'].map((s) => Type.Literal(s))) });

// ── Matches, covenants, organisations ────────────────────────────────────────────────────────────────

export const NoticeQuery = Type.Object(
  {
    before: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'The `next` of the previous page' })),
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: 'Notices per page, 1 to 100 (default 25)' })),
  },
  { additionalProperties: false },
);

export const NoticeItem = Type.Object({
  id: Uuid,
  householdId: Uuid,
  residentId: Uuid,
  residentName: Nullable(Type.String()),
  since: Instant,
  seen: Type.Boolean(),
  other: Type.Object({ id: Uuid, name: Type.String(), functionTitle: Type.String(), organisation: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()) }),
});

export const CovenantItem = Type.Object({
  id: Uuid,
  title: Type.String(),
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  categories: Type.Array(Type.String()),
  purposes: Type.Array(Type.String()),
  legalBasis: Type.String(),
  validFrom: Day,
  validUntil: Nullable(Day),
  status: Type.String(),
  inForce: Type.Boolean(),
  version: Type.Integer(),
});

export const OrganisationItem = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.String(),
  sector: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  professionals: Type.Array(Type.Object({ id: Uuid, name: Type.String(), functionTitle: Type.String() })),
});

// ── Early signals ────────────────────────────────────────────────────────────────────────────────────

const Contact = Strict({
  name: Text(200),
  street: Type.Optional(Nullable(Text(200))),
  houseNumber: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 99999 }))),
  houseLetter: Type.Optional(Nullable(Type.String({ pattern: '^[A-Za-z]$' }))),
  postcode: Type.Optional(Nullable(Type.String({ pattern: '^[1-9][0-9]{3} ?[A-Za-z]{2}$' }))),
  city: Type.Optional(Nullable(Text(80))),
  phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9 +()-]{6,20}$' }))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
});

/** Bgs art. 2: contact details and the arrears amount — nothing else is accepted (additionalProperties false). */
export const ArrearsBody = Strict({
  consultReason: Text(2000),
  signals: Type.Array(
    Strict({
      creditorKind: Type.Union([Type.Literal('housing'), Type.Literal('energy'), Type.Literal('water'), Type.Literal('health_insurer')]),
      creditorName: Text(200),
      arrearsAmount: Type.Number({ minimum: 0, maximum: 10_000_000 }),
      arrearsSince: Day,
      contact: Contact,
    }),
    { minItems: 1, maxItems: 500 },
  ),
});
export const ObservationBody = Strict({ contact: Contact, observation: Text(4000) });
export const PickUpBody = Strict({ version: Version, reason: Text(2000) });
export const HandOverBody = Strict({ version: Version, professionalId: Uuid });
export const ContactAttemptBody = Strict({
  version: Version,
  kind: Type.Union(['mail', 'brief', 'sms_whatsapp', 'telefoon', 'huisbezoek', 'kaartje', 'administratief', 'afspraak_op_locatie'].map((k) => Type.Literal(k))),
  reached: Type.Boolean(),
  dayPart: Nullable(Type.Union([Type.Literal('ochtend'), Type.Literal('middag'), Type.Literal('avond')])),
  on: Day,
  note: Type.Optional(Nullable(Text(1000))),
});
export const CloseSignalBody = Strict({
  version: Version,
  result: Type.Union(
    [
      'niet_opgepakt_herhaalde_melding',
      'niet_opgepakt_onterecht_signaal',
      'niet_opgepakt_andere_reden',
      'al_bekend_bij_shv',
      'definitief_geen_contact',
      'hoeft_geen_hulp',
      'zelf_al_geregeld',
      'budgetadvies_quick_fix',
      'vervolghulp_verwijzing_financieel',
    ].map((r) => Type.Literal(r)),
  ),
  note: Text(2000),
  discussedWithResident: Type.Boolean(),
});
export const ThresholdBody = Strict({ thresholdEuros: Type.Number({ minimum: 0, maximum: 100_000 }), version: Version });
export const ThresholdView = Type.Object({ thresholdEuros: Type.Number(), version: Type.Integer() });

export const SignalView = Type.Object({
  id: Uuid,
  kind: Type.String(),
  status: Type.String(),
  receivedAt: Instant,
  creditor: Nullable(Type.Object({ kind: Type.String(), name: Nullable(Type.String()) })),
  arrearsEuros: Nullable(Type.Number()),
  arrearsSince: Nullable(Day),
  contact: Type.Object({
    name: Type.String(),
    street: Nullable(Type.String()),
    houseNumber: Nullable(Type.Integer()),
    houseLetter: Nullable(Type.String()),
    postcode: Nullable(Type.String()),
    city: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
  }),
  observation: Nullable(Type.String()),
  consultReason: Nullable(Type.String()),
  residentId: Nullable(Uuid),
  accountable: Type.Object({ id: Uuid, name: Type.String() }),
  pickedUpAt: Nullable(Instant),
  pickupReason: Nullable(Type.String()),
  result: Nullable(Type.String()),
  resultNote: Nullable(Type.String()),
  discussedWithResident: Nullable(Type.Boolean()),
  closedAt: Nullable(Instant),
  helpRequestId: Nullable(Uuid),
  contactAttempts: Type.Array(Type.Object({ id: Uuid, kind: Type.String(), reached: Type.Boolean(), dayPart: Nullable(Type.String()), on: Day, note: Nullable(Type.String()) })),
  version: Type.Integer(),
});

export const SignalIntakeResult = Type.Object({
  received: Type.Integer(),
  dropped: Type.Integer(),
  thresholdEuros: Type.Number(),
  signals: Type.Array(Type.Object({ id: Uuid, matched: Type.Boolean() })),
});

const Term = Type.Object({ code: Type.String(), nl: Type.String(), en: Type.String() });
export const WorkReference = Type.Object({
  catalogueVersion: Type.String(),
  categories: Type.Array(Type.Object({ ...Term.properties, kind: Type.String() })),
  sources: Type.Array(Term),
  secrecyOrigins: Type.Array(Term),
  domains: Type.Array(Type.Object({ ...Term.properties, law: Type.String(), lifeDomains: Type.Array(Type.String()) })),
  tasks: Type.Array(Type.Object({ ...Term.properties, domain: Type.String(), law: Type.String(), avg6Ground: Type.String() })),
  laws: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});

export const HelpRequestState = Type.Object({
  id: Uuid,
  reference: Type.String(),
  householdId: Uuid,
  residentId: Uuid,
  domain: Type.String(),
  task: Type.String(),
  law: Type.String(),
  status: Type.String(),
  complexity: Nullable(Type.String()),
  triageReasoning: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  version: Type.Integer(),
  myRole: Nullable(Type.String()),
});
export const ConsultationSummary = Type.Object({ id: Uuid, helpRequestId: Uuid, ground: Type.String(), status: Type.String(), consultedAt: Instant, adviceGiven: Type.Boolean() });
