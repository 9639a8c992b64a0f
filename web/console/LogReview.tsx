/**
 * Log review (BIO2 8.15.06; AVG art. 39): search the processing log by resident (BSN or id), by
 * professional and by period; the views a privacy officer starts from; the log's integrity with
 * verification and a checkpoint on demand; a resident's log in the LDV read format. Every question asked
 * here is itself processing and is logged — about the resident when it names one.
 */
import { useState, type FormEvent } from 'react';
import { apiSend, useApi } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { AppLink, navigate, useLocation } from '../shared/router.tsx';
import { Loaded } from '../shared/states.tsx';
import { Alert, Button, Heading2, Paragraph } from '../shared/ui.tsx';
import type { Caps } from './App.tsx';
import type { IntegrityT, LogEntryT, VerificationT } from './types.ts';
import { Badge, formatDateTime, PeriodForm, saveJson, SelectField, SendError, Table, TextField, today, useSend } from './ui.tsx';

const TABS: Array<[string, string, string]> = [
  ['/toezicht/logboek', 'tabSearch', 'log.review'],
  ['/toezicht/logboek/buiten-betrokkenheid', 'tabOutside', 'log.review'],
  ['/toezicht/logboek/reeksen', 'tabBursts', 'log.review'],
  ['/toezicht/logboek/onvrijwillig', 'tabInvoluntary', 'log.review'],
  ['/toezicht/logboek/integriteit', 'tabIntegrity', 'log.status'],
];

export function LogReview({ caps, path }: { caps: Caps; path: string }) {
  const { t } = useI18n();
  const tabs = TABS.filter(([, , c]) => caps.capabilities.includes(c));
  let view;
  if (path === '/toezicht/logboek' && caps.capabilities.includes('log.review')) view = <Search />;
  else if (path === '/toezicht/logboek/buiten-betrokkenheid') view = <Outside />;
  else if (path === '/toezicht/logboek/reeksen') view = <Bursts />;
  else if (path === '/toezicht/logboek/onvrijwillig') view = <Involuntary />;
  else view = <Integrity caps={caps} />;
  const title = t(tabs.find(([p]) => p === path)?.[1] ?? 'tabIntegrity');
  return (
    <>
      <PageTitle title={`${t('logTitle')}: ${title}`}>{t('logTitle')}</PageTitle>
      <Paragraph lead>{t('logIntro')}</Paragraph>
      <nav aria-label={t('logTitle')}>
        <ul className="zv-tabs">
          {tabs.map(([p, k]) => (
            <li key={p}>
              <AppLink href={p} aria-current={p === path ? 'page' : undefined}>
                {t(k)}
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>
      {view}
    </>
  );
}

function EntryTable({ entries, caption }: { entries: LogEntryT[]; caption: string }) {
  const { t, lang } = useI18n();
  return (
    <Table
      caption={caption}
      head={[t('col.when'), t('col.who'), t('col.action'), t('col.decision'), t('col.rule'), t('col.purpose'), t('col.categories'), t('col.subject')]}
      rows={entries.map((e) => [
        formatDateTime(e.startTime, lang),
        e.actor.displayName ? `${e.actor.displayName} (${e.actor.role}${e.actor.organisation ? `, ${e.actor.organisation}` : ''})` : e.actor.role,
        `${e.name} (${e.action})`,
        <Badge kind={e.decision === 'permit' ? 'safe' : 'danger'} key="d">
          {t(`decision.${e.decision}`)}
        </Badge>,
        <span className="zv-mono" key="r">
          {e.rule}
        </span>,
        e.activity ? `${e.purpose.code} · ${e.activity.code} v${e.activity.version}` : e.purpose.code,
        e.categories.join(', ') || '—',
        <span className="zv-mono" key="s">
          {e.subject ?? '—'}
        </span>,
      ])}
    />
  );
}

interface SearchResult {
  query: { resident: boolean; residentId: string | null };
  total: number;
  entries: LogEntryT[];
}

function Search() {
  const { t } = useI18n();
  const [q, setQ] = useState({ bsn: '', residentId: '', professionalId: '', from: today(-30), to: today(), decision: '' });
  const s = useSend<SearchResult>();
  const [exportError, setExportError] = useState<string | null>(null);
  const set = (k: keyof typeof q) => (v: string) => setQ({ ...q, [k]: v });
  const body = () => {
    const b: Record<string, string | number> = {};
    if (q.bsn.trim()) b['bsn'] = q.bsn.trim();
    if (q.residentId.trim()) b['residentId'] = q.residentId.trim();
    if (q.professionalId.trim()) b['professionalId'] = q.professionalId.trim();
    if (q.from) b['from'] = q.from;
    if (q.to) b['to'] = q.to;
    if (q.decision) b['decision'] = q.decision;
    return b;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await s.send('POST', '/api/console/log/search', { ...body(), limit: 200 });
  };
  const exportLdv = async () => {
    setExportError(null);
    const b = body();
    delete b['professionalId'];
    delete b['decision'];
    try {
      saveJson(await apiSend('POST', '/api/console/log/export-ldv', b), 'verwerkingen-ldv.json');
    } catch (err) {
      setExportError((err as { code?: string }).code ?? 'NETWORK');
    }
  };
  return (
    <>
      <Paragraph>{t('searchIntro')}</Paragraph>
      <form className="zv-form" onSubmit={submit} aria-label={t('tabSearch')}>
        <TextField id="bsn" label={t('bsn')} hint={t('bsnHint')} value={q.bsn} onChange={set('bsn')} maxLength={9} />
        <TextField id="inwoner" label={t('residentId')} value={q.residentId} onChange={set('residentId')} maxLength={36} />
        <TextField id="medewerker" label={t('professionalId')} value={q.professionalId} onChange={set('professionalId')} maxLength={36} />
        <TextField id="zoek-van" label={t('from')} type="date" value={q.from} onChange={set('from')} />
        <TextField id="zoek-tot" label={t('to')} type="date" value={q.to} onChange={set('to')} />
        <SelectField id="beslissing" label={t('col.decision')} value={q.decision} onChange={set('decision')} options={[{ value: '', label: t('all') }, { value: 'permit', label: t('decision.permit') }, { value: 'deny', label: t('decision.deny') }]} />
        <Button type="submit" appearance="primary-action-button" disabled={s.busy}>
          {t('search')}
        </Button>
      </form>
      <SendError code={s.error} />
      {s.result && (
        <section aria-live="polite" aria-label={t('results')}>
          <Paragraph>{t('resultsCount', { n: String(s.result.total), shown: String(s.result.entries.length) })}</Paragraph>
          {s.result.query.resident && (
            <div className="zv-actions">
              <Button appearance="secondary-action-button" onClick={() => void exportLdv()}>
                {t('exportLdv')}
              </Button>
            </div>
          )}
          <SendError code={exportError} />
          <EntryTable entries={s.result.entries} caption={t('results')} />
        </section>
      )}
    </>
  );
}

function usePeriod(): { from: string; to: string; set(from: string, to: string): void } {
  const { path, query } = useLocation();
  const from = /^\d{4}-\d{2}-\d{2}$/.test(query.get('van') ?? '') ? query.get('van')! : today(-30);
  const to = /^\d{4}-\d{2}-\d{2}$/.test(query.get('tot') ?? '') ? query.get('tot')! : today();
  return { from, to, set: (f, u) => navigate(`${path}?van=${f}&tot=${u}`) };
}

interface OutsideT {
  actors: Array<{ actorId: string | null; displayName: string | null; organisation: string | null; denials: number; subjects: number; first: string; last: string }>;
  entries: LogEntryT[];
}

function Outside() {
  const { t, lang } = useI18n();
  const p = usePeriod();
  const r = useApi<OutsideT>(`/api/console/log/outside-involvement?from=${p.from}&to=${p.to}`);
  return (
    <>
      <Paragraph>{t('outsideIntro')}</Paragraph>
      <PeriodForm from={p.from} to={p.to} onSubmit={p.set} submitLabel={t('show')} key={`${p.from}${p.to}`} />
      <Loaded result={r}>
        {(v) => (
          <>
            <Table
              caption={t('outsidePerProfessional')}
              head={[t('col.who'), t('col.organisation'), t('col.denials'), t('col.subjects'), t('col.first'), t('col.last')]}
              numeric={[2, 3]}
              rows={v.actors.map((a) => [a.displayName ?? a.actorId ?? '—', a.organisation ?? '—', String(a.denials), String(a.subjects), formatDateTime(a.first, lang), formatDateTime(a.last, lang)])}
            />
            <EntryTable entries={v.entries} caption={t('outsideEntries')} />
          </>
        )}
      </Loaded>
    </>
  );
}

interface BurstsT {
  minCount: number;
  windowMinutes: number;
  bursts: Array<{ actorId: string; displayName: string | null; from: string; to: string; count: number; rules: Array<{ rule: string; count: number }> }>;
}

function Bursts() {
  const { t, lang } = useI18n();
  const p = usePeriod();
  const r = useApi<BurstsT>(`/api/console/log/bursts?from=${p.from}&to=${p.to}`);
  return (
    <>
      <PeriodForm from={p.from} to={p.to} onSubmit={p.set} submitLabel={t('show')} key={`${p.from}${p.to}`} />
      <Loaded result={r}>
        {(v) => (
          <>
            <Paragraph>{t('burstsIntro', { n: String(v.minCount), m: String(v.windowMinutes) })}</Paragraph>
            <Table
              caption={t('tabBursts')}
              head={[t('col.who'), t('col.from'), t('col.until'), t('col.denials'), t('col.rules')]}
              numeric={[3]}
              rows={v.bursts.map((b) => [b.displayName ?? b.actorId, formatDateTime(b.from, lang), formatDateTime(b.to, lang), String(b.count), b.rules.map((x) => `${x.rule} (${x.count})`).join(', ')])}
            />
          </>
        )}
      </Loaded>
    </>
  );
}

interface InvoluntaryT {
  entries: LogEntryT[];
  records: Array<{ ground: string; status: string; count: number }>;
}

function Involuntary() {
  const { t } = useI18n();
  const p = usePeriod();
  const r = useApi<InvoluntaryT>(`/api/console/log/involuntary?from=${p.from}&to=${p.to}`);
  return (
    <>
      <Paragraph>{t('involuntaryIntro')}</Paragraph>
      <PeriodForm from={p.from} to={p.to} onSubmit={p.set} submitLabel={t('show')} key={`${p.from}${p.to}`} />
      <Loaded result={r}>
        {(v) => (
          <>
            <Table caption={t('involuntaryRecords')} head={[t('col.ground'), t('col.status'), t('col.count')]} numeric={[2]} rows={v.records.map((x) => [t(`ground.${x.ground}`), t(`istatus.${x.status}`), String(x.count)])} />
            <EntryTable entries={v.entries} caption={t('involuntaryEntries')} />
          </>
        )}
      </Loaded>
    </>
  );
}

function Integrity({ caps }: { caps: Caps }) {
  const { t, lang } = useI18n();
  const [n, setN] = useState(0);
  const r = useApi<IntegrityT>(`/api/console/log/integrity${n ? `?r=${n}` : ''}`);
  const verify = useSend<{ verification: VerificationT }>();
  const checkpoint = useSend<{ id: number; root: string }>();
  return (
    <>
      <Paragraph>{t('integrityIntro')}</Paragraph>
      <Loaded result={r}>
        {(s) => (
          <>
            <dl className="utrecht-data-list zv-data-list">
              {(
                [
                  ['entriesInLog', `${s.entries} (${s.chains} ${t('chains')})`],
                  ['lastCheckpoint', s.lastCheckpoint ? `#${s.lastCheckpoint.id}, ${formatDateTime(s.lastCheckpoint.createdAt, lang)}, ${s.lastCheckpoint.entries}` : t('none')],
                  ['merkleRoot', s.lastCheckpoint ? <span className="zv-mono">{s.lastCheckpoint.root}</span> : '—'],
                  ['sinceCheckpoint', String(s.entriesSinceCheckpoint)],
                ] as Array<[string, React.ReactNode]>
              ).map(([k, v]) => (
                <div className="utrecht-data-list__item" key={k}>
                  <dt className="utrecht-data-list__item-key">{t(k)}</dt>
                  <dd className="utrecht-data-list__item-value">{v}</dd>
                </div>
              ))}
            </dl>
            <Heading2>{t('verifications')}</Heading2>
            <Table
              caption={t('verifications')}
              head={[t('col.when'), t('col.who'), t('col.result'), t('col.entries'), t('col.checkpoints')]}
              numeric={[3, 4]}
              rows={s.verifications.map((v) => [
                formatDateTime(v.finishedAt, lang),
                v.by ?? t('byCommandLine'),
                v.ok ? (
                  <Badge kind="safe">{t('intact')}</Badge>
                ) : (
                  <span>
                    <Badge kind="danger">{t('notIntact')}</Badge> {v.failure ? t('firstBad', { chain: String(v.failure.chainId), seq: String(v.failure.seq), reason: v.failure.reason }) : ''}
                  </span>
                ),
                String(v.entries),
                String(v.checkpoints),
              ])}
            />
          </>
        )}
      </Loaded>
      <div className="zv-actions">
        {caps.capabilities.includes('log.verify') && (
          <Button
            appearance="primary-action-button"
            disabled={verify.busy}
            onClick={async () => {
              if (await verify.send('POST', '/api/console/log/verify')) setN((x) => x + 1);
            }}
          >
            {t('verifyNow')}
          </Button>
        )}
        {caps.capabilities.includes('log.checkpoint') && (
          <Button
            appearance="secondary-action-button"
            disabled={checkpoint.busy}
            onClick={async () => {
              if (await checkpoint.send('POST', '/api/console/log/checkpoint')) setN((x) => x + 1);
            }}
          >
            {t('checkpointNow')}
          </Button>
        )}
      </div>
      {verify.busy && (
        <Paragraph role="status" className="zv-loading">
          {t('verifying')}
        </Paragraph>
      )}
      {verify.result && (
        <Alert type={verify.result.verification.ok ? 'ok' : 'error'} live>
          <Paragraph>{verify.result.verification.ok ? t('verifiedOk', { n: String(verify.result.verification.entries) }) : t('verifiedBad')}</Paragraph>
        </Alert>
      )}
      {checkpoint.result && (
        <Alert type="ok" live>
          <Paragraph>{t('checkpointWritten', { id: String(checkpoint.result.id) })}</Paragraph>
        </Alert>
      )}
      <SendError code={verify.error ?? checkpoint.error} />
    </>
  );
}
