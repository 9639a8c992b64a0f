/** Request and response schemas of the staff workspace: what is declared here is all that can leave. */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const Uuid = Type.String({ format: 'uuid' });

export const ResidentView = Type.Object(
  {
    id: Uuid,
    relation: Nullable(Type.String()),
    identity: Type.Optional(
      Type.Object({
        givenNames: Type.String(),
        surnamePrefix: Nullable(Type.String()),
        surname: Type.String(),
        displayName: Type.String(),
        birthDate: Type.String({ format: 'date' }),
        gender: Type.String(),
      }),
    ),
    address: Type.Optional(
      Type.Object({
        street: Nullable(Type.String()),
        houseNumber: Nullable(Type.Integer()),
        houseLetter: Nullable(Type.String()),
        houseNumberAddition: Nullable(Type.String()),
        postcode: Nullable(Type.String()),
        city: Nullable(Type.String()),
      }),
    ),
    contact: Type.Optional(Type.Object({ phone: Nullable(Type.String()), email: Nullable(Type.String()) })),
    withheld: Type.Array(Type.String(), { description: 'Categories of this record the actor may not see.' }),
  },
  { additionalProperties: false },
);

export const HelpRequestView = Type.Object({
  id: Uuid,
  reference: Type.String(),
  residentId: Uuid,
  domain: Type.String(),
  task: Type.String(),
  law: Type.String(),
  status: Type.String(),
  complexity: Nullable(Type.String()),
  triageReasoning: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  confidentiality: Type.String(),
  registeredAt: Type.String({ format: 'date-time' }),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const SubActivityView = Type.Object({
  id: Uuid,
  residentId: Uuid,
  helpRequestId: Uuid,
  organisation: Type.Object({ id: Uuid, name: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()) }),
  description: Type.String(),
  status: Type.String(),
  since: Type.String({ format: 'date' }),
  until: Nullable(Type.String({ format: 'date' })),
  lifeDomain: Nullable(Type.String()),
  dataCategories: Type.Array(Type.String()),
  refusesToShare: Type.Boolean(),
});

export const PlanView = Type.Object({
  id: Uuid,
  status: Type.String(),
  version: Type.Integer(),
  director: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  goals: Type.Array(
    Type.Object({
      id: Uuid,
      lifeDomain: Type.String(),
      score: Nullable(Type.Integer()),
      targetScore: Nullable(Type.Integer()),
      description: Type.String(),
      helpRequestId: Nullable(Uuid),
    }),
  ),
  subActivities: Type.Array(SubActivityView),
});

export const DataItemView = Type.Object({
  id: Uuid,
  residentId: Uuid,
  helpRequestId: Uuid,
  subActivityId: Nullable(Uuid),
  category: Type.String(),
  source: Type.String(),
  legalBasis: Type.String(),
  confidentiality: Type.String(),
  secrecyOrigin: Nullable(Type.String()),
  retentionClass: Type.String(),
  recordedAt: Type.String({ format: 'date-time' }),
  value: Type.String(),
  purposeHelpRequestId: Nullable(Uuid),
});

export const HouseholdView = Type.Object({
  id: Uuid,
  reference: Type.String(),
  purposes: Type.Array(Type.Object({ helpRequestId: Uuid, task: Type.String(), law: Type.String(), status: Type.String() })),
  myInvolvements: Type.Array(
    Type.Object({
      id: Uuid,
      role: Type.String(),
      helpRequestId: Nullable(Uuid),
      subActivityId: Nullable(Uuid),
      validFrom: Type.String({ format: 'date-time' }),
      validUntil: Nullable(Type.String({ format: 'date-time' })),
    }),
  ),
  members: Type.Array(ResidentView),
  helpRequests: Type.Array(HelpRequestView),
  plan: Nullable(PlanView),
  dataItems: Type.Array(DataItemView, { description: 'A page of the data items this purpose allows, newest first (50 unless `items` asks otherwise)' }),
  dataItemsNext: Type.Union([Uuid, Type.Null()], { description: 'Ask `itemsAfter` this for the next page of data items; null on the last page' }),
});

export const CaseloadEntry = Type.Object({
  householdId: Uuid,
  reference: Type.String(),
  myRoles: Type.Array(Type.String()),
  members: Type.Array(ResidentView, {
    description: 'The persons the shown help requests concern, by name only (data minimisation); the household page shows every member the purpose allows',
  }),
  helpRequests: Type.Array(HelpRequestView),
});

export const ExplainedRule = Type.Object({
  id: Type.String(),
  outcome: Type.String(),
  statement: Type.String(),
  statementNl: Type.String(),
  confidence: Type.String(),
  articles: Type.Array(Type.Object({ label: Type.String(), jci: Nullable(Type.String()), url: Nullable(Type.String()) })),
  lawOverPolicy: Type.Optional(Type.String()),
});

export const Explanation = Type.Object({
  decision: Type.String(),
  rule: Type.String(),
  catalogueVersion: Type.String(),
  rules: Type.Array(ExplainedRule),
  facts: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
});

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const CaseloadQuery = Type.Object(
  {
    after: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The `next` of the previous page: households after this reference' })),
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: 'Households per page, 1 to 100 (default 25)' })),
  },
  { additionalProperties: false },
);

export const CaseloadPage = Type.Object({
  households: Type.Array(CaseloadEntry),
  total: Type.Integer({ minimum: 0, description: 'Households with a current involvement of mine, over all pages' }),
  next: Type.Union([Type.String(), Type.Null()], { description: 'Ask `after` this for the next page; null on the last page' }),
});

/** A page of a household's data items (issue 8): `itemsAfter` is the `dataItemsNext` of the previous page. */
/** Data items per page, as every paged list of data items takes it (a household's, a help request's, my file's). */
export const DataItemsPerPage = Type.Optional(Type.String({ pattern: '^(200|1[0-9]{2}|[1-9][0-9]?)$', description: 'Data items per page, 1 to 200 (default 50)' }));

const DataItemsPageFields = {
  itemsAfter: Type.Optional(Type.String({ format: 'uuid', description: 'The `dataItemsNext` of the previous page: data items after this one' })),
  items: DataItemsPerPage,
};

export const HouseholdQuery = Type.Object(
  { purpose: Type.Optional(Uuid), ...DataItemsPageFields },
  { additionalProperties: false },
);

export const HelpRequestQuery = Type.Object(DataItemsPageFields, { additionalProperties: false });

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    bsn: Type.Optional(Type.String({ pattern: '^[0-9]{8,9}$' })),
    birthDate: Type.Optional(Type.String({ format: 'date' })),
    postcode: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{3} ?[A-Za-z]{2}$' })),
  },
  { additionalProperties: false },
);
export type SearchQueryT = Static<typeof SearchQuery>;

export const SearchHit = Type.Object({ householdId: Uuid, resident: ResidentView });

export const NewDataItemBody = Type.Object(
  {
    residentId: Uuid,
    category: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z_]+$' }),
    source: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z_]+$' }),
    value: Type.String({ minLength: 1, maxLength: 4000 }),
    confidentiality: Type.Optional(Type.String({ maxLength: 32 })),
    secrecyOrigin: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  },
  { additionalProperties: false },
);
export type NewDataItemBodyT = Static<typeof NewDataItemBody>;

export const CreatedDataItem = Type.Object({ item: DataItemView, explanation: Explanation });
