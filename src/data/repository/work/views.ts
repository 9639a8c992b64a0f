/**
 * What the professional's-work repositories return (issue 5): projected views. The routes' response
 * schemas (src/server/modules/work/work.schemas.ts) serialise exactly these fields.
 */
import type { Explanation } from '../../../core/policy/explain.ts';
import type { BasisInput, CompatibilityInput, ConfidentialityInput, ConsentHint } from '../../../core/work/step-plan.ts';

export interface IntakeResult {
  helpRequestId: string;
  reference: string;
  householdId: string;
  residentId: string;
  /** 'brp': a known BSN, the resident's data as the BRP has them; 'entered': a new resident. */
  residentSource: 'brp' | 'entered';
  status: string;
}

export interface HelpRequestState {
  id: string;
  reference: string;
  householdId: string;
  residentId: string;
  domain: string;
  task: string;
  law: string;
  status: string;
  complexity: string | null;
  triageReasoning: string | null;
  summary: string | null;
  version: number;
  /** The role of the involvement through which the actor sees it (experts see pseudonymised facts only). */
  myRole: string | null;
}

export interface ConsultationSummary {
  id: string;
  helpRequestId: string;
  ground: string;
  status: string;
  consultedAt: string;
  adviceGiven: boolean;
}

export interface TriageResult {
  helpRequestId: string;
  status: string;
  complexity: string;
  reasoning: string;
  triagedAt: string;
  version: number;
}

export interface ItemCheckView {
  decision: 'permit' | 'deny';
  rule: string;
  checkedAt: string;
  checks: Array<{ name: 'gate' | 'recipient' | 'covenant' | 'refusal'; explanation: Explanation }>;
  consentHint: ConsentHint | null;
}

export interface StepPlanItemView {
  id: string;
  residentId: string;
  category: string;
  source: string;
  description: string;
  need: string;
  canBeMissed: boolean;
  proportionality: string;
  subsidiarity: string;
  secrecyOrigin: string | null;
  included: boolean;
  exclusionRule: string | null;
  reuseDataItemId: string | null;
  check: ItemCheckView | null;
}

export interface StepPlanView {
  id: string;
  helpRequest: { id: string; reference: string; task: string; law: string; domain: string; status: string };
  householdId: string;
  kind: 'request' | 'record' | 'share';
  status: 'draft' | 'completed' | 'withdrawn';
  stepsDone: number;
  lastStep: number;
  exchange: boolean;
  recipient: { id: string; name: string; kind: string } | null;
  reuseFromHelpRequestId: string | null;
  task: { taskCode: string; taskNote: string; done: boolean } | null;
  purpose: { purposeNote: string; done: boolean } | null;
  items: StepPlanItemView[];
  itemsDone: boolean;
  basis: (BasisInput & { done: boolean }) | null;
  compatibility: (CompatibilityInput & { done: boolean }) | null;
  confidentiality: (ConfidentialityInput & { done: boolean }) | null;
  covenantId: string | null;
  createdAt: string;
  completedAt: string | null;
  version: number;
}

export interface StepPlanSummary {
  id: string;
  kind: string;
  status: string;
  stepsDone: number;
  lastStep: number;
  recipientName: string | null;
  recipientOrganisationId: string | null;
  categories: string[];
  createdAt: string;
  completedAt: string | null;
}

export interface ReuseProposalView {
  planItemId: string;
  dataItemId: string;
  category: string;
  residentId: string;
  /** The law (and task) the datum was collected for; the reference only when reuse is allowed. */
  collectedFor: { law: string; task: string; reference: string | null };
  recordedAt: string;
  reusable: boolean;
  adopted: boolean;
  explanation: Explanation;
  consentHint: ConsentHint | null;
}

export interface ConsentView {
  id: string;
  residentId: string;
  kind: string;
  categories: string[];
  sourceLaw: string | null;
  targetLaw: string | null;
  recipientOrganisationId: string | null;
  purpose: string;
  inWriting: boolean;
  givenBy: string;
  givenAt: string;
  withdrawnAt: string | null;
  conversationReportId: string | null;
  stepPlanId: string | null;
}

export interface ConversationReportView {
  id: string;
  residentId: string;
  heldAt: string;
  summary: string;
  followUp: Array<{ step: string; purpose: string; categories: string[] }>;
  recordedBy: string;
  recordedAt: string;
  consents: ConsentView[];
}

export interface RefusalView {
  id: string;
  residentId: string;
  categories: string[];
  scope: string;
  refusedAt: string;
  outcome: string;
  reason: string;
  recordedAt: string;
  involuntaryId: string | null;
  involuntaryStatus: string | null;
}

export interface InvoluntaryRecordView {
  id: string;
  helpRequestId: string;
  residentId: string;
  refusalId: string | null;
  status: string;
  ground: string;
  groundFacts: string | null;
  categories: string[];
  explanationGiven: string | null;
  explanationGivenAt: string | null;
  consultation: {
    professional: { id: string; name: string; organisation: string };
    facts: string;
    question: string | null;
    consultedAt: string;
    advice: string | null;
    adviceAt: string | null;
  } | null;
  considerations: string | null;
  proposedBy: { id: string; name: string };
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  decisionNote: string | null;
  noticeSentAt: string | null;
  validUntil: string | null;
  /** What is still missing before a second person may decide. */
  missing: string[];
  version: number;
}

/** What the consulted colleague or expert sees: pseudonymised facts, never name, BSN, address or birth date. */
export interface ConsultationView {
  id: string;
  ground: string;
  categories: string[];
  task: string;
  facts: string;
  question: string | null;
  consultedAt: string;
  advice: string | null;
  status: string;
}

export interface NoticeView {
  id: string;
  lang: 'nl' | 'en';
  municipality: string;
  addressee: string;
  addressLines: string[];
  date: string;
  reference: string;
  title: string;
  salutation: string;
  paragraphs: string[];
  rightsTitle: string;
  rights: string[];
  closing: string;
  sender: string;
}

export interface InvolvementNoticeView {
  id: string;
  householdId: string;
  residentId: string;
  residentName: string | null;
  since: string;
  seen: boolean;
  other: { id: string; name: string; functionTitle: string; organisation: string; email: string | null; phone: string | null };
}

export interface CovenantSummary {
  id: string;
  title: string;
  organisation: { id: string; name: string };
  categories: string[];
  purposes: string[];
  legalBasis: string;
  validFrom: string;
  validUntil: string | null;
  status: string;
  inForce: boolean;
  version: number;
}

export interface OrganisationView {
  id: string;
  name: string;
  kind: string;
  sector: string | null;
  email: string | null;
  phone: string | null;
  professionals: Array<{ id: string; name: string; functionTitle: string }>;
}

export interface PlanChange {
  planId: string;
  version: number;
  id: string;
}

export interface SignalView {
  id: string;
  kind: string;
  status: string;
  receivedAt: string;
  creditor: { kind: string; name: string | null } | null;
  arrearsEuros: number | null;
  arrearsSince: string | null;
  contact: { name: string; street: string | null; houseNumber: number | null; houseLetter: string | null; postcode: string | null; city: string | null; phone: string | null; email: string | null };
  observation: string | null;
  consultReason: string | null;
  residentId: string | null;
  accountable: { id: string; name: string };
  pickedUpAt: string | null;
  pickupReason: string | null;
  result: string | null;
  resultNote: string | null;
  discussedWithResident: boolean | null;
  closedAt: string | null;
  helpRequestId: string | null;
  contactAttempts: Array<{ id: string; kind: string; reached: boolean; dayPart: string | null; on: string; note: string | null }>;
  version: number;
}

export interface SignalIntakeResult {
  received: number;
  dropped: number;
  thresholdEuros: number;
  signals: Array<{ id: string; matched: boolean }>;
}

export interface WorkReference {
  catalogueVersion: string;
  categories: Array<{ code: string; nl: string; en: string; kind: string }>;
  sources: Array<{ code: string; nl: string; en: string }>;
  secrecyOrigins: Array<{ code: string; nl: string; en: string }>;
  domains: Array<{ code: string; nl: string; en: string; law: string; lifeDomains: string[] }>;
  tasks: Array<{ code: string; domain: string; nl: string; en: string; law: string; avg6Ground: string }>;
  laws: Array<{ code: string; name: string }>;
}
