/**
 * Zelfredzaamheid-Matrix 2017 (GGD Amsterdam): 13 life domains (leefgebieden), scored 1–5.
 * Lay labels follow "Mijn ZRM" for the residents' portal (research/standards.md §6).
 * The Dutch DPA found scoring all domains by default unnecessary (AP z2016-11841): a plan scores only
 * the domains its help requests need.
 */
export const ZRM_VERSION = 'ZRM-2017';

export const ZRM_DOMAINS = [
  { code: 'financien', nl: 'Financiën', lay: 'Geldzaken', en: 'Finances' },
  { code: 'werk_opleiding', nl: 'Werk & Opleiding', lay: 'Werk en opleiding', en: 'Work & education' },
  { code: 'tijdsbesteding', nl: 'Tijdsbesteding', lay: 'Tijdsbesteding', en: 'Use of time' },
  { code: 'huisvesting', nl: 'Huisvesting', lay: 'Woning', en: 'Housing' },
  { code: 'huiselijke_relaties', nl: 'Huiselijke relaties', lay: 'Relaties thuis', en: 'Domestic relations' },
  { code: 'geestelijke_gezondheid', nl: 'Geestelijke gezondheid', lay: 'Geestelijke gezondheid', en: 'Mental health' },
  { code: 'lichamelijke_gezondheid', nl: 'Lichamelijke gezondheid', lay: 'Lichamelijke gezondheid', en: 'Physical health' },
  { code: 'middelengebruik', nl: 'Middelengebruik', lay: 'Verslaving', en: 'Substance use' },
  { code: 'basale_adl', nl: 'Basale ADL', lay: 'Zelfzorg', en: 'Basic ADL' },
  { code: 'instrumentele_adl', nl: 'Instrumentele ADL', lay: 'Dagelijkse activiteiten', en: 'Instrumental ADL' },
  { code: 'sociaal_netwerk', nl: 'Sociaal netwerk', lay: 'Sociaal netwerk', en: 'Social network' },
  { code: 'maatschappelijke_participatie', nl: 'Maatschappelijke participatie', lay: 'Inzet voor de maatschappij', en: 'Community participation' },
  { code: 'justitie', nl: 'Justitie', lay: 'Justitie', en: 'Justice' },
] as const;

export type ZrmDomain = (typeof ZRM_DOMAINS)[number]['code'];

export const ZRM_SCALE = [
  { score: 1, nl: 'Acute problematiek', en: 'Acute problems' },
  { score: 2, nl: 'Niet zelfredzaam', en: 'Not self-reliant' },
  { score: 3, nl: 'Beperkt zelfredzaam', en: 'Limited self-reliance' },
  { score: 4, nl: 'Voldoende zelfredzaam', en: 'Sufficiently self-reliant' },
  { score: 5, nl: 'Volledig zelfredzaam', en: 'Fully self-reliant' },
] as const;

export function isZrmDomain(v: string): v is ZrmDomain {
  return ZRM_DOMAINS.some((d) => d.code === v);
}

export function isZrmScore(v: number): v is 1 | 2 | 3 | 4 | 5 {
  return Number.isInteger(v) && v >= 1 && v <= 5;
}
