/**
 * Which ZRM life domains a help request can need (R1.4; rule ap-zrm-necessity). The Dutch DPA found that
 * scoring all domains of the self-reliance matrix by default is unnecessary (AP z2016-11841): a plan
 * gets goals only for domains a help request needs, each with the reason why. This table says which
 * domains each municipal domain's help can touch at all; the professional argues the need per goal.
 */
import { AppError } from '../errors.ts';
import { isZrmDomain, type ZrmDomain } from '../domain/zrm.ts';
import { MIN_ARGUMENT } from './step-plan.ts';

export const DOMAINS_BY_HELP_DOMAIN: Readonly<Record<string, readonly ZrmDomain[]>> = {
  // Wmo 2015: self-reliance and participation (art. 1.1.1), shelter.
  wmo: ['huisvesting', 'huiselijke_relaties', 'geestelijke_gezondheid', 'lichamelijke_gezondheid', 'middelengebruik', 'basale_adl', 'instrumentele_adl', 'sociaal_netwerk', 'maatschappelijke_participatie', 'tijdsbesteding'],
  // Jeugdwet: growing up, family, school, health, justice (jeugdreclassering).
  jeugd: ['huiselijke_relaties', 'geestelijke_gezondheid', 'lichamelijke_gezondheid', 'middelengebruik', 'werk_opleiding', 'sociaal_netwerk', 'tijdsbesteding', 'justitie'],
  // Participatiewet: income and work.
  werk_inkomen: ['financien', 'werk_opleiding', 'tijdsbesteding', 'maatschappelijke_participatie'],
  // Wgs: money matters, and housing when the arrears threaten it.
  schuldhulp: ['financien', 'huisvesting'],
};

export function domainsFor(helpDomain: string): readonly ZrmDomain[] {
  return DOMAINS_BY_HELP_DOMAIN[helpDomain] ?? [];
}

/** A goal's life domain must be one its help request can need, and the need must be argued. */
export function assertGoalNeeded(helpDomain: string, lifeDomain: string, needReason: string): void {
  if (!isZrmDomain(lifeDomain)) throw new AppError('ZRM.INVALID_DOMAIN');
  if (!domainsFor(helpDomain).includes(lifeDomain)) throw new AppError('PLAN.DOMAIN_NOT_NEEDED', { field: 'lifeDomain', rule: 'ap-zrm-necessity' });
  if (needReason.trim().length < MIN_ARGUMENT) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field: 'needReason', min: MIN_ARGUMENT });
}
