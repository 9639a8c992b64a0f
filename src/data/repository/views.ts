/**
 * What the gate-bound repositories return: projected views. Every optional part is present only when
 * the gate permitted its category; the route's response schema serialises exactly these fields.
 */
export interface ResidentView {
  id: string;
  relation: string | null;
  identity?: { givenNames: string; surnamePrefix: string | null; surname: string; displayName: string; birthDate: string; gender: string };
  address?: { street: string | null; houseNumber: number | null; houseLetter: string | null; houseNumberAddition: string | null; postcode: string | null; city: string | null };
  contact?: { phone: string | null; email: string | null };
  /** Categories of this record the actor may not see (it already knows the person exists). */
  withheld: string[];
}

export interface HelpRequestView {
  id: string;
  reference: string;
  residentId: string;
  domain: string;
  task: string;
  law: string;
  status: 'registered' | 'triaged' | 'in_progress' | 'closed' | 'withdrawn';
  complexity: 'single' | 'multi' | null;
  triageReasoning: string | null;
  summary: string | null;
  confidentiality: string;
  registeredAt: string;
  closedAt: string | null;
}

export interface SubActivityView {
  id: string;
  residentId: string;
  helpRequestId: string;
  organisation: { id: string; name: string; email: string | null; phone: string | null };
  description: string;
  status: string;
  since: string;
  until: string | null;
  lifeDomain: string | null;
  dataCategories: string[];
  refusesToShare: boolean;
}

export interface PlanView {
  id: string;
  status: 'draft' | 'active' | 'closed';
  version: number;
  director: { id: string; displayName: string } | null;
  goals: Array<{ id: string; lifeDomain: string; score: number | null; targetScore: number | null; description: string; helpRequestId: string | null }>;
  subActivities: SubActivityView[];
}

export interface DataItemView {
  id: string;
  residentId: string;
  helpRequestId: string;
  subActivityId: string | null;
  category: string;
  source: string;
  legalBasis: string;
  confidentiality: string;
  secrecyOrigin: string | null;
  retentionClass: string;
  recordedAt: string;
  value: string;
  /** The purpose under which the gate permitted this item for this actor. */
  purposeHelpRequestId: string | null;
}

export interface HouseholdView {
  id: string;
  reference: string;
  purposes: Array<{ helpRequestId: string; task: string; law: string; status: string }>;
  myInvolvements: Array<{ id: string; role: string; helpRequestId: string | null; subActivityId: string | null; validFrom: string; validUntil: string | null }>;
  members: ResidentView[];
  helpRequests: HelpRequestView[];
  plan: PlanView | null;
  dataItems: DataItemView[];
  /** The id to ask `itemsAfter` for the next page of data items; null on the last page. */
  dataItemsNext: string | null;
}

/** One page of the caseload: `next` is the reference to ask `after` for the next page (null: the last page). */
export interface CaseloadPage {
  households: CaseloadEntry[];
  /** Households with a current involvement of the actor (over all pages). */
  total: number;
  next: string | null;
}

export interface CaseloadEntry {
  householdId: string;
  reference: string;
  myRoles: string[];
  members: ResidentView[];
  helpRequests: HelpRequestView[];
}
