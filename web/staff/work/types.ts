/** The shapes the work API returns (mirrors src/data/repository/work/views.ts; web imports no data code). */
export interface Term { code: string; nl: string; en: string }
export interface Reference {
  catalogueVersion: string;
  categories: Array<Term & { kind: string }>;
  sources: Term[];
  secrecyOrigins: Term[];
  domains: Array<Term & { law: string; lifeDomains: string[] }>;
  tasks: Array<Term & { domain: string; law: string; avg6Ground: string }>;
  laws: Array<{ code: string; name: string }>;
}
export interface ExplainedRule { id: string; outcome: string; statement: string; statementNl: string; confidence: string; articles: Array<{ label: string; url: string | null }> }
export interface Explanation { decision: string; rule: string; catalogueVersion: string; rules: ExplainedRule[]; facts: Record<string, string | number | boolean | null> }
export interface ConsentHint { kind: string; inWriting: boolean; sourceLaw: string | null; targetLaw: string | null }
export interface ItemCheck { decision: string; rule: string; checkedAt: string; checks: Array<{ name: string; explanation: Explanation }>; consentHint: ConsentHint | null }
export interface PlanItem {
  id: string; residentId: string; category: string; source: string; description: string; need: string; canBeMissed: boolean;
  proportionality: string; subsidiarity: string; secrecyOrigin: string | null; included: boolean; exclusionRule: string | null; reuseDataItemId: string | null; check: ItemCheck | null;
}
export interface StepPlan {
  id: string;
  helpRequest: { id: string; reference: string; task: string; law: string; domain: string; status: string };
  householdId: string; kind: string; status: string; stepsDone: number; lastStep: number; exchange: boolean;
  recipient: { id: string; name: string; kind: string } | null; reuseFromHelpRequestId: string | null;
  task: { taskCode: string; taskNote: string; done: boolean } | null;
  purpose: { purposeNote: string; done: boolean } | null;
  items: PlanItem[]; itemsDone: boolean;
  basis: { ground: string; groundNote: string | null; specialNote: string | null; bsnUsed: boolean; bsnNote: string | null; transferOutsideEea: boolean; transferSafeguard: string | null; transferNote: string | null; done: boolean } | null;
  compatibility: { link: string; context: string; nature: string; consequences: string; safeguards: string; conclusion: string; done: boolean } | null;
  confidentiality: { duties: string[]; assessment: string; conclusion: string; done: boolean } | null;
  covenantId: string | null; createdAt: string; completedAt: string | null; version: number;
}
export interface StepPlanSummary { id: string; kind: string; status: string; stepsDone: number; lastStep: number; recipientName: string | null; recipientOrganisationId: string | null; categories: string[]; createdAt: string; completedAt: string | null }
export interface ReuseProposal { planItemId: string; dataItemId: string; category: string; residentId: string; collectedFor: { law: string; task: string; reference: string | null }; recordedAt: string; reusable: boolean; adopted: boolean; explanation: Explanation; consentHint: ConsentHint | null }
export interface Resident { id: string; relation: string | null; identity?: { displayName: string; birthDate: string }; withheld: string[] }
export interface HelpRequest { id: string; reference: string; residentId: string; domain: string; task: string; law: string; status: string; complexity: string | null; triageReasoning: string | null; summary: string | null }
export interface SubActivity { id: string; residentId: string; helpRequestId: string; organisation: { id: string; name: string; email: string | null; phone: string | null }; description: string; status: string; since: string; until: string | null; lifeDomain: string | null; dataCategories: string[]; refusesToShare: boolean }
export interface Plan { id: string; status: string; version: number; director: { id: string; displayName: string } | null; goals: Array<{ id: string; lifeDomain: string; score: number | null; targetScore: number | null; description: string; helpRequestId: string | null }>; subActivities: SubActivity[] }
export interface Household {
  id: string; reference: string; helpRequestId?: string;
  purposes: Array<{ helpRequestId: string; task: string; law: string; status: string }>;
  myInvolvements: Array<{ id: string; role: string; helpRequestId: string | null; subActivityId: string | null }>;
  members: Resident[]; helpRequests: HelpRequest[]; plan: Plan | null;
  dataItems: Array<{ id: string; residentId: string; category: string; value: string; helpRequestId: string }>;
}
export interface Consent { id: string; residentId: string; kind: string; categories: string[]; sourceLaw: string | null; targetLaw: string | null; purpose: string; inWriting: boolean; givenAt: string; withdrawnAt: string | null }
export interface Conversation { id: string; residentId: string; heldAt: string; summary: string; followUp: Array<{ step: string; purpose: string; categories: string[] }>; consents: Consent[] }
export interface Refusal { id: string; residentId: string; categories: string[]; scope: string; refusedAt: string; outcome: string; reason: string; involuntaryId: string | null; involuntaryStatus: string | null }
export interface Involuntary {
  id: string; helpRequestId: string; residentId: string; status: string; ground: string; groundFacts: string | null; categories: string[];
  explanationGiven: string | null; explanationGivenAt: string | null;
  consultation: { professional: { id: string; name: string; organisation: string }; facts: string; question: string | null; consultedAt: string; advice: string | null; adviceAt: string | null } | null;
  considerations: string | null; proposedBy: { id: string; name: string }; decidedBy: { id: string; name: string } | null; decidedAt: string | null; decisionNote: string | null; noticeSentAt: string | null; missing: string[]; version: number;
}
export interface Consultation { id: string; ground: string; categories: string[]; task: string; facts: string; question: string | null; consultedAt: string; advice: string | null; status: string }
export interface Notice { id: string; addressee: string; addressLines: string[]; date: string; reference: string; title: string; salutation: string; paragraphs: string[]; rightsTitle: string; rights: string[]; closing: string; sender: string; municipality: string }
export interface Organisation { id: string; name: string; kind: string; sector: string | null; email: string | null; phone: string | null; professionals: Array<{ id: string; name: string; functionTitle: string }> }
export interface Covenant { id: string; title: string; organisation: { id: string; name: string }; categories: string[]; purposes: string[]; legalBasis: string; validFrom: string; validUntil: string | null; status: string; inForce: boolean }
export interface InvolvementNotice { id: string; householdId: string; residentId: string; residentName: string | null; since: string; seen: boolean; other: { id: string; name: string; functionTitle: string; organisation: string; email: string | null; phone: string | null } }
export interface Signal {
  id: string; kind: string; status: string; receivedAt: string; creditor: { kind: string; name: string | null } | null; arrearsEuros: number | null; arrearsSince: string | null;
  contact: { name: string; street: string | null; houseNumber: number | null; postcode: string | null; city: string | null; phone: string | null; email: string | null };
  observation: string | null; consultReason: string | null; residentId: string | null; accountable: { id: string; name: string }; pickedUpAt: string | null; pickupReason: string | null;
  result: string | null; resultNote: string | null; discussedWithResident: boolean | null; closedAt: string | null; helpRequestId: string | null;
  contactAttempts: Array<{ id: string; kind: string; reached: boolean; dayPart: string | null; on: string; note: string | null }>; version: number;
}
