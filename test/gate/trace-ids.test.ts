/**
 * Trace ids (Logboek Dataverwerkingen / W3C Trace Context): 32 lower-case hex, unique, never all zero;
 * time first, so that the log's trace index grows at its right edge instead of on random pages.
 */
import { describe, expect, it } from 'vitest';
import { newTrace, newTraceId } from '../../src/data/gate/session.ts';

describe('trace ids', () => {
  it('are 32 lower-case hex characters, unique over many, and never all zero', () => {
    const ids = Array.from({ length: 20_000 }, () => newTrace().traceId);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => /^0+$/.test(id))).toBe(false);
  });

  it('sort by the time they were made: a later millisecond gives a larger id', () => {
    const t = Date.UTC(2026, 10, 29, 9);
    const earlier = Array.from({ length: 50 }, () => newTraceId(t));
    const later = Array.from({ length: 50 }, () => newTraceId(t + 1));
    for (const a of earlier) for (const b of later) expect(a < b).toBe(true);
    expect(earlier[0]!.slice(0, 12)).toBe(t.toString(16).padStart(12, '0'));
  });

  it('a trace continued from a parent keeps the parent trace id and takes a new span', () => {
    const parent = newTrace();
    const child = newTrace(parent);
    expect(child.traceId).toBe(parent.traceId);
    expect(child.parentSpanId).toBe(parent.spanId);
    expect(child.spanId).not.toBe(parent.spanId);
  });
});
