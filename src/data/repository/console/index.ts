/**
 * The privacy officer's console (issue 7; docs/console.md), bound to one request's gate session like
 * every repository: the register, the rules and covenants administration, log review, access reviews,
 * retention, the council report. Work that is not tied to a request (activating approved changes,
 * verifying the log, executing a retention run, the training sandbox) takes the Store: see
 * src/data/index.ts.
 */
import type { GateSession } from '../../gate/session.ts';
import type { ProposalKind, ProposalStatus } from '../../schema-accountability.ts';
import { readRegister } from './register.ts';
import { catalogueText, decideProposal, getProposal, listCatalogueVersions, listProposals, proposeCatalogue, proposeCovenant, proposeRegisterChange, type ProposalDecision, type RegisterChangeInput } from './proposals.ts';
import { listCovenants, type CovenantInput } from './covenants.ts';
import { denialBurstsView, exportResidentLog, involuntarySteps, outsideInvolvement, searchLog, type LogQuery } from './log-review.ts';
import { integrityStatus } from './integrity.ts';
import { decideReview, reviewDetail, reviewSchedules, type ReviewDecisionInput } from './access-review.ts';
import { councilReportCounts } from './council-report.ts';
import { listHolds, listRuns, placeHold, releaseHold, runDetail, signOffRun } from '../../retention/review.ts';

export class ConsoleRepository {
  constructor(private readonly session: GateSession) {}

  register(purpose: 'read' | 'export' = 'read') {
    return readRegister(this.session, purpose);
  }

  catalogueVersions() {
    return listCatalogueVersions(this.session);
  }

  catalogueText(version: string) {
    return catalogueText(this.session, version);
  }

  proposals(filter: { status?: ProposalStatus; kind?: ProposalKind } = {}) {
    return listProposals(this.session, filter);
  }

  proposal(id: string) {
    return getProposal(this.session, id);
  }

  proposeCatalogue(input: { catalogue: unknown; reason: string }) {
    return proposeCatalogue(this.session, input);
  }

  proposeRegisterChange(input: RegisterChangeInput) {
    return proposeRegisterChange(this.session, input);
  }

  proposeCovenant(input: CovenantInput & { covenantId: string | null; reason: string }) {
    return proposeCovenant(this.session, input);
  }

  decideProposal(id: string, input: { decision: ProposalDecision; note?: string | null }) {
    return decideProposal(this.session, id, input);
  }

  covenants() {
    return listCovenants(this.session);
  }

  searchLog(q: LogQuery) {
    return searchLog(this.session, q);
  }

  outsideInvolvement(period: { from: string; to: string }) {
    return outsideInvolvement(this.session, period);
  }

  denialBursts(q: { from: string; to: string; minCount?: number; windowMinutes?: number }) {
    return denialBurstsView(this.session, q);
  }

  involuntarySteps(period: { from: string; to: string }) {
    return involuntarySteps(this.session, period);
  }

  exportResidentLog(q: { bsn?: string; residentId?: string; from?: string; to?: string }) {
    return exportResidentLog(this.session, q);
  }

  integrity() {
    return integrityStatus(this.session);
  }

  reviewSchedules() {
    return reviewSchedules(this.session);
  }

  reviewDetail(professionalId: string) {
    return reviewDetail(this.session, professionalId);
  }

  decideReview(professionalId: string, input: ReviewDecisionInput) {
    return decideReview(this.session, professionalId, input);
  }

  retentionRuns() {
    return listRuns(this.session);
  }

  retentionRun(id: string) {
    return runDetail(this.session, id);
  }

  signOffRetentionRun(id: string, input: { decision: 'sign_off' | 'reject'; note?: string | null }) {
    return signOffRun(this.session, id, input);
  }

  legalHolds() {
    return listHolds(this.session);
  }

  placeLegalHold(input: { objectType: 'resident' | 'household' | 'help_request'; objectId: string; reason: string }) {
    return placeHold(this.session, input);
  }

  releaseLegalHold(id: string) {
    return releaseHold(this.session, id);
  }

  councilCounts(period: { from: string; to: string }) {
    return councilReportCounts(this.session, period);
  }
}

export type { ProposalView, CatalogueVersionView, RegisterChangeInput, ProposalDecision } from './proposals.ts';
export type { RegisterView, RegisterActivityView, RegisterVersionView } from './register.ts';
export type { CovenantInput, CovenantView } from './covenants.ts';
export type { LogQuery, LogEntryView, LogSearchResult, OutsideInvolvementView, BurstView, InvoluntaryView } from './log-review.ts';
export type { IntegrityStatus, CheckpointView, VerificationView } from './integrity.ts';
export type { ReviewRowView, ReviewDetailView, InvolvementView, ReviewDecisionInput } from './access-review.ts';
export type { RetentionRunView, CandidateView, LegalHoldView, RunSummary, RunResult } from '../../retention/review.ts';
