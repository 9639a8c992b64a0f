/**
 * The council report (R10.1; seed §2.6: the College answers to the Council): per period, help requests
 * per domain, data requests and shares, refusals, involuntary steps, complaints and their outcomes, AVG
 * requests answered in time, findings from the processing log and the log's integrity. Aggregates only,
 * with every count below 5 shown as "<5" (suppression.ts). A figure whose source is not recorded in this
 * installation says so ("not yet recorded") rather than showing a zero that would mislead.
 * Pure: the data layer counts, this builds the report, the server renders it (JSON, CSV, PDF).
 */
import { toCsv } from './csv.ts';
import { showCount, showShare, suppressGroup, type ShownCount } from './suppression.ts';

export type Lang = 'nl' | 'en';

export interface CouncilCounts {
  from: string;
  to: string;
  generatedAt: string;
  catalogueVersion: string;
  municipality: string;
  helpRequests: Array<{ domain: string; nl: string; en: string; registered: number; closed: number }>;
  /** Completed step plans (issue 5) per kind; null when not recorded here. */
  stepPlans: Array<{ kind: 'request' | 'record' | 'share'; count: number }> | null;
  /** Residents' refusals (issue 5) per outcome; null when not recorded here. */
  refusals: Array<{ outcome: string; count: number }> | null;
  /** Refusals by the gate, per deciding rule. */
  denials: Array<{ rule: string; count: number }>;
  involuntary: Array<{ status: string; count: number }>;
  complaints: { received: number; decided: number; outcomes: Array<{ outcome: string; count: number }>; decidedInTime: number } | null;
  rightsRequests: { received: number; decided: number; kinds: Array<{ kind: string; count: number }>; decidedInTime: number; openOverdue: number } | null;
  findings: { outsideInvolvement: number; professionals: number; bursts: number };
  integrity: {
    entries: number;
    lastVerification: { at: string; ok: boolean; entries: number } | null;
    lastCheckpoint: { id: number; at: string; entries: number; root: string } | null;
  };
}

export interface ReportRow {
  key: string;
  label: string;
  cells: Array<{ column: string; shown: ShownCount | { label: string; suppressed: boolean; value: null } }>;
}

export interface ReportSection {
  key: string;
  title: string;
  /** 'not_recorded': the source of this figure is not kept in this installation (yet). */
  status: 'ok' | 'not_recorded';
  note?: string;
  columns: Array<{ key: string; label: string }>;
  rows: ReportRow[];
  /** Which column the section's chart shows, if any. */
  chart?: string;
}

export interface CouncilReport {
  title: string;
  period: { from: string; to: string };
  generatedAt: string;
  municipality: string;
  catalogueVersion: string;
  intro: string;
  sections: ReportSection[];
  integrity: { lines: string[] };
}

const T = {
  nl: {
    title: 'Verantwoording gegevensverwerking sociaal domein',
    intro: 'Dit overzicht bevat alleen totalen. Aantallen onder de 5 staan er als "<5", zodat niemand in de cijfers te herkennen is.',
    notRecorded: 'Nog niet vastgelegd in deze installatie.',
    total: 'Totaal',
    helpRequests: 'Hulpvragen per domein',
    registered: 'Geregistreerd',
    closed: 'Afgesloten',
    stepPlans: 'Uitvragen, vastleggingen en verstrekkingen (afgerond stappenplan)',
    count: 'Aantal',
    request: 'Uitvraag',
    record: 'Vastlegging',
    share: 'Verstrekking',
    refusals: 'Weigeringen door inwoners en de keuze die volgde',
    stop: 'Dienstverlening gestopt',
    limit: 'Beperkt tot beschikbare gegevens',
    involuntary: 'Onvrijwillige verwerking',
    denials: 'Weigeringen door de poort (per beslissende regel)',
    involuntaryTitle: 'Onvrijwillige stappen (besluiten in de periode)',
    approved: 'Goedgekeurd',
    rejected: 'Afgewezen',
    draft: 'In voorbereiding',
    ended: 'Beëindigd',
    complaints: 'Klachten over gegevensverwerking en uitkomsten',
    received: 'Ontvangen',
    decided: 'Afgehandeld',
    inTime: 'Binnen de termijn afgehandeld',
    founded: 'Gegrond',
    partly_founded: 'Deels gegrond',
    unfounded: 'Ongegrond',
    not_handled: 'Niet in behandeling genomen',
    rights: 'AVG-verzoeken en termijnen',
    openOverdue: 'Nog open en over de termijn',
    access: 'Inzage',
    rectification: 'Rectificatie',
    restriction: 'Beperking',
    objection: 'Bezwaar',
    erasure: 'Wissen',
    findings: 'Bevindingen uit het verwerkingslogboek',
    outsideInvolvement: 'Pogingen buiten betrokkenheid (geweigerd)',
    professionals: 'Medewerkers met zulke pogingen',
    bursts: 'Reeksen van weigeringen kort na elkaar',
    integrity: 'Integriteit van het verwerkingslogboek',
    entries: 'Regels in het logboek',
    verified: 'Laatste controle',
    intact: 'intact',
    broken: 'NIET intact',
    notVerified: 'Nog niet gecontroleerd vanuit de console.',
    checkpoint: 'Laatste ondertekende controlepunt',
    noCheckpoint: 'Nog geen ondertekend controlepunt.',
    root: 'Merkle-root',
    share_: 'Binnen de termijn',
  },
  en: {
    title: 'Accountability for processing personal data in the social domain',
    intro: 'This overview holds totals only. Counts below 5 are shown as "<5", so that nobody can be recognised in the figures.',
    notRecorded: 'Not yet recorded in this installation.',
    total: 'Total',
    helpRequests: 'Help requests per domain',
    registered: 'Registered',
    closed: 'Closed',
    stepPlans: 'Data requests, records and shares (completed step plan)',
    count: 'Count',
    request: 'Request',
    record: 'Record',
    share: 'Share',
    refusals: "Residents' refusals and the choice that followed",
    stop: 'Service stopped',
    limit: 'Limited to the data available',
    involuntary: 'Involuntary processing',
    denials: 'Refusals by the gate (per deciding rule)',
    involuntaryTitle: 'Involuntary steps (decisions in the period)',
    approved: 'Approved',
    rejected: 'Rejected',
    draft: 'In preparation',
    ended: 'Ended',
    complaints: 'Complaints about processing and their outcomes',
    received: 'Received',
    decided: 'Decided',
    inTime: 'Decided within the deadline',
    founded: 'Founded',
    partly_founded: 'Partly founded',
    unfounded: 'Unfounded',
    not_handled: 'Not handled',
    rights: 'AVG requests and deadlines',
    openOverdue: 'Still open and past the deadline',
    access: 'Access',
    rectification: 'Rectification',
    restriction: 'Restriction',
    objection: 'Objection',
    erasure: 'Erasure',
    findings: 'Findings from the processing log',
    outsideInvolvement: 'Attempts outside involvement (refused)',
    professionals: 'Staff with such attempts',
    bursts: 'Bursts of refusals in a short time',
    integrity: 'Integrity of the processing log',
    entries: 'Entries in the log',
    verified: 'Last verification',
    intact: 'intact',
    broken: 'NOT intact',
    notVerified: 'Not yet verified from the console.',
    checkpoint: 'Last signed checkpoint',
    noCheckpoint: 'No signed checkpoint yet.',
    root: 'Merkle root',
    share_: 'Within the deadline',
  },
} as const;

type Key = keyof (typeof T)['nl'];

function label(lang: Lang, key: string): string {
  return (T[lang] as Record<string, string>)[key] ?? key;
}

/** A one-column section (label → count), suppressed as a group with its total. */
function countSection(lang: Lang, key: string, title: Key, items: Array<{ key: string; label: string; count: number }> | null, chart = true): ReportSection {
  const t = T[lang];
  const columns = [{ key: 'count', label: t.count }];
  if (items === null) return { key, title: t[title], status: 'not_recorded', note: t.notRecorded, columns, rows: [] };
  const g = suppressGroup(items.map((i) => ({ key: i.key, count: i.count })));
  const rows: ReportRow[] = items.map((i, n) => ({ key: i.key, label: i.label, cells: [{ column: 'count', shown: g.cells[n]! }] }));
  rows.push({ key: 'total', label: t.total, cells: [{ column: 'count', shown: g.total }] });
  return { key, title: t[title], status: 'ok', columns, rows, ...(chart ? { chart: 'count' } : {}) };
}

export function buildCouncilReport(c: CouncilCounts, lang: Lang = 'nl'): CouncilReport {
  const t = T[lang];
  const sections: ReportSection[] = [];

  // Help requests per domain: two columns, each suppressed as its own group.
  const reg = suppressGroup(c.helpRequests.map((h) => ({ key: h.domain, count: h.registered })));
  const clo = suppressGroup(c.helpRequests.map((h) => ({ key: h.domain, count: h.closed })));
  sections.push({
    key: 'help_requests',
    title: t.helpRequests,
    status: 'ok',
    columns: [
      { key: 'registered', label: t.registered },
      { key: 'closed', label: t.closed },
    ],
    rows: [
      ...c.helpRequests.map((h, i) => ({ key: h.domain, label: lang === 'nl' ? h.nl : h.en, cells: [{ column: 'registered', shown: reg.cells[i]! }, { column: 'closed', shown: clo.cells[i]! }] })),
      { key: 'total', label: t.total, cells: [{ column: 'registered', shown: reg.total }, { column: 'closed', shown: clo.total }] },
    ],
    chart: 'registered',
  });

  sections.push(countSection(lang, 'step_plans', 'stepPlans', c.stepPlans && (['request', 'record', 'share'] as const).map((k) => ({ key: k, label: t[k], count: c.stepPlans!.find((s) => s.kind === k)?.count ?? 0 }))));
  sections.push(countSection(lang, 'refusals', 'refusals', c.refusals && ['stop', 'limit', 'involuntary'].map((k) => ({ key: k, label: label(lang, k), count: c.refusals!.find((r) => r.outcome === k)?.count ?? 0 }))));
  sections.push(countSection(lang, 'denials', 'denials', c.denials.slice(0, 10).map((d) => ({ key: d.rule, label: d.rule, count: d.count }))));
  sections.push(countSection(lang, 'involuntary', 'involuntaryTitle', ['approved', 'rejected', 'ended', 'draft'].map((k) => ({ key: k, label: label(lang, k), count: c.involuntary.find((v) => v.status === k)?.count ?? 0 }))));

  // Complaints: received/decided, outcomes, and the share decided in time.
  if (c.complaints === null) sections.push({ key: 'complaints', title: t.complaints, status: 'not_recorded', note: t.notRecorded, columns: [], rows: [] });
  else {
    const out = countSection(lang, 'complaints', 'complaints', ['founded', 'partly_founded', 'unfounded', 'not_handled'].map((k) => ({ key: k, label: label(lang, k), count: c.complaints!.outcomes.find((o) => o.outcome === k)?.count ?? 0 })), false);
    const share = showShare(c.complaints.decidedInTime, c.complaints.decided);
    out.rows.unshift({ key: 'received', label: t.received, cells: [{ column: 'count', shown: showCount(c.complaints.received) }] });
    out.rows.push({ key: 'in_time', label: t.inTime, cells: [{ column: 'count', shown: { ...share, value: null } }] });
    sections.push(out);
  }

  if (c.rightsRequests === null) sections.push({ key: 'rights_requests', title: t.rights, status: 'not_recorded', note: t.notRecorded, columns: [], rows: [] });
  else {
    const r = c.rightsRequests;
    const out = countSection(lang, 'rights_requests', 'rights', ['access', 'rectification', 'restriction', 'objection', 'erasure'].map((k) => ({ key: k, label: label(lang, k), count: r.kinds.find((x) => x.kind === k)?.count ?? 0 })), false);
    const share = showShare(r.decidedInTime, r.decided);
    out.rows.push(
      { key: 'decided', label: t.decided, cells: [{ column: 'count', shown: showCount(r.decided) }] },
      { key: 'in_time', label: t.inTime, cells: [{ column: 'count', shown: { ...share, value: null } }] },
      { key: 'open_overdue', label: t.openOverdue, cells: [{ column: 'count', shown: showCount(r.openOverdue) }] },
    );
    sections.push(out);
  }

  sections.push({
    key: 'findings',
    title: t.findings,
    status: 'ok',
    columns: [{ key: 'count', label: t.count }],
    rows: [
      { key: 'outside_involvement', label: t.outsideInvolvement, cells: [{ column: 'count', shown: showCount(c.findings.outsideInvolvement) }] },
      { key: 'professionals', label: t.professionals, cells: [{ column: 'count', shown: showCount(c.findings.professionals) }] },
      { key: 'bursts', label: t.bursts, cells: [{ column: 'count', shown: showCount(c.findings.bursts) }] },
    ],
  });

  const lines = [`${t.entries}: ${c.integrity.entries}`];
  const v = c.integrity.lastVerification;
  lines.push(v ? `${t.verified}: ${v.at.slice(0, 10)} — ${v.ok ? t.intact : t.broken} (${v.entries})` : t.notVerified);
  const cp = c.integrity.lastCheckpoint;
  lines.push(cp ? `${t.checkpoint}: #${cp.id}, ${cp.at.slice(0, 10)}, ${cp.entries} — ${t.root} ${cp.root}` : t.noCheckpoint);

  return {
    title: t.title,
    period: { from: c.from, to: c.to },
    generatedAt: c.generatedAt,
    municipality: c.municipality,
    catalogueVersion: c.catalogueVersion,
    intro: t.intro,
    sections,
    integrity: { lines },
  };
}

/** The report as CSV: one row per figure (section, row, column, value as shown). */
export function councilReportCsv(r: CouncilReport): string {
  const rows: unknown[][] = [];
  for (const s of r.sections) {
    if (s.status === 'not_recorded') {
      rows.push([s.key, s.title, '', '', s.note ?? '']);
      continue;
    }
    for (const row of s.rows) for (const cell of row.cells) rows.push([s.key, s.title, row.label, s.columns.find((c) => c.key === cell.column)?.label ?? cell.column, cell.shown.label]);
  }
  for (const line of r.integrity.lines) rows.push(['integrity', '', '', '', line]);
  return toCsv(['section', 'title', 'row', 'column', 'value'], [[ 'period', r.title, r.period.from, r.period.to, r.municipality ], ...rows]);
}
