/** The statutory deadlines of rights requests (AVG 12(3)) and complaints (Awb 9:8, 9:11), as tables. */
import { describe, expect, it } from 'vitest';
import { addMonths, easterSunday, isWorkingDay, onOrNextWorkingDay, publicHolidays } from './calendar.ts';
import { complaintDeadlines, deadlineState, mayExtendRightsRequest, mayPostponeComplaint, ombudsmanTermEnds, rightsDeadlines } from './deadlines.ts';

describe('calendar', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
  ])('%s plus %i month(s) is %s (a shorter month ends on its last day)', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it('Easter and the holidays that hang on it are computed for any year', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect([...publicHolidays(2026)].sort()).toEqual(['2026-01-01', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26']);
  });

  it('King’s Day moves to the 26th when the 27th of April is a Sunday', () => {
    expect(publicHolidays(2025).has('2025-04-26')).toBe(true);
    expect(publicHolidays(2025).has('2025-04-27')).toBe(false);
  });

  it('a period that ends on a weekend or holiday ends on the next working day', () => {
    expect(isWorkingDay('2026-10-16')).toBe(true);
    expect(onOrNextWorkingDay('2026-10-17')).toBe('2026-10-19');
    expect(onOrNextWorkingDay('2026-12-25')).toBe('2026-12-28');
  });
});

describe('rights requests: AVG art. 12(3)', () => {
  it('an answer is due one month after receipt', () => {
    expect(rightsDeadlines({ receivedOn: '2026-10-14', kind: 'access', extendedOn: null }).answerBy).toBe('2026-11-16');
    expect(rightsDeadlines({ receivedOn: '2026-10-13', kind: 'access', extendedOn: null }).answerBy).toBe('2026-11-13');
  });

  it('an extension noticed within the first month moves the deadline to three months after receipt', () => {
    const d = rightsDeadlines({ receivedOn: '2026-10-13', kind: 'objection', extendedOn: '2026-11-02' });
    expect(d).toMatchObject({ firstMonthEnds: '2026-11-13', answerBy: '2027-01-13' });
  });

  it('an extension noticed after the first month does not count: the answer stays due after one month', () => {
    expect(rightsDeadlines({ receivedOn: '2026-10-13', kind: 'objection', extendedOn: '2026-11-20' }).answerBy).toBe('2026-11-13');
  });

  it('erasure also has a destruction deadline of three months (Wmo 5.3.5, Jeugdwet 7.3.9)', () => {
    expect(rightsDeadlines({ receivedOn: '2026-10-13', kind: 'erasure', extendedOn: null }).destroyBy).toBe('2027-01-13');
    expect(rightsDeadlines({ receivedOn: '2026-10-13', kind: 'access', extendedOn: null }).destroyBy).toBeNull();
  });

  it('the handler may extend once, only within the first month and only before deciding', () => {
    const base = { receivedOn: '2026-10-13', extendedOn: null, decidedOn: null };
    expect(mayExtendRightsRequest({ ...base, today: '2026-11-13' })).toBe(true);
    expect(mayExtendRightsRequest({ ...base, today: '2026-11-14' })).toBe(false);
    expect(mayExtendRightsRequest({ ...base, extendedOn: '2026-10-20', today: '2026-10-21' })).toBe(false);
    expect(mayExtendRightsRequest({ ...base, decidedOn: '2026-10-20', today: '2026-10-21' })).toBe(false);
  });
});

describe('complaints: Awb chapter 9', () => {
  it('a complaint is decided within six weeks of receipt', () => {
    expect(complaintDeadlines({ receivedOn: '2026-10-14', committee: false, postponedOn: null })).toMatchObject({ decideBy: '2026-11-25', weeks: 6, notHandledNoticeBy: '2026-11-11', acknowledgeBy: '2026-10-21' });
  });

  it('with an advisory committee it is ten weeks', () => {
    expect(complaintDeadlines({ receivedOn: '2026-10-14', committee: true, postponedOn: null })).toMatchObject({ decideBy: '2026-12-23', weeks: 10 });
  });

  it('a postponement noticed before the deadline adds four weeks, once', () => {
    expect(complaintDeadlines({ receivedOn: '2026-10-14', committee: false, postponedOn: '2026-11-20' })).toMatchObject({ decideBy: '2026-12-23', originalDecideBy: '2026-11-25', weeks: 10 });
    expect(complaintDeadlines({ receivedOn: '2026-10-14', committee: true, postponedOn: '2026-11-20' })).toMatchObject({ decideBy: '2027-01-20', weeks: 14 });
  });

  it('a postponement noticed after the deadline adds nothing', () => {
    expect(complaintDeadlines({ receivedOn: '2026-10-14', committee: false, postponedOn: '2026-11-30' }).decideBy).toBe('2026-11-25');
    expect(mayPostponeComplaint({ receivedOn: '2026-10-14', committee: false, postponedOn: null, decidedOn: null, today: '2026-11-26' })).toBe(false);
    expect(mayPostponeComplaint({ receivedOn: '2026-10-14', committee: false, postponedOn: null, decidedOn: null, today: '2026-11-25' })).toBe(true);
  });

  it('the Nationale ombudsman term runs one year from the decision (Awb 9:24)', () => {
    expect(ombudsmanTermEnds('2026-11-20')).toBe('2027-11-20');
  });
});

describe('deadline state', () => {
  it.each([
    ['2026-11-16', '2026-10-20', null, 'open'],
    ['2026-11-16', '2026-11-10', null, 'due_soon'],
    ['2026-11-16', '2026-11-16', null, 'due_soon'],
    ['2026-11-16', '2026-11-17', null, 'overdue'],
    ['2026-11-16', '2026-12-01', '2026-11-16', 'met'],
    ['2026-11-16', '2026-12-01', '2026-11-18', 'overdue'],
  ] as const)('due %s, today %s, done %s: %s', (due, today, done, state) => {
    expect(deadlineState(due, today, done)).toBe(state);
  });
});
