/**
 * The residents' side (issue 6; R5, R9), gate-bound like every repository: the portal (my file, who
 * viewed my data, consents, rights requests, complaints, exports — for the resident or a person they
 * represent) and the staff who handle it (the functional administrator's rights-request queue, the
 * complaints commissioner's queue, the involved professional's access restrictions).
 */
import type { GateSession } from '../../gate/session.ts';
import { accessLog, accessLogExport, type AccessLogQuery } from './access-log.ts';
import { complaintForHandler, complaintQueue, fileComplaint, handleComplaint, myComplaint, myComplaintLetter, myComplaints, type ComplaintAction, type ComplaintQueueFilter, type NewComplaint } from './complaints.ts';
import { myConsents, withdrawConsent } from './consents.ts';
import { fullExport } from './export.ts';
import { myFile, type FileItemsPage } from './file.ts';
import { markRightsShown, rightsNotice } from './notice.ts';
import { mySignals } from './signals.ts';
import { createRestriction, restrictionsForProfessional, reviewRestriction, type NewRestriction, type RestrictionReview } from './restrictions.ts';
import { fileRightsRequest, handleRightsRequest, myRightsRequest, myRightsRequests, rightsQueue, rightsRequestForHandler, type NewRightsRequest, type RightsQueueFilter, type RightsRequestAction } from './rights-requests.ts';

export type { AccessLogQuery, ComplaintAction, ComplaintQueueFilter, NewComplaint, NewRestriction, RestrictionReview, NewRightsRequest, RightsQueueFilter, RightsRequestAction };
export type { RightsNoticeView } from './notice.ts';
export type { FullExport } from './export.ts';
export type { PortalSignalView, PortalMatchView } from './signals.ts';
export type { Letter } from '../../../core/residents/letters.ts';

export class ResidentsRepository {
  constructor(private readonly session: GateSession) {}

  // ── The resident (or their representative) ──
  rightsNotice() {
    return rightsNotice(this.session);
  }
  markRightsShown() {
    return markRightsShown(this.session);
  }
  file(subjectId: string | null, page: FileItemsPage = {}) {
    return myFile(this.session, subjectId, page);
  }
  accessLog(q: AccessLogQuery, showNames: boolean) {
    return accessLog(this.session, q, showNames);
  }
  accessLogExport(q: AccessLogQuery, showNames: boolean) {
    return accessLogExport(this.session, q, showNames);
  }
  fullExport(subjectId: string | null, showNames: boolean) {
    return fullExport(this.session, subjectId, showNames);
  }
  consents(subjectId: string | null) {
    return myConsents(this.session, subjectId);
  }
  withdrawConsent(consentId: string) {
    return withdrawConsent(this.session, consentId);
  }
  fileRightsRequest(input: NewRightsRequest) {
    return fileRightsRequest(this.session, input);
  }
  rightsRequests(subjectId: string | null) {
    return myRightsRequests(this.session, subjectId);
  }
  rightsRequest(id: string) {
    return myRightsRequest(this.session, id);
  }
  fileComplaint(input: NewComplaint) {
    return fileComplaint(this.session, input);
  }
  complaints(subjectId: string | null) {
    return myComplaints(this.session, subjectId);
  }
  complaint(id: string) {
    return myComplaint(this.session, id);
  }
  complaintLetter(id: string) {
    return myComplaintLetter(this.session, id);
  }
  signals(subjectId: string | null, showNames: boolean) {
    return mySignals(this.session, subjectId, showNames);
  }

  // ── Staff ──
  rightsQueue(filter: RightsQueueFilter) {
    return rightsQueue(this.session, filter);
  }
  rightsRequestForHandler(id: string) {
    return rightsRequestForHandler(this.session, id);
  }
  handleRightsRequest(id: string, step: RightsRequestAction) {
    return handleRightsRequest(this.session, id, step);
  }
  complaintQueue(filter: ComplaintQueueFilter) {
    return complaintQueue(this.session, filter);
  }
  complaintForHandler(id: string) {
    return complaintForHandler(this.session, id);
  }
  handleComplaint(id: string, step: ComplaintAction) {
    return handleComplaint(this.session, id, step);
  }
  createRestriction(input: NewRestriction) {
    return createRestriction(this.session, input);
  }
  restrictions() {
    return restrictionsForProfessional(this.session);
  }
  reviewRestriction(id: string, input: RestrictionReview) {
    return reviewRestriction(this.session, id, input);
  }
}
