/**
 * Action and purpose per route of the professional's work (house style habit 4): the table feeds the
 * OpenAPI description; the gate still decides every record. `help_request` means: the help request named
 * in the path (or owning the object named there) is the purpose, and a current involvement must cover it.
 */
import type { RouteAccess } from '../../http/access-context.ts';

const HR = 'professionals whose current involvement covers the help request';

export const WORK_ACCESS = {
  intake: { action: 'create', purpose: 'help_request', who: 'professionals of any organisation; the registering professional becomes involved (case worker) with the new help request' },
  triage: { action: 'update', purpose: 'help_request', who: HR },
  status: { action: 'update', purpose: 'help_request', who: HR },
  state: { action: 'read', purpose: 'help_request', who: HR },
  stepPlanCreate: { action: 'create', purpose: 'help_request', who: `${HR}, while it is open` },
  stepPlanList: { action: 'list', purpose: 'help_request', who: HR },
  stepPlanRead: { action: 'read', purpose: 'help_request', who: HR },
  stepPlanStep: { action: 'update', purpose: 'help_request', who: `${HR}; the steps in order (STEP_PLAN.OUT_OF_ORDER)` },
  stepPlanComplete: { action: 'update', purpose: 'help_request', who: `${HR}; the gate re-checks every item (and, for a share, the recipient and the covenant)` },
  stepPlanReuse: { action: 'read', purpose: 'help_request', who: `${HR}; each earlier datum decided under this purpose` },
  stepPlanAdoptReuse: { action: 'update', purpose: 'help_request', who: `${HR}; only data the gate lets be reused` },
  conversationCreate: { action: 'create', purpose: 'help_request', who: HR },
  conversationList: { action: 'list', purpose: 'help_request', who: HR },
  consentWithdraw: { action: 'update', purpose: 'help_request', who: `${HR} (the consent's help request); takes effect at once` },
  refusalCreate: { action: 'create', purpose: 'help_request', who: HR },
  refusalList: { action: 'list', purpose: 'help_request', who: `${HR}; not a consulted expert` },
  involuntaryRead: { action: 'read', purpose: 'help_request', who: `${HR}; not a consulted expert` },
  involuntaryUpdate: { action: 'update', purpose: 'help_request', who: `${HR}; not a consulted expert` },
  involuntaryDecide: { action: 'update', purpose: 'help_request', who: `${HR}, other than the proposer (four eyes)` },
  consultationRead: { action: 'read', purpose: 'help_request', who: 'the consulted colleague or expert only, through their expert involvement (pseudonymised facts)' },
  consultationAdvice: { action: 'update', purpose: 'help_request', who: 'the consulted colleague or expert only' },
  notice: { action: 'read', purpose: 'help_request', who: `${HR}; name and address of the resident decided by the gate` },
  planCreate: { action: 'create', purpose: 'help_request', who: 'professionals with a current involvement with the household (under a help request it covers)' },
  planUpdate: { action: 'update', purpose: 'help_request', who: 'professionals with a current involvement with the household; on the plan version they saw (PLAN.VERSION_CONFLICT)' },
  subActivityCreate: { action: 'create', purpose: 'help_request', who: 'the director or case worker, with a completed share step plan to the partner and a covenant in force' },
  partnerRefusal: { action: 'update', purpose: 'help_request', who: 'the chain partner carrying out the sub-activity (R8.2)' },
  subActivityStatus: { action: 'update', purpose: 'help_request', who: 'the director or case worker (not the partner)' },
  notices: { action: 'list', purpose: 'help_request', who: 'every professional: their own notices, each shown only while they may see DAT-information of that resident' },
  covenants: { action: 'list', purpose: 'help_request', who: 'professionals (organisation-level configuration, no personal data)' },
  organisations: { action: 'list', purpose: 'help_request', who: 'professionals (work contact details of organisations and staff, no resident data)' },
  reference: { action: 'read', purpose: 'help_request', who: 'professionals (the catalogue’s vocabulary, no personal data)' },
  consultations: { action: 'list', purpose: 'help_request', who: 'the consulted colleague or expert: their own consultations, without the resident’s identity' },
  signalIntake: { action: 'create', purpose: 'help_request', who: 'professionals of the municipality; with the reason for consulting automated sources (R7.1); register entry pa-early-signals' },
  signalObservation: { action: 'create', purpose: 'help_request', who: 'professionals of the municipality; they become accountable (R7.2)' },
  signalRead: { action: 'read', purpose: 'help_request', who: 'the accountable professional only (rule signal-accountable); register entry pa-wgs-vroegsignalering' },
  signalUpdate: { action: 'update', purpose: 'help_request', who: 'the accountable professional only' },
  signalSettings: { action: 'update', purpose: 'help_request', who: 'functional administrators (the threshold is configuration, R10.4)' },
} satisfies Record<string, RouteAccess>;
