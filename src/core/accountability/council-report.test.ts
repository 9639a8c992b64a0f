import { describe, expect, it } from 'vitest';
import { buildCouncilReport, councilReportCsv, type CouncilCounts } from './council-report.ts';

const counts: CouncilCounts = {
  from: '2026-01-01',
  to: '2026-06-30',
  generatedAt: '2026-07-01T08:00:00.000Z',
  catalogueVersion: '2026.1',
  municipality: 'Gemeente Oosterveld',
  helpRequests: [
    { domain: 'wmo', nl: 'Wmo', en: 'Wmo', registered: 40, closed: 12 },
    { domain: 'jeugd', nl: 'Jeugd', en: 'Youth', registered: 3, closed: 9 },
    { domain: 'werk_inkomen', nl: 'Werk en inkomen', en: 'Work and income', registered: 22, closed: 30 },
  ],
  stepPlans: [{ kind: 'share', count: 7 }],
  refusals: null,
  denials: [{ rule: 'involvement-required', count: 14 }],
  involuntary: [{ status: 'approved', count: 2 }],
  complaints: { received: 8, decided: 6, outcomes: [{ outcome: 'unfounded', count: 6 }], decidedInTime: 6 },
  rightsRequests: null,
  findings: { outsideInvolvement: 14, professionals: 3, bursts: 0 },
  integrity: { entries: 1234, lastVerification: { at: '2026-06-30T10:00:00.000Z', ok: true, entries: 1200 }, lastCheckpoint: { id: 4, at: '2026-06-30T10:00:00.000Z', entries: 1200, root: 'ab'.repeat(32) } },
};

describe('the council report', () => {
  const r = buildCouncilReport(counts, 'nl');
  const section = (key: string) => r.sections.find((s) => s.key === key)!;
  const cell = (key: string, row: string, column = 'count') => section(key).rows.find((x) => x.key === row)!.cells.find((c) => c.column === column)!.shown.label;

  it('shows counts below 5 as "<5", with the next smallest hidden when a total would give it away', () => {
    expect(cell('help_requests', 'jeugd', 'registered')).toBe('<5');
    expect(cell('help_requests', 'werk_inkomen', 'registered')).toBe('<5');
    expect(cell('help_requests', 'wmo', 'registered')).toBe('40');
    expect(cell('help_requests', 'total', 'registered')).toBe('65');
  });

  it('says "not yet recorded" where the source is not kept here, rather than a misleading zero', () => {
    expect(section('refusals')).toMatchObject({ status: 'not_recorded', rows: [] });
    expect(section('rights_requests').status).toBe('not_recorded');
    expect(section('step_plans').status).toBe('ok');
  });

  it('shows the share of complaints decided in time, and small findings as "<5"', () => {
    expect(cell('complaints', 'in_time')).toBe('100%');
    expect(cell('findings', 'professionals')).toBe('<5');
    expect(cell('findings', 'outside_involvement')).toBe('14');
  });

  it('carries the integrity of the log with the checkpoint root outside the database', () => {
    expect(r.integrity.lines.join('\n')).toContain('ab'.repeat(32));
    expect(r.integrity.lines[1]).toContain('intact');
  });

  it('is available in English', () => {
    expect(buildCouncilReport(counts, 'en').sections[0]!.title).toBe('Help requests per domain');
  });

  it('exports as CSV with the values as shown (never the suppressed number)', () => {
    const csv = councilReportCsv(r);
    expect(csv).toContain('Jeugd,Geregistreerd,<5');
    expect(csv).not.toMatch(/Jeugd,Geregistreerd,3/);
  });
});
