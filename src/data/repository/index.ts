/**
 * The gate-bound repository: one per request (house style habit 1). Routes and services call these
 * methods; each runs in its own transaction through the gate, which decides, projects and logs.
 * There is no other way from src/server to personal data.
 */
import type { GateSession } from '../gate/session.ts';
import { caseload, helpRequestDetail, household, type CaseloadPageQuery, type DataItemsPageQuery } from './households.ts';
import { searchResidents, type SearchQuery } from './search.ts';
import { portalOverview } from './portal.ts';
import { createDataItem, type NewDataItem } from './data-items.ts';
import { whoCanSeeDataItem, residentsVisibleTo } from './oversight.ts';
import { ResidentsRepository } from './residents/index.ts';
import { WorkRepository } from './work/index.ts';
import { ConsoleRepository } from './console/index.ts';

export class Repository {
  constructor(private readonly session: GateSession) {}

  get actor() {
    return this.session.actor;
  }

  /** The residents' side (issue 6): my file, who viewed my data, consents, rights requests, complaints; their handlers. */
  get residents(): ResidentsRepository {
    return new ResidentsRepository(this.session);
  }

  /** The professional's work (issue 5): intake, step plans, consent, refusal, plans, matches, signals. */
  get work(): WorkRepository {
    return new WorkRepository(this.session);
  }

  /** The privacy officer's console (issue 7): register, rules and covenants, log review, reviews, retention, report. */
  get console(): ConsoleRepository {
    return new ConsoleRepository(this.session);
  }

  caseload(page?: CaseloadPageQuery) {
    return caseload(this.session, page);
  }

  household(householdId: string, purposeHelpRequestId: string | null = null, items: DataItemsPageQuery = {}) {
    return household(this.session, householdId, purposeHelpRequestId, items);
  }

  helpRequest(helpRequestId: string, items: DataItemsPageQuery = {}) {
    return helpRequestDetail(this.session, helpRequestId, items);
  }

  search(q: SearchQuery) {
    return searchResidents(this.session, q);
  }

  portalOverview() {
    return portalOverview(this.session);
  }

  createDataItem(input: NewDataItem) {
    return createDataItem(this.session, input);
  }

  whoCanSeeDataItem(dataItemId: string) {
    return whoCanSeeDataItem(this.session, dataItemId);
  }

  residentsVisibleTo(professionalId: string) {
    return residentsVisibleTo(this.session, professionalId);
  }
}
