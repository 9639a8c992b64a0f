/**
 * The statutory deadlines of the resident's rights requests and complaints, computed from the day of
 * receipt. Dates are Dutch calendar days (YYYY-MM-DD); a deadline is met when the answer is sent on or
 * before that day. Pure: "today" is an input.
 *
 * Rights requests (AVG art. 12(3)): answer within one month of receipt. The controller may extend by two
 * further months, taking into account the complexity and number of requests, but only when it tells the
 * resident so, with the reasons, within the first month. Erasure of Wmo or Jeugdwet data: destroy within
 * three months of the request (Wmo 2015 art. 5.3.5; Jeugdwet art. 7.3.9).
 *
 * Complaints (Awb chapter 9): decide within six weeks of receipt, or ten weeks when an advisory
 * committee (afdeling 9.1.3) handles it (9:11(1)); postpone once by at most four weeks, with written
 * notice before the deadline (9:11(2)). A decision not to handle the complaint is sent within four weeks
 * (9:8(2)). The Awb sets no term for the acknowledgement (9:6); we hold ourselves to one week.
 */
import { addDays, addMonths, daysBetween, onOrNextWorkingDay } from './calendar.ts';

export type DeadlineState = 'met' | 'open' | 'due_soon' | 'overdue';

/** Days before a deadline from which an open item counts as "due soon". */
export const DUE_SOON_DAYS = 7;

/** The state of a deadline today: met (answered in time), open, due soon, or overdue (answered late or not yet). */
export function deadlineState(due: string, today: string, doneOn: string | null = null): DeadlineState {
  if (doneOn !== null) return doneOn <= due ? 'met' : 'overdue';
  if (today > due) return 'overdue';
  return daysBetween(today, due) <= DUE_SOON_DAYS ? 'due_soon' : 'open';
}

export type RightsRequestKind = 'access' | 'rectification' | 'restriction' | 'objection' | 'erasure';

export interface RightsDeadlines {
  /** The answer is due by this day (one month, or three when extended in time). */
  answerBy: string;
  /** The original one-month deadline: the extension notice must be sent on or before it. */
  firstMonthEnds: string;
  /** The latest possible answer when extended (receipt + three months). */
  extendedAnswerBy: string;
  /** Erasure only: the data are destroyed by this day (Wmo 5.3.5, Jeugdwet 7.3.9). */
  destroyBy: string | null;
}

export function rightsDeadlines(input: { receivedOn: string; kind: RightsRequestKind; extendedOn: string | null }): RightsDeadlines {
  const firstMonthEnds = onOrNextWorkingDay(addMonths(input.receivedOn, 1));
  const extendedAnswerBy = onOrNextWorkingDay(addMonths(input.receivedOn, 3));
  // An extension counts only when its notice was sent within the first month (AVG 12(3), second sentence).
  const extendedInTime = input.extendedOn !== null && input.extendedOn <= firstMonthEnds;
  return {
    answerBy: extendedInTime ? extendedAnswerBy : firstMonthEnds,
    firstMonthEnds,
    extendedAnswerBy,
    destroyBy: input.kind === 'erasure' ? onOrNextWorkingDay(addMonths(input.receivedOn, 3)) : null,
  };
}

/** May the handler still extend? Only once, within the first month, and not after deciding. */
export function mayExtendRightsRequest(input: { receivedOn: string; extendedOn: string | null; decidedOn: string | null; today: string }): boolean {
  if (input.extendedOn !== null || input.decidedOn !== null) return false;
  return input.today <= rightsDeadlines({ receivedOn: input.receivedOn, kind: 'access', extendedOn: null }).firstMonthEnds;
}

export interface ComplaintDeadlines {
  /** Service standard (the Awb sets no term for 9:6): acknowledge within a week. */
  acknowledgeBy: string;
  /** Awb 9:8(2): a decision not to handle the complaint is sent within four weeks. */
  notHandledNoticeBy: string;
  /** Awb 9:11: six weeks, ten with an advisory committee, plus at most four when postponed in time. */
  decideBy: string;
  /** The deadline before any postponement (a postponement notice must be sent on or before it). */
  originalDecideBy: string;
  /** Weeks the law allows for this complaint (6 or 10, plus 4 when postponed). */
  weeks: number;
}

export const COMPLAINT_WEEKS = 6;
export const COMPLAINT_WEEKS_WITH_COMMITTEE = 10;
export const COMPLAINT_POSTPONEMENT_WEEKS = 4;
/** Awb 9:24(1)(b): the Nationale ombudsman need not investigate a request made more than a year after the complaint was handled. */
export const OMBUDSMAN_TERM_YEARS = 1;

export function complaintDeadlines(input: { receivedOn: string; committee: boolean; postponedOn: string | null }): ComplaintDeadlines {
  const baseWeeks = input.committee ? COMPLAINT_WEEKS_WITH_COMMITTEE : COMPLAINT_WEEKS;
  const originalDecideBy = onOrNextWorkingDay(addDays(input.receivedOn, baseWeeks * 7));
  const postponedInTime = input.postponedOn !== null && input.postponedOn <= originalDecideBy;
  const weeks = baseWeeks + (postponedInTime ? COMPLAINT_POSTPONEMENT_WEEKS : 0);
  return {
    acknowledgeBy: onOrNextWorkingDay(addDays(input.receivedOn, 7)),
    notHandledNoticeBy: onOrNextWorkingDay(addDays(input.receivedOn, 28)),
    decideBy: postponedInTime ? onOrNextWorkingDay(addDays(input.receivedOn, weeks * 7)) : originalDecideBy,
    originalDecideBy,
    weeks,
  };
}

/** May the commissioner still postpone? Once, before the (original) deadline, and not after deciding. */
export function mayPostponeComplaint(input: { receivedOn: string; committee: boolean; postponedOn: string | null; decidedOn: string | null; today: string }): boolean {
  if (input.postponedOn !== null || input.decidedOn !== null) return false;
  return input.today <= complaintDeadlines({ receivedOn: input.receivedOn, committee: input.committee, postponedOn: null }).originalDecideBy;
}

/** The last day to take the complaint to the Nationale ombudsman (Awb 9:24(1)(b)): one year after the decision. */
export function ombudsmanTermEnds(decidedOn: string): string {
  return addMonths(decidedOn, 12 * OMBUDSMAN_TERM_YEARS);
}
