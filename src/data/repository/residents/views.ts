/**
 * What the residents'-side repositories return: projected views. Labels come with a code and the
 * Dutch and English names from the rules catalogue, so the portal never has to guess.
 */
import type { DeadlineState } from '../../../core/residents/deadlines.ts';
import type { ResidentView } from '../views.ts';

export interface Label {
  code: string;
  nl: string;
  en: string;
}

export interface RepresentedPerson {
  residentId: string;
  displayName: string;
  kind: string;
  ageBand: 'under_12' | '12_to_15' | '16_plus' | 'adult';
  /** May the resident see this person's file now (the gate's age rules)? */
  mayView: boolean;
}

export interface FileItemView {
  id: string;
  category: Label;
  value: string;
  source: Label;
  recordedAt: string;
  /** The purpose it was collected for: the help request and its task (R1.2). */
  purpose: { helpRequestId: string; reference: string; task: Label; law: string; processingActivity: string | null };
  legalBasis: string;
  retention: Label | null;
  recordedBy: string | null;
}

export interface WithheldNotice {
  /** Why, in general terms (never the recorded reasoning, which may name the other person). */
  reason: Label;
  /** Categories withheld, when the restriction names categories. */
  categories: Label[];
  /** Number of records withheld whole. */
  records: number;
  since: string;
  reviewOn: string;
}

export interface MyFileView {
  subject: { residentId: string; isSelf: boolean; displayName: string | null };
  me: ResidentView & { bsnMasked: string | null };
  /** The people this resident may act for (parents: their children by the age rules). */
  represents: RepresentedPerson[];
  helpRequests: Array<{
    id: string;
    reference: string;
    domain: string;
    task: Label;
    law: string;
    status: string;
    summary: string | null;
    registeredAt: string;
    closedAt: string | null;
  }>;
  plans: Array<{
    id: string;
    status: string;
    director: { displayName: string } | null;
    goals: Array<{ lifeDomain: string; score: number | null; targetScore: number | null; description: string }>;
    partners: Array<{ organisation: string; description: string; since: string; status: string; dataCategories: Label[] }>;
  }>;
  /** The data about the subject per category, each with source and purpose (R5.2). */
  categories: Array<{ category: Label; items: FileItemView[] }>;
  /**
   * The data items come a page at a time, newest first (issue 8): the id to ask `itemsAfter` for the
   * next page, or null on the last page (and in the full export, which holds them all).
   */
  itemsNext: string | null;
  /** Parts withheld where saying so is allowed (Wmo 5.3.2, Jeugdwet 7.3.10, UAVG 41). */
  withheld: WithheldNotice[];
}

export interface AccessLogEntryView {
  id: number;
  at: string;
  action: string;
  /** Who: a professional (name when the municipality shows names), the data subject, a representative, or the system. */
  actor: {
    kind: 'professional' | 'subject' | 'representative' | 'system';
    name: string | null;
    functionTitle: string | null;
    organisation: string | null;
    /** The signed-in resident themself. */
    isViewer: boolean;
  };
  purpose: {
    kind: 'help_request' | 'portal' | 'oversight' | 'system' | 'none';
    helpRequestReference: string | null;
    task: Label | null;
    activity: string | null;
  };
  categories: Label[];
  objectType: string;
}

export interface AccessLogView {
  subject: { residentId: string; isSelf: boolean };
  period: { from: string; to: string };
  page: number;
  pageSize: number;
  /** Entries in the period, counted up to a bound (ACCESS_LOG_COUNT_MAX for the page view). */
  total: number;
  /** There are more than `total`: the count stopped at its bound (narrow the period to count them all). */
  totalCapped: boolean;
  /** ACCESS_LOG_SHOW_NAMES: professionals' names are shown (policy 2.5) or only function and organisation (CJEU C-579/21). */
  showsNames: boolean;
  entries: AccessLogEntryView[];
}

export interface PortalConsentView {
  id: string;
  residentId: string;
  helpRequestReference: string | null;
  task: Label | null;
  kind: 'explicit' | 'ordinary' | 'written_no_objection';
  categories: Label[];
  sourceLaw: string | null;
  targetLaw: string | null;
  recipient: string | null;
  purpose: string;
  givenAt: string;
  withdrawnAt: string | null;
  withdrawnInPortal: boolean;
}

export interface RightsRequestView {
  id: string;
  reference: string;
  residentId: string;
  filedBySelf: boolean;
  kind: string;
  status: string;
  text: string;
  helpRequestReference: string | null;
  categories: Label[];
  receivedAt: string;
  receivedOn: string;
  answerBy: string;
  firstMonthEnds: string;
  destroyBy: string | null;
  extendedOn: string | null;
  extensionReason: string | null;
  decidedOn: string | null;
  outcome: string | null;
  decision: string | null;
  deadline: DeadlineState;
}

export interface HandlerRightsRequestView extends RightsRequestView {
  subject: { displayName: string | null; email: string | null; phone: string | null };
  filedBy: { displayName: string | null; representative: boolean };
  handler: string | null;
  mayExtend: boolean;
  version: number;
}

export interface ComplaintView {
  id: string;
  reference: string;
  residentId: string;
  topic: string;
  text: string;
  status: string;
  helpRequestReference: string | null;
  receivedAt: string;
  receivedOn: string;
  acknowledgedOn: string | null;
  acknowledgeBy: string;
  committee: boolean;
  postponedOn: string | null;
  postponementReason: string | null;
  decideBy: string;
  weeks: number;
  decidedOn: string | null;
  outcome: string | null;
  findings: string | null;
  ombudsmanUntil: string | null;
  deadline: DeadlineState;
}

export interface HandlerComplaintView extends ComplaintView {
  subject: { displayName: string | null; email: string | null; phone: string | null };
  filedBy: { displayName: string | null; representative: boolean };
  handler: string | null;
  mayPostpone: boolean;
  version: number;
}

export interface RestrictionView {
  id: string;
  residentId: string;
  residentName: string | null;
  householdId: string;
  helpRequestId: string;
  objectIds: string[];
  categories: Label[];
  appliesTo: 'all' | 'representatives';
  reason: Label;
  reasoning: string;
  discloseExistence: boolean;
  decidedBy: string;
  decidedAt: string;
  reviewOn: string;
  endedAt: string | null;
  review: DeadlineState;
}
