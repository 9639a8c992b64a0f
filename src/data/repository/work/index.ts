/**
 * The professional's work (issue 5) as one facet of the gate-bound repository: intake and triage, the
 * step plan, conversation reports and consent, refusal and involuntary processing, the support plan,
 * involvement matches, early signals and covenants. Each method runs in its own transaction through
 * the gate (decide → write → log → commit). docs/professional-work.md.
 */
import type { GateSession } from '../../gate/session.ts';
import type { Complexity, HelpRequestStatus } from '../../../core/domain/help-request.ts';
import type { SubActivityStatus } from '../../../core/domain/support-plan.ts';
import type { SignalResult } from '../../../core/work/signals.ts';
import type { BasisInput, CompatibilityInput, ConfidentialityInput, ItemInput, StepPlanKind } from '../../../core/work/step-plan.ts';
import { helpRequestState, registerHelpRequest, setHelpRequestStatus, triageHelpRequest, type IntakeInput } from './intake.ts';
import {
  completeStepPlan,
  createStepPlan,
  saveBasis,
  saveCompatibility,
  saveConfidentiality,
  saveItems,
  savePurpose,
  saveTask,
  stepPlan,
  stepPlansOf,
  withdrawStepPlan,
} from './step-plans.ts';
import { adoptReuse, reuseProposals } from './reuse.ts';
import { conversationsOf, recordConversation, withdrawConsent, type ConversationReportInput } from './consents.ts';
import {
  consult,
  consultation,
  decideInvoluntary,
  giveAdvice,
  involuntaryRecord,
  myConsultations,
  noticeOf,
  recordConsiderations,
  recordExplanation,
  recordRefusal,
  refusalsOf,
  type RefusalInput,
} from './involuntary.ts';
import { activatePlan, addGoal, assignSubActivity, changeDirector, createPlan, partnerRefusesToShare, setSubActivityStatus, type GoalInput, type SubActivityInput } from './plans.ts';
import { markNoticeSeen, myNotices, type NoticePageQuery } from './matches.ts';
import { addContactAttempt, closeSignal, handOver, mySignals, pickUp, receiveArrearsSignals, recordObservation, setThreshold, signal, threshold, type ArrearsSignalInput, type ContactDetails } from './signals.ts';
import { listCovenants, listOrganisations, workReference } from './covenants.ts';

export class WorkRepository {
  constructor(private readonly s: GateSession) {}

  // Intake and triage
  registerHelpRequest(input: IntakeInput) { return registerHelpRequest(this.s, input); }
  triage(helpRequestId: string, input: { complexity: Complexity; reasoning: string; version: number }) { return triageHelpRequest(this.s, helpRequestId, input); }
  setStatus(helpRequestId: string, input: { to: HelpRequestStatus; version: number }) { return setHelpRequestStatus(this.s, helpRequestId, input); }
  helpRequestState(helpRequestId: string) { return helpRequestState(this.s, helpRequestId); }

  // The step plan
  createStepPlan(helpRequestId: string, input: { kind: StepPlanKind; recipientOrganisationId?: string | null }) { return createStepPlan(this.s, helpRequestId, input); }
  stepPlans(helpRequestId: string) { return stepPlansOf(this.s, helpRequestId); }
  stepPlan(id: string) { return stepPlan(this.s, id); }
  saveTask(id: string, input: { version: number; taskCode: string; taskNote: string }) { return saveTask(this.s, id, input); }
  savePurpose(id: string, input: { version: number; purposeNote: string }) { return savePurpose(this.s, id, input); }
  saveItems(id: string, input: { version: number; items: ItemInput[] }) { return saveItems(this.s, id, input); }
  saveBasis(id: string, input: BasisInput & { version: number }) { return saveBasis(this.s, id, input); }
  saveCompatibility(id: string, input: CompatibilityInput & { version: number }) { return saveCompatibility(this.s, id, input); }
  saveConfidentiality(id: string, input: ConfidentialityInput & { version: number }) { return saveConfidentiality(this.s, id, input); }
  completeStepPlan(id: string, input: { version: number }) { return completeStepPlan(this.s, id, input); }
  withdrawStepPlan(id: string, input: { version: number }) { return withdrawStepPlan(this.s, id, input); }
  reuseProposals(id: string) { return reuseProposals(this.s, id); }
  adoptReuse(id: string, input: { version: number; planItemId: string; dataItemId: string }) { return adoptReuse(this.s, id, input); }

  // Conversation report and consent
  recordConversation(helpRequestId: string, input: ConversationReportInput) { return recordConversation(this.s, helpRequestId, input); }
  conversations(helpRequestId: string) { return conversationsOf(this.s, helpRequestId); }
  withdrawConsent(consentId: string) { return withdrawConsent(this.s, consentId); }

  // Refusal and involuntary processing
  recordRefusal(helpRequestId: string, input: RefusalInput) { return recordRefusal(this.s, helpRequestId, input); }
  refusals(helpRequestId: string) { return refusalsOf(this.s, helpRequestId); }
  involuntary(id: string) { return involuntaryRecord(this.s, id); }
  recordExplanation(id: string, input: { version: number; explanation: string; explainedAt: string }) { return recordExplanation(this.s, id, input); }
  consult(id: string, input: { version: number; professionalId: string; facts: string; question: string }) { return consult(this.s, id, input); }
  consultation(id: string) { return consultation(this.s, id); }
  myConsultations() { return myConsultations(this.s); }
  giveAdvice(id: string, input: { advice: string }) { return giveAdvice(this.s, id, input); }
  recordConsiderations(id: string, input: { version: number; considerations: string }) { return recordConsiderations(this.s, id, input); }
  decideInvoluntary(id: string, input: { version: number; decision: 'approve' | 'reject'; note: string }) { return decideInvoluntary(this.s, id, input); }
  notice(id: string, lang: 'nl' | 'en') { return noticeOf(this.s, id, lang); }

  // One household, one plan, one director
  createPlan(householdId: string, input: { directorId?: string }) { return createPlan(this.s, householdId, input); }
  activatePlan(planId: string, input: { version: number }) { return activatePlan(this.s, planId, input); }
  changeDirector(planId: string, input: { version: number; directorId: string }) { return changeDirector(this.s, planId, input); }
  addGoal(planId: string, input: GoalInput) { return addGoal(this.s, planId, input); }
  assignSubActivity(planId: string, input: SubActivityInput) { return assignSubActivity(this.s, planId, input); }
  partnerRefusesToShare(subId: string, input: { version?: number; reason: string }) { return partnerRefusesToShare(this.s, subId, input); }
  setSubActivityStatus(subId: string, input: { version?: number; to: SubActivityStatus }) { return setSubActivityStatus(this.s, subId, input); }

  // Involvement matches
  notices(page?: NoticePageQuery) { return myNotices(this.s, page); }
  markNoticeSeen(id: string) { return markNoticeSeen(this.s, id); }

  // Early signals
  signals() { return mySignals(this.s); }
  signal(id: string) { return signal(this.s, id); }
  receiveArrearsSignals(input: { consultReason: string; signals: ArrearsSignalInput[] }) { return receiveArrearsSignals(this.s, input); }
  recordObservation(input: { contact: ContactDetails; observation: string }) { return recordObservation(this.s, input); }
  pickUpSignal(id: string, input: { version: number; reason: string }) { return pickUp(this.s, id, input); }
  handOverSignal(id: string, input: { version: number; professionalId: string }) { return handOver(this.s, id, input); }
  addContactAttempt(id: string, input: { version: number; kind: string; reached: boolean; dayPart: 'ochtend' | 'middag' | 'avond' | null; on: string; note?: string | null }) { return addContactAttempt(this.s, id, input); }
  closeSignal(id: string, input: { version: number; result: SignalResult; note: string; discussedWithResident: boolean }) { return closeSignal(this.s, id, input); }
  signalThreshold() { return threshold(this.s); }
  setSignalThreshold(input: { thresholdEuros: number; version: number }) { return setThreshold(this.s, input); }

  // Covenants and the directory of organisations
  covenants() { return listCovenants(this.s); }
  organisations() { return listOrganisations(this.s); }
  reference() { return workReference(this.s); }
}
