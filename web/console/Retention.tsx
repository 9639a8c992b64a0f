/**
 * Retention (Selectielijst 2020 and the sector laws, the later date winning): the runs — a dry-run report
 * first, the archivist's sign-off (never by the person who made the report), then the destruction of what
 * it lists and is still due — and legal holds, which keep a file whatever its date. A destroyed file
 * leaves a processing-log entry, not the data.
 */
import { useState, type FormEvent } from 'react';
import { useApi } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { AppLink, navigate } from '../shared/router.tsx';
import { Loaded } from '../shared/states.tsx';
import { Alert, Button, Heading2, Paragraph } from '../shared/ui.tsx';
import type { Caps } from './App.tsx';
import type { RunT } from './types.ts';
import { AreaField, Badge, formatDate, formatDateTime, SelectField, SendError, Table, TextField, useSend } from './ui.tsx';

function runBadge(status: RunT['status'], t: (k: string) => string) {
  const kind = status === 'awaiting_sign_off' ? 'warning' : status === 'signed_off' ? 'safe' : 'neutral';
  return <Badge kind={kind}>{t(`rstatus.${status}`)}</Badge>;
}

interface HoldT {
  id: string;
  objectType: string;
  objectId: string;
  reason: string;
  placedBy: string;
  placedAt: string;
  releasedBy: string | null;
  releasedAt: string | null;
}

export function Retention({ caps }: { caps: Caps }) {
  const { t, lang } = useI18n();
  const [n, setN] = useState(0);
  const runs = useApi<{ runs: RunT[] }>(`/api/console/retention/runs${n ? `?r=${n}` : ''}`);
  const holds = useApi<{ holds: HoldT[] }>(`/api/console/retention/holds${n ? `?r=${n}` : ''}`);
  const dry = useSend<RunT>();
  const hold = useSend<{ id: string }>();
  const release = useSend<null>();
  const [h, setH] = useState({ objectType: 'help_request', objectId: '', reason: '' });
  const placeHold = async (e: FormEvent) => {
    e.preventDefault();
    if (await hold.send('POST', '/api/console/retention/holds', { objectType: h.objectType, objectId: h.objectId.trim(), reason: h.reason.trim() })) {
      setH({ ...h, objectId: '', reason: '' });
      setN((x) => x + 1);
    }
  };
  return (
    <>
      <PageTitle title={t('retentionTitle')}>{t('retentionTitle')}</PageTitle>
      <Paragraph lead>{t('retentionIntro')}</Paragraph>
      {caps.capabilities.includes('retention.dry_run') && (
        <div className="zv-actions">
          <Button
            appearance="primary-action-button"
            disabled={dry.busy}
            onClick={async () => {
              const run = await dry.send('POST', '/api/console/retention/runs');
              if (run) navigate(`/toezicht/bewaartermijnen/${run.id}`);
            }}
          >
            {t('makeDryRun')}
          </Button>
        </div>
      )}
      <SendError code={dry.error} />
      <Heading2>{t('runs')}</Heading2>
      <Loaded result={runs}>
        {(v) => (
          <Table
            caption={t('runs')}
            head={[t('col.run'), t('col.createdBy'), t('col.candidates'), t('col.held'), t('col.status'), t('col.signedOffBy')]}
            numeric={[2, 3]}
            rows={v.runs.map((r) => [
              <AppLink href={`/toezicht/bewaartermijnen/${r.id}`} key="l">
                {formatDateTime(r.createdAt, lang)}
              </AppLink>,
              r.createdBy ?? t('systemJob'),
              String(r.summary.candidates),
              String(r.summary.held),
              runBadge(r.status, t),
              r.signedOffBy ?? '—',
            ])}
          />
        )}
      </Loaded>
      <Heading2>{t('holds')}</Heading2>
      <Loaded result={holds}>
        {(v) => (
          <Table
            caption={t('holds')}
            head={[t('col.object'), t('col.reason'), t('col.placedBy'), t('col.status'), '']}
            rows={v.holds.map((x) => [
              <span key="o">
                {t(`object.${x.objectType}`)} <span className="zv-mono">{x.objectId}</span>
              </span>,
              x.reason,
              `${x.placedBy}, ${formatDate(x.placedAt.slice(0, 10), lang)}`,
              x.releasedAt ? <Badge kind="neutral">{t('released')}</Badge> : <Badge kind="warning">{t('active')}</Badge>,
              !x.releasedAt && caps.capabilities.includes('retention.hold') ? (
                <Button
                  key="b"
                  appearance="secondary-action-button"
                  onClick={async () => {
                    await release.send('POST', `/api/console/retention/holds/${x.id}/release`);
                    setN((k) => k + 1);
                  }}
                >
                  {t('release')}
                </Button>
              ) : (
                ''
              ),
            ])}
          />
        )}
      </Loaded>
      <SendError code={release.error} />
      {caps.capabilities.includes('retention.hold') && (
        <section className="zv-section" aria-labelledby="bewaarplicht">
          <Heading2 id="bewaarplicht">{t('placeHold')}</Heading2>
          <form className="zv-form zv-form--stack" onSubmit={placeHold}>
            <SelectField id="soort" label={t('col.objectType')} value={h.objectType} onChange={(v) => setH({ ...h, objectType: v })} options={['help_request', 'household', 'resident'].map((o) => ({ value: o, label: t(`object.${o}`) }))} />
            <TextField id="object" label={t('col.objectId')} value={h.objectId} onChange={(v) => setH({ ...h, objectId: v })} required maxLength={36} />
            <AreaField id="reden-bewaren" label={t('reason')} value={h.reason} onChange={(v) => setH({ ...h, reason: v })} rows={2} maxLength={2000} />
            <SendError code={hold.error} />
            <div className="zv-actions">
              <Button type="submit" appearance="primary-action-button" disabled={hold.busy}>
                {t('placeHold')}
              </Button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}

interface RunDetailT extends RunT {
  candidates: Array<{ helpRequestId: string; helpRequestReference: string | null; householdId: string; classes: string[]; due: string; held: boolean; outcome: string }>;
}

export function RetentionRunDetail({ id, caps }: { id: string; caps: Caps }) {
  const { t, lang } = useI18n();
  const r = useApi<RunDetailT>(`/api/console/retention/runs/${encodeURIComponent(id)}`);
  const [note, setNote] = useState('');
  const sign = useSend<RunDetailT>();
  const exec = useSend<RunT>();
  const title = t('runTitle');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Loaded result={r}>
        {(loaded) => {
          const run: RunDetailT = exec.result ? { ...loaded, ...exec.result, candidates: loaded.candidates } : (sign.result ?? loaded);
          return (
            <>
              <dl className="utrecht-data-list zv-data-list">
                {(
                  [
                    ['col.status', runBadge(run.status, t)],
                    ['col.asOf', formatDate(run.asOf, lang)],
                    ['col.createdBy', `${run.createdBy ?? t('systemJob')}, ${formatDateTime(run.createdAt, lang)}`],
                    ['col.catalogue', run.catalogueVersion],
                    ['col.candidates', t('candidatesText', { n: String(run.summary.candidates), h: String(run.summary.households), held: String(run.summary.held) })],
                    ['col.perClass', Object.entries(run.summary.perClass).map(([k, v]) => `${k}: ${v}`).join(', ') || '—'],
                    ['col.signedOffBy', run.signedOffBy ? `${run.signedOffBy}, ${formatDateTime(run.signedOffAt, lang)}${run.signOffNote ? ` — ${run.signOffNote}` : ''}` : '—'],
                    ['col.result', run.result ? t('resultText', { d: String(run.result.destroyed), hold: String(run.result.keptHold), nd: String(run.result.keptNotDue), e: String(run.result.keptError), h: String(run.result.households), r: String(run.result.residents) }) : '—'],
                  ] as Array<[string, React.ReactNode]>
                ).map(([k, v]) => (
                  <div className="utrecht-data-list__item" key={k}>
                    <dt className="utrecht-data-list__item-key">{t(k)}</dt>
                    <dd className="utrecht-data-list__item-value">{v}</dd>
                  </div>
                ))}
              </dl>
              {run.status === 'awaiting_sign_off' && caps.capabilities.includes('retention.sign_off') && (
                <section className="zv-section" aria-labelledby="aftekenen">
                  <Heading2 id="aftekenen">{t('signOffTitle')}</Heading2>
                  <Paragraph>{t('signOffIntro')}</Paragraph>
                  <AreaField id="aftekennotitie" label={t('decisionNote')} value={note} onChange={setNote} rows={2} maxLength={2000} />
                  <SendError code={sign.error} />
                  <div className="zv-actions">
                    <Button appearance="primary-action-button" disabled={sign.busy} onClick={async () => (await sign.send('POST', `/api/console/retention/runs/${id}/sign-off`, { decision: 'sign_off', note: note.trim() || null }))}>
                      {t('signOff')}
                    </Button>
                    <Button appearance="secondary-action-button" disabled={sign.busy} onClick={async () => (await sign.send('POST', `/api/console/retention/runs/${id}/sign-off`, { decision: 'reject', note: note.trim() || null }))}>
                      {t('reject')}
                    </Button>
                  </div>
                </section>
              )}
              {run.status === 'signed_off' && caps.capabilities.includes('retention.execute') && (
                <section className="zv-section" aria-labelledby="vernietigen">
                  <Heading2 id="vernietigen">{t('executeTitle')}</Heading2>
                  <Paragraph>{t('executeIntro')}</Paragraph>
                  <SendError code={exec.error} />
                  <div className="zv-actions">
                    <Button appearance="primary-action-button" disabled={exec.busy} onClick={async () => (await exec.send('POST', `/api/console/retention/runs/${id}/execute`))}>
                      {t('execute')}
                    </Button>
                  </div>
                </section>
              )}
              {exec.result && (
                <Alert type="ok" live>
                  <Paragraph>{t('executedDone', { n: String(exec.result.result?.destroyed ?? 0) })}</Paragraph>
                </Alert>
              )}
              <Heading2>{t('candidates')}</Heading2>
              <Table
                caption={t('candidates')}
                head={[t('col.helpRequest'), t('col.classes'), t('col.due'), t('col.held'), t('col.outcome')]}
                rows={run.candidates.map((c) => [c.helpRequestReference ?? <span className="zv-mono">{c.helpRequestId}</span>, c.classes.join(', '), formatDate(c.due, lang), c.held ? t('yes') : t('no'), t(`coutcome.${c.outcome}`)])}
              />
            </>
          );
        }}
      </Loaded>
      <Paragraph>
        <AppLink href="/toezicht/bewaartermijnen">{t('backRetention')}</AppLink>
      </Paragraph>
    </>
  );
}
