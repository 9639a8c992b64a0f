/**
 * The right of access in full (AVG art. 15(1) and (3); R5.5): everything about the resident the portal
 * can show — the file with sources and purposes, consents, rights requests, complaints — plus the
 * processing log about them, and the AVG 15(1) information (purposes, recipients, retention, rights,
 * sources). One gated unit of work, so the export is one consistent moment and one logged access. The
 * server turns the same data into JSON (machine-readable) and PDF (readable).
 */
import type { GateSession } from '../../gate/session.ts';
import { logForExport } from './access-log.ts';
import { complaintsOf } from './complaints.ts';
import { municipalityName, portalPurpose, recordItem, subjectScope } from './common.ts';
import { consentsOf } from './consents.ts';
import { buildFile, FILE_FACTS } from './file.ts';
import { requestsOf } from './rights-requests.ts';
import type { AccessLogEntryView, ComplaintView, PortalConsentView, MyFileView, RightsRequestView } from './views.ts';

export interface FullExport {
  format: 'zorgvuldig-inzage/1';
  generatedAt: string;
  controller: string;
  subject: MyFileView['subject'];
  file: MyFileView;
  consents: PortalConsentView[];
  rightsRequests: RightsRequestView[];
  complaints: ComplaintView[];
  accessLog: { since: string; total: number; truncated: boolean; showsNames: boolean; entries: AccessLogEntryView[] };
  /** AVG 15(1)(a)–(h): purposes, categories, recipients, retention, rights, complaint, source, no automated decisions. */
  processing: Array<{ activity: string; name: string; purpose: string; legalBasis: string; recipients: string[]; retention: string }>;
  rights: string[];
}

/** Since when the log is exported: the whole retained log (AVG 15 covers every consultation on record). */
const LOG_SINCE = new Date('2000-01-01T00:00:00Z');

export async function fullExport(session: GateSession, subjectId: string | null, showNames: boolean): Promise<FullExport> {
  return session.run('portal.export', 'read', async (work) => {
    const scope = await subjectScope(work, subjectId, { type: 'export', id: null }, FILE_FACTS);
    const file = await buildFile(work, scope);
    const consents = await consentsOf(work, scope);
    const rightsRequests = await requestsOf(work, scope);
    const complaints = await complaintsOf(work, scope);
    // The log about the subject: asked like "who viewed my data", decided and logged as access metadata.
    const meta = scope.decide(recordItem('access_metadata', null, scope.homeHouseholdId, scope.subjectId, 'involvement'));
    let accessLog: FullExport['accessLog'] = { since: LOG_SINCE.toISOString(), total: 0, truncated: false, showsNames: showNames, entries: [] };
    if (meta.permit) {
      work.processed(scope.subjectId, portalPurpose(work), { type: 'access_metadata', id: null }, ['involvement'], meta);
      const log = await logForExport(work, scope, showNames, LOG_SINCE);
      accessLog = { ...accessLog, total: log.total, truncated: log.totalCapped || log.total > log.entries.length, entries: log.entries };
    }
    // The register entries of the purposes the data were collected for, and of the portal itself.
    const activities = new Set<string>(['pa-portal']);
    for (const c of file.categories) for (const i of c.items) if (i.purpose.processingActivity) activities.add(i.purpose.processingActivity);
    const processing = work.policy.catalogue.processingActivities
      .filter((a) => activities.has(a.code))
      .map((a) => ({ activity: a.code, name: a.name, purpose: a.purpose, legalBasis: a.legalBasis, recipients: a.recipients, retention: a.retention }));
    return {
      format: 'zorgvuldig-inzage/1',
      generatedAt: work.now.toISOString(),
      controller: `College van burgemeester en wethouders van ${await municipalityName(work)}`,
      subject: file.subject,
      file,
      consents,
      rightsRequests,
      complaints,
      accessLog,
      processing,
      rights: [
        'Inzage (AVG artikel 15), rectificatie (16), beperking (18) en bezwaar (21); verwijdering (17) waar de wet dat toestaat (Wmo 2015 artikel 5.3.5; Jeugdwet artikel 7.3.9).',
        'Een klacht bij de gemeente (Algemene wet bestuursrecht hoofdstuk 9) en daarna bij de Nationale ombudsman; over privacy ook bij de Autoriteit Persoonsgegevens (AVG artikel 77).',
        'Er wordt geen geautomatiseerde besluitvorming of profilering op u toegepast (AVG artikel 22).',
      ],
    };
  });
}
