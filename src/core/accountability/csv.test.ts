import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';
import { registerCsv, registerExport } from './register-export.ts';

describe('CSV export', () => {
  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-12', "'-12"],
  ])('%s → %s', (v, out) => expect(csvCell(v)).toBe(out));

  it('lists become one cell, and the file starts with a byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv(['a', 'b'], [[['x', 'y'], null]]);
    expect(csv).toBe('\uFEFFa,b\r\n"x; y",\r\n');
  });
});

describe('the register export', () => {
  const v = (version: number, state: 'in_force' | 'superseded') => ({
    id: `id-${version}`, code: 'pa-x', version, name: 'X', purpose: 'p', legalBasis: 'AVG 6(1)(e)', categories: ['identity'], dataSubjects: ['client'],
    recipients: [], retention: 'P5Y', measures: 'm', validFrom: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z', state,
  });
  it('names the version in force and every version by its own identifier', () => {
    const e = registerExport([{ code: 'pa-x', versions: [v(2, 'in_force'), v(1, 'superseded')] }], { controller: 'Gemeente Oosterveld', generatedAt: new Date('2026-05-01T00:00:00Z'), catalogueVersion: '2026.2' });
    expect(e.processingActivities[0]).toMatchObject({ active: true, latestVersion: 2, versionInForce: 2 });
    expect(e.processingActivities[0]!.versions.map((x) => x.uri)).toEqual(['urn:zorgvuldig:verwerkingsactiviteit:pa-x:2', 'urn:zorgvuldig:verwerkingsactiviteit:pa-x:1']);
  });
  it('the CSV has a row per version', () => {
    expect(registerCsv([{ versions: [v(2, 'in_force'), v(1, 'superseded')] }]).trim().split('\r\n')).toHaveLength(3);
  });
});
