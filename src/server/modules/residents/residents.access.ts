/**
 * Action and purpose per route of the residents' side (house style habit 4). The table feeds the
 * OpenAPI description; the gate still decides every record. `portal` is the resident's own portal
 * (pa-portal), for themself or a person they represent (the age rules); `oversight` is the handling of
 * rights requests and complaints (pa-oversight); `help_request` is an involved professional's purpose.
 */
import type { RouteAccess } from '../../http/access-context.ts';

const SELF = 'the signed-in resident, about themself or a person they represent (parents of children under 16, curator, mentor, bewindvoerder within their scope)';

export const RESIDENTS_ACCESS = {
  rightsNotice: { action: 'read', purpose: 'portal', who: 'the signed-in resident: were the rights and duties shown (R5.1)?' },
  rightsShown: { action: 'create', purpose: 'portal', who: 'the signed-in resident: remember that the rights and duties were shown' },
  file: { action: 'read', purpose: 'portal', who: `${SELF}; withheld parts (access restrictions) are left out` },
  accessLog: { action: 'read', purpose: 'portal', who: `${SELF}; the question is itself logged` },
  accessLogExport: { action: 'read', purpose: 'portal', who: `${SELF}; JSON or CSV` },
  export: { action: 'read', purpose: 'portal', who: `${SELF}; everything in one consistent export, JSON or PDF (AVG art. 15(3))` },
  consents: { action: 'list', purpose: 'portal', who: SELF },
  consentWithdraw: { action: 'create', purpose: 'portal', who: `${SELF}; the withdrawal takes effect at once (AVG art. 7(3))` },
  rightsRequestCreate: { action: 'create', purpose: 'portal', who: SELF },
  rightsRequests: { action: 'list', purpose: 'portal', who: SELF },
  rightsRequest: { action: 'read', purpose: 'portal', who: SELF },
  complaintCreate: { action: 'create', purpose: 'portal', who: SELF },
  complaints: { action: 'list', purpose: 'portal', who: SELF },
  complaint: { action: 'read', purpose: 'portal', who: SELF },
  complaintLetter: { action: 'read', purpose: 'portal', who: `${SELF}; once the complaint is decided` },
  signals: { action: 'list', purpose: 'portal', who: SELF },
  rightsQueue: { action: 'list', purpose: 'oversight', who: 'the functional administrator (handler); the privacy officer reads (deadline monitoring)' },
  rightsRead: { action: 'read', purpose: 'oversight', who: 'the functional administrator; the privacy officer reads' },
  rightsHandle: { action: 'update', purpose: 'oversight', who: 'the functional administrator only (the privacy officer does not judge their own work, AVG 38(6))' },
  complaintQueue: { action: 'list', purpose: 'oversight', who: 'the complaints commissioner, for complaints about households they are not involved with (Awb 9:7)' },
  complaintRead: { action: 'read', purpose: 'oversight', who: 'the complaints commissioner (Awb 9:7)' },
  complaintHandle: { action: 'update', purpose: 'oversight', who: 'the complaints commissioner (Awb 9:7)' },
  restrictionCreate: { action: 'create', purpose: 'help_request', who: 'professionals whose current involvement covers the help request named' },
  restrictionList: { action: 'list', purpose: 'help_request', who: 'professionals currently involved with the household; due reviews first' },
  restrictionReview: { action: 'update', purpose: 'help_request', who: 'professionals whose current involvement covers the help request of the restriction' },
} satisfies Record<string, RouteAccess>;
