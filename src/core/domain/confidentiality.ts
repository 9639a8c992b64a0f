/**
 * The eight ZGW confidentiality levels (vertrouwelijkheidaanduiding), in order. A grant's maximum is
 * inclusive: a record is visible when its level ≤ the grant's maximum (ZGW Autorisaties API,
 * maxVertrouwelijkheidaanduiding "inclusief").
 */
export const CONFIDENTIALITY_LEVELS = [
  'openbaar',
  'beperkt_openbaar',
  'intern',
  'zaakvertrouwelijk',
  'vertrouwelijk',
  'confidentieel',
  'geheim',
  'zeer_geheim',
] as const;

export type ConfidentialityLevel = (typeof CONFIDENTIALITY_LEVELS)[number];

export function isConfidentialityLevel(v: string): v is ConfidentialityLevel {
  return (CONFIDENTIALITY_LEVELS as readonly string[]).includes(v);
}

export function levelRank(level: ConfidentialityLevel): number {
  return CONFIDENTIALITY_LEVELS.indexOf(level);
}

/** True when a record at `level` may be seen under a grant with maximum `max` (inclusive). */
export function withinMaximum(level: ConfidentialityLevel, max: ConfidentialityLevel): boolean {
  return levelRank(level) <= levelRank(max);
}
