import { describe, expect, it } from 'vitest';
import { toLdvReadItem, traceIdAsUuid } from './ldv-read.ts';

describe('the LDV "Lezen" read format', () => {
  it('a trace id is given as a UUID string', () => expect(traceIdAsUuid('0af7651916cd43dd8448eb211c80319c')).toBe('0af76519-16cd-43dd-8448-eb211c80319c'));

  it('a log line becomes a ProcessingActivity result item with dpl.core attributes and no actor', () => {
    const item = toLdvReadItem(
      {
        traceId: '0af7651916cd43dd8448eb211c80319c',
        spanId: 'b7ad6b7169203331',
        parentSpanId: null,
        name: 'household.read',
        startTime: new Date('2026-03-01T10:00:00Z'),
        endTime: new Date('2026-03-01T10:00:00.020Z'),
        statusCode: 1,
        processingActivityId: '6f1c0000-0000-4000-8000-000000000000',
        activityCode: 'pa-wmo-onderzoek',
        activityVersion: 2,
        dataSubjectId: 'abc',
        dataSubjectIdType: 'urn:zorgvuldig:resident-pseudonym:v1',
      },
      { 'service.name': 'zorgvuldig' },
    );
    expect(item).toEqual({
      traceId: '0af76519-16cd-43dd-8448-eb211c80319c',
      spanId: 'b7ad6b7169203331',
      status: 'Ok',
      name: 'household.read',
      startTime: '2026-03-01T10:00:00.000Z',
      endTime: '2026-03-01T10:00:00.020Z',
      resource: { attributes: { 'service.name': 'zorgvuldig' } },
      attributes: {
        'dpl.core.processing_activity_id': 'urn:zorgvuldig:verwerkingsactiviteit:pa-wmo-onderzoek:2',
        'dpl.core.data_subject_id': 'abc',
        'dpl.core.data_subject_id_type': 'urn:zorgvuldig:resident-pseudonym:v1',
      },
    });
  });
});
