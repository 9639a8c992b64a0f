/** Request and response schemas of the residents' side: what is declared here is all that can leave. */
import { Type, type TSchema } from 'typebox';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { DataItemsPerPage, ResidentView, Uuid } from '../workspace/workspace.schemas.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Obj = <P extends Parameters<typeof Type.Object>[0]>(p: P) => Type.Object(p, { additionalProperties: false });
const Day = Type.String({ format: 'date' });
const Instant = Type.String({ format: 'date-time' });

export const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 413: ErrorResponseSchema, 503: ErrorResponseSchema };

export const IdParams = Obj({ id: Uuid });
export const SubjectQuery = Obj({
  subject: Type.Optional(Type.String({ format: 'uuid', description: 'A person the resident represents (a child, or an adult under curatele, mentorschap or bewind). Default: the resident themself.' })),
});

/** My file's query: whose file, and which page of its data items (issue 8). */
export const FileQuery = Obj({
  ...SubjectQuery.properties,
  itemsAfter: Type.Optional(Type.String({ format: 'uuid', description: 'The `itemsNext` of the previous page: the data items after this one' })),
  items: DataItemsPerPage,
});

export const Label = Obj({ code: Type.String(), nl: Type.String(), en: Type.String() });
const DeadlineState = Type.Union([Type.Literal('met'), Type.Literal('open'), Type.Literal('due_soon'), Type.Literal('overdue')]);

export const RightsNotice = Obj({ textVersion: Type.String(), shownAt: Nullable(Instant) });

const FileItem = Obj({
  id: Uuid,
  category: Label,
  value: Type.String(),
  source: Label,
  recordedAt: Instant,
  purpose: Obj({ helpRequestId: Uuid, reference: Type.String(), task: Label, law: Type.String(), processingActivity: Nullable(Type.String()) }),
  legalBasis: Type.String(),
  retention: Nullable(Label),
  recordedBy: Nullable(Type.String()),
});

export const MyFile = Obj({
  subject: Obj({ residentId: Uuid, isSelf: Type.Boolean(), displayName: Nullable(Type.String()) }),
  me: Type.Object({ ...ResidentView.properties, bsnMasked: Nullable(Type.String()) }, { additionalProperties: false }),
  represents: Type.Array(
    Obj({
      residentId: Uuid,
      displayName: Type.String(),
      kind: Type.String(),
      ageBand: Type.Union([Type.Literal('under_12'), Type.Literal('12_to_15'), Type.Literal('16_plus'), Type.Literal('adult')]),
      mayView: Type.Boolean(),
    }),
  ),
  helpRequests: Type.Array(
    Obj({ id: Uuid, reference: Type.String(), domain: Type.String(), task: Label, law: Type.String(), status: Type.String(), summary: Nullable(Type.String()), registeredAt: Instant, closedAt: Nullable(Instant) }),
  ),
  plans: Type.Array(
    Obj({
      id: Uuid,
      status: Type.String(),
      director: Nullable(Obj({ displayName: Type.String() })),
      goals: Type.Array(Obj({ lifeDomain: Type.String(), score: Nullable(Type.Integer()), targetScore: Nullable(Type.Integer()), description: Type.String() })),
      partners: Type.Array(Obj({ organisation: Type.String(), description: Type.String(), since: Type.String(), status: Type.String(), dataCategories: Type.Array(Label) })),
    }),
  ),
  categories: Type.Array(Obj({ category: Label, items: Type.Array(FileItem) })),
  itemsNext: Type.Union([Uuid, Type.Null()], { description: 'The data items come a page at a time, newest first: ask `itemsAfter` this for the next page; null on the last page (and in the full export, which holds them all)' }),
  withheld: Type.Array(Obj({ reason: Label, categories: Type.Array(Label), records: Type.Integer(), since: Day, reviewOn: Day })),
});

export const AccessLogQuery = Obj({
  subject: Type.Optional(Type.String({ format: 'uuid' })),
  from: Type.Optional(Type.String({ format: 'date', description: 'First day (inclusive). Default: a year ago.' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Last day (inclusive). Default: today.' })),
  page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,5}$' })),
  pageSize: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$' })),
});

export const AccessLogExportQuery = Obj({
  subject: Type.Optional(Type.String({ format: 'uuid' })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
});

const AccessLogEntry = Obj({
  id: Type.Integer(),
  at: Instant,
  action: Type.String(),
  actor: Obj({
    kind: Type.Union([Type.Literal('professional'), Type.Literal('subject'), Type.Literal('representative'), Type.Literal('system')]),
    name: Nullable(Type.String()),
    functionTitle: Nullable(Type.String()),
    organisation: Nullable(Type.String()),
    isViewer: Type.Boolean(),
  }),
  purpose: Obj({
    kind: Type.Union([Type.Literal('help_request'), Type.Literal('portal'), Type.Literal('oversight'), Type.Literal('system'), Type.Literal('none')]),
    helpRequestReference: Nullable(Type.String()),
    task: Nullable(Label),
    activity: Nullable(Type.String()),
  }),
  categories: Type.Array(Label),
  objectType: Type.String(),
});

export const AccessLog = Obj({
  subject: Obj({ residentId: Uuid, isSelf: Type.Boolean() }),
  period: Obj({ from: Day, to: Day }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer({ description: 'Entries in the period, counted up to 1,000 (the exports: up to 10,000)' }),
  totalCapped: Type.Boolean({ description: 'More entries than `total`: the count stopped at its bound; a shorter period counts them all' }),
  showsNames: Type.Boolean(),
  entries: Type.Array(AccessLogEntry),
});

export const AccessLogExport = Type.Object({ ...AccessLog.properties, truncated: Type.Boolean() }, { additionalProperties: false });

export const Consent = Obj({
  id: Uuid,
  residentId: Uuid,
  helpRequestReference: Nullable(Type.String()),
  task: Nullable(Label),
  kind: Type.Union([Type.Literal('explicit'), Type.Literal('ordinary'), Type.Literal('written_no_objection')]),
  categories: Type.Array(Label),
  sourceLaw: Nullable(Type.String()),
  targetLaw: Nullable(Type.String()),
  recipient: Nullable(Type.String()),
  purpose: Type.String(),
  givenAt: Instant,
  withdrawnAt: Nullable(Instant),
  withdrawnInPortal: Type.Boolean(),
});

const RightsRequestKind = Type.Union([Type.Literal('access'), Type.Literal('rectification'), Type.Literal('restriction'), Type.Literal('objection'), Type.Literal('erasure')]);

export const NewRightsRequestBody = Obj({
  kind: RightsRequestKind,
  text: Type.String({ description: 'What the resident asks, in their own words (at most 10,000 characters).' }),
  subjectId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  helpRequestId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  categories: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 30 })),
});

const rightsRequestProps = {
  id: Uuid,
  reference: Type.String(),
  residentId: Uuid,
  filedBySelf: Type.Boolean(),
  kind: Type.String(),
  status: Type.String(),
  text: Type.String(),
  helpRequestReference: Nullable(Type.String()),
  categories: Type.Array(Label),
  receivedAt: Instant,
  receivedOn: Day,
  answerBy: Day,
  firstMonthEnds: Day,
  destroyBy: Nullable(Day),
  extendedOn: Nullable(Day),
  extensionReason: Nullable(Type.String()),
  decidedOn: Nullable(Day),
  outcome: Nullable(Type.String()),
  decision: Nullable(Type.String()),
  deadline: DeadlineState,
};
export const RightsRequest = Obj(rightsRequestProps);

const Person = Obj({ displayName: Nullable(Type.String()), email: Nullable(Type.String()), phone: Nullable(Type.String()) });
const FiledBy = Obj({ displayName: Nullable(Type.String()), representative: Type.Boolean() });

export const HandlerRightsRequest = Obj({ ...rightsRequestProps, subject: Person, filedBy: FiledBy, handler: Nullable(Type.String()), mayExtend: Type.Boolean(), version: Type.Integer() });

export const QueueQuery = Obj({ filter: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('overdue'), Type.Literal('decided'), Type.Literal('all')])) });

export const ExtendBody = Obj({ reason: Type.String() });
export const DecideRightsBody = Obj({ outcome: Type.Union([Type.Literal('granted'), Type.Literal('partly_granted'), Type.Literal('refused')]), decision: Type.String() });

const ComplaintTopic = Type.Union([
  Type.Literal('viewed_without_need'),
  Type.Literal('shared_without_basis'),
  Type.Literal('incorrect_data'),
  Type.Literal('no_answer'),
  Type.Literal('treatment'),
  Type.Literal('other'),
]);

export const NewComplaintBody = Obj({
  topic: ComplaintTopic,
  text: Type.String({ description: 'The complaint in the resident’s own words (at most 10,000 characters).' }),
  subjectId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  helpRequestId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
});

const complaintProps = {
  id: Uuid,
  reference: Type.String(),
  residentId: Uuid,
  topic: Type.String(),
  text: Type.String(),
  status: Type.String(),
  helpRequestReference: Nullable(Type.String()),
  receivedAt: Instant,
  receivedOn: Day,
  acknowledgedOn: Nullable(Day),
  acknowledgeBy: Day,
  committee: Type.Boolean(),
  postponedOn: Nullable(Day),
  postponementReason: Nullable(Type.String()),
  decideBy: Day,
  weeks: Type.Integer(),
  decidedOn: Nullable(Day),
  outcome: Nullable(Type.String()),
  findings: Nullable(Type.String()),
  ombudsmanUntil: Nullable(Day),
  deadline: DeadlineState,
};
export const Complaint = Obj(complaintProps);
export const HandlerComplaint = Obj({ ...complaintProps, subject: Person, filedBy: FiledBy, handler: Nullable(Type.String()), mayPostpone: Type.Boolean(), version: Type.Integer() });

export const CommitteeBody = Obj({ committee: Type.Boolean() });
export const PostponeBody = Obj({ reason: Type.String() });
export const DecideComplaintBody = Obj({
  outcome: Type.Union([Type.Literal('founded'), Type.Literal('partly_founded'), Type.Literal('unfounded'), Type.Literal('not_handled')]),
  findings: Type.String(),
});

export const Letter = Obj({
  from: Type.String(),
  title: Type.String(),
  date: Type.String(),
  addressee: Nullable(Type.String()),
  paragraphs: Type.Array(Type.String()),
  ombudsman: Obj({ name: Type.String(), url: Type.String(), until: Day, term: Type.String() }),
});

export const FormatQuery = Obj({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('pdf')])) });
export const ExportQuery = Obj({ subject: Type.Optional(Type.String({ format: 'uuid' })), format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('pdf')])) });

export const FullExport = Obj({
  format: Type.Literal('zorgvuldig-inzage/1'),
  generatedAt: Instant,
  controller: Type.String(),
  subject: MyFile.properties.subject,
  file: MyFile,
  consents: Type.Array(Consent),
  rightsRequests: Type.Array(RightsRequest),
  complaints: Type.Array(Complaint),
  accessLog: Obj({ since: Instant, total: Type.Integer(), truncated: Type.Boolean(), showsNames: Type.Boolean(), entries: Type.Array(AccessLogEntry) }),
  processing: Type.Array(Obj({ activity: Type.String(), name: Type.String(), purpose: Type.String(), legalBasis: Type.String(), recipients: Type.Array(Type.String()), retention: Type.String() })),
  rights: Type.Array(Type.String()),
});

const RestrictionReason = Type.Union([
  Type.Literal('third_party_privacy'),
  Type.Literal('safety_of_others'),
  Type.Literal('vital_interest'),
  Type.Literal('veilig_thuis_investigation'),
  Type.Literal('child_interest'),
]);

export const NewRestrictionBody = Obj({
  residentId: Uuid,
  helpRequestId: Uuid,
  objectIds: Type.Array(Uuid, { maxItems: 200 }),
  categories: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 30 }),
  appliesTo: Type.Union([Type.Literal('all'), Type.Literal('representatives')]),
  reasonCode: RestrictionReason,
  reason: Type.String(),
  discloseExistence: Type.Boolean(),
  reviewOn: Day,
});

export const ReviewBody = Obj({
  outcome: Type.Union([Type.Literal('continue'), Type.Literal('end')]),
  nextReviewOn: Type.Optional(Nullable(Day)),
  note: Type.Optional(Nullable(Type.String())),
});

export const Restriction = Obj({
  id: Uuid,
  residentId: Uuid,
  residentName: Nullable(Type.String()),
  householdId: Uuid,
  helpRequestId: Uuid,
  objectIds: Type.Array(Uuid),
  categories: Type.Array(Label),
  appliesTo: Type.Union([Type.Literal('all'), Type.Literal('representatives')]),
  reason: Label,
  reasoning: Type.String(),
  discloseExistence: Type.Boolean(),
  decidedBy: Type.String(),
  decidedAt: Instant,
  reviewOn: Day,
  endedAt: Nullable(Instant),
  review: DeadlineState,
});

export const SignalsAndMatches = Obj({
  signals: Type.Array(
    Obj({
      id: Uuid,
      kind: Type.Union([Type.Literal('own_observation'), Type.Literal('payment_arrears')]),
      status: Type.Union([Type.Literal('new'), Type.Literal('picked_up'), Type.Literal('closed')]),
      receivedAt: Instant,
      creditor: Nullable(Obj({ kind: Nullable(Type.String()), name: Nullable(Type.String()) })),
      arrearsCents: Nullable(Type.Integer()),
      arrearsSince: Nullable(Day),
      observation: Nullable(Type.String()),
      consultReason: Nullable(Type.String()),
      accountable: Obj({ name: Nullable(Type.String()), organisation: Nullable(Type.String()) }),
      pickupReason: Nullable(Type.String()),
      result: Nullable(Type.String()),
      resultNote: Nullable(Type.String()),
      discussedWithResident: Nullable(Type.Boolean()),
      closedAt: Nullable(Instant),
      contactAttempts: Type.Array(Obj({ kind: Type.String(), reached: Type.Boolean(), attemptedOn: Day })),
    }),
  ),
  matches: Type.Array(
    Obj({
      id: Uuid,
      matchedAt: Instant,
      professionals: Type.Array(Obj({ name: Nullable(Type.String()), functionTitle: Nullable(Type.String()), organisation: Nullable(Type.String()) })),
    }),
  ),
});
