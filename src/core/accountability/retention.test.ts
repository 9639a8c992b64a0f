import { describe, expect, it } from 'vitest';
import { CATALOGUE_2026_1 } from '../policy/catalogue-fixture.ts';
import { addDuration, classDueDate, isDue, recordDueDate } from './retention.ts';

const classes = CATALOGUE_2026_1.retentionClasses;
const cls = (code: string) => classes.find((c) => c.code === code)!;

describe('adding a retention period', () => {
  it.each([
    ['2020-03-15', 'P15Y', '2035-03-15'],
    ['2020-03-15', 'P6M', '2020-09-15'],
    ['2020-03-15', 'P42D', '2020-04-26'],
    ['2024-02-29', 'P1Y', '2025-03-01'],
    ['2020-08-31', 'P6M', '2021-03-03'],
  ])('%s + %s is %s (never earlier than the full period)', (day, p, out) => expect(addDuration(day, p)).toBe(out));

  it('refuses what is not a date duration', () => expect(() => addDuration('2020-01-01', 'PT5H')).toThrow());
});

describe('the due date of a file (Selectielijst 2020 and the sector laws: the later date wins)', () => {
  it('a Wmo file counts 15 years from the last change or from the end of the case, whichever is later', () => {
    const d = classDueDate(cls('wmo'), { created: '2010-01-01', lastChange: '2012-05-01', caseEnd: '2014-02-01' });
    expect(d).toEqual({ due: '2029-02-01', sectorLaw: '2027-05-01', selectielijst: '2029-02-01' });
  });

  it('a youth-care file is kept 20 years', () => {
    expect(classDueDate(cls('jeugd'), { created: '2000-01-01', lastChange: '2004-06-01', caseEnd: '2004-06-01' }).due).toBe('2024-06-01');
  });

  it('a Participatiewet file counts 10 years from the end of the benefit', () => {
    expect(classDueDate(cls('pw'), { created: '2000-01-01', lastChange: '2003-01-01', caseEnd: '2005-03-01' }).due).toBe('2015-03-01');
  });

  it('a debt-help file is kept 5 years after the case ends', () => {
    expect(classDueDate(cls('wgs'), { created: '2015-01-01', lastChange: '2016-01-01', caseEnd: '2016-06-30' }).due).toBe('2021-06-30');
  });

  it('a complaint handled via the ombudsman is kept 10 years, an ordinary one 5', () => {
    const a = { created: '2015-01-01', lastChange: '2015-03-01', caseEnd: '2015-04-01' };
    expect(classDueDate(cls('complaint'), a).due).toBe('2020-04-01');
    expect(classDueDate(cls('complaint_ombudsman'), a).due).toBe('2025-04-01');
  });

  it('a signal without a help request counts 42 days from its creation, open or not', () => {
    expect(classDueDate(cls('signal'), { created: '2026-01-01', lastChange: '2026-01-01', caseEnd: null }).due).toBe('2026-02-12');
  });

  it('an open case is never due', () => {
    expect(classDueDate(cls('wgs'), { created: '2000-01-01', lastChange: '2001-01-01', caseEnd: null }).due).toBeNull();
    expect(recordDueDate(['wmo'], classes, { created: '2000-01-01', lastChange: '2001-01-01', caseEnd: null }).due).toBeNull();
  });

  it('a file under two classes is due when the later one is', () => {
    const d = recordDueDate(['wgs', 'jeugd'], classes, { created: '2000-01-01', lastChange: '2002-01-01', caseEnd: '2002-01-01' });
    expect(d.due).toBe('2022-01-01');
    expect(d.decidingClass).toBe('jeugd');
    expect(d.rules).toEqual(expect.arrayContaining(['ret-selectielijst-source', 'ret-jeugd', 'ret-wgs']));
  });

  it('an unknown class keeps the file (never destroy by mistake)', () => {
    expect(recordDueDate(['wgs', 'mystery'], classes, { created: '2000-01-01', lastChange: '2001-01-01', caseEnd: '2001-01-01' }).due).toBeNull();
  });

  it('is due on the due date itself, not the day before', () => {
    const d = recordDueDate(['wgs'], classes, { created: '2015-01-01', lastChange: '2016-01-01', caseEnd: '2016-06-30' });
    expect(isDue(d, '2021-06-29')).toBe(false);
    expect(isDue(d, '2021-06-30')).toBe(true);
  });
});
