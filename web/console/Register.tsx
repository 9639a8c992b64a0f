/**
 * The register of processing activities (AVG art. 30): every activity with the version in force, its
 * history (every version stays: log entries point at the version that was in force), downloads (JSON in
 * the LDV register shape, CSV), and a proposal to change an entry — which becomes a new version of the
 * rules catalogue that a second person approves.
 */
import { useState, type FormEvent } from 'react';
import { useApi } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { AppLink, navigate } from '../shared/router.tsx';
import { Loaded } from '../shared/states.tsx';
import { Button, Heading2, Link, Paragraph } from '../shared/ui.tsx';
import type { Caps } from './App.tsx';
import type { ProposalT, RegisterT, RegisterVersionT } from './types.ts';
import { AreaField, Badge, formatDate, SendError, Table, TextField, today, useSend } from './ui.tsx';

export function stateBadge(state: RegisterVersionT['state'], t: (k: string) => string) {
  return <Badge kind={state === 'in_force' ? 'safe' : state === 'scheduled' ? 'warning' : 'neutral'}>{t(`state.${state}`)}</Badge>;
}

export function RegisterList({ caps }: { caps: Caps }) {
  const { t } = useI18n();
  const r = useApi<RegisterT>('/api/console/register');
  return (
    <>
      <PageTitle title={t('registerTitle')}>{t('registerTitle')}</PageTitle>
      <Paragraph lead>{t('registerIntro')}</Paragraph>
      <div className="zv-actions">
        <Link href="/api/console/register/export" download>
          {t('downloadJson')}
        </Link>
        <Link href="/api/console/register/export?format=csv" download>
          {t('downloadCsv')}
        </Link>
        {caps.capabilities.includes('policy.propose') && <AppLink href="/toezicht/register/nieuw">{t('registerNew')}</AppLink>}
      </div>
      <Loaded result={r}>
        {(reg) => (
          <>
            <Paragraph>{t('registerController', { controller: reg.controller, version: reg.catalogueVersion })}</Paragraph>
            <Table
              caption={t('registerCaption')}
              head={[t('col.activity'), t('col.version'), t('col.validFrom'), t('col.legalBasis'), t('col.logEntries')]}
              numeric={[1, 4]}
              rows={reg.activities.map((a) => {
                const c = a.current ?? a.versions[0]!;
                return [
                  <AppLink href={`/toezicht/register/${encodeURIComponent(a.code)}`} key="l">
                    {c.name}
                  </AppLink>,
                  String(c.version),
                  formatDate(c.validFrom.slice(0, 10), 'nl'),
                  c.legalBasis,
                  String(Object.values(a.logEntries).reduce((n, x) => n + x, 0)),
                ];
              })}
            />
          </>
        )}
      </Loaded>
    </>
  );
}

const EMPTY = { name: '', purpose: '', legalBasis: '', categories: '', dataSubjects: '', recipients: '', retention: '', measures: '' };
const list = (s: string) =>
  s
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter(Boolean);

export function RegisterDetail({ code, caps }: { code: string; caps: Caps }) {
  const { t, lang } = useI18n();
  const r = useApi<RegisterT>('/api/console/register');
  const isNew = code === 'nieuw';
  const title = isNew ? t('registerNew') : t('registerEntry', { code });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Loaded result={r}>
        {(reg) => {
          const a = reg.activities.find((x) => x.code === code);
          if (!isNew && !a) return <Paragraph>{t('notFoundText')}</Paragraph>;
          return (
            <>
              {a && (
                <>
                  <Heading2>{t('versions')}</Heading2>
                  {a.versions.map((v) => (
                    <section key={v.id} className="zv-section" aria-label={t('versionN', { n: String(v.version) })}>
                      <h3 className="utrecht-heading-3">
                        {t('versionN', { n: String(v.version) })} {stateBadge(v.state, t)}
                      </h3>
                      <dl className="utrecht-data-list zv-data-list">
                        {(
                          [
                            ['col.validFrom', formatDate(v.validFrom.slice(0, 10), lang)],
                            ['col.name', v.name],
                            ['col.purpose', v.purpose],
                            ['col.legalBasis', v.legalBasis],
                            ['col.categories', v.categories.join(', ')],
                            ['col.dataSubjects', v.dataSubjects.join(', ')],
                            ['col.recipients', v.recipients.join(', ') || '—'],
                            ['col.retention', v.retention],
                            ['col.measures', v.measures],
                            ['col.logEntries', String(a.logEntries[String(v.version)] ?? 0)],
                          ] as Array<[string, string]>
                        ).map(([k, val]) => (
                          <div className="utrecht-data-list__item" key={k}>
                            <dt className="utrecht-data-list__item-key">{t(k)}</dt>
                            <dd className="utrecht-data-list__item-value">{val}</dd>
                          </div>
                        ))}
                      </dl>
                    </section>
                  ))}
                </>
              )}
              {caps.capabilities.includes('policy.propose') && <ChangeForm code={isNew ? null : code} current={a?.current ?? null} />}
            </>
          );
        }}
      </Loaded>
      <Paragraph>
        <AppLink href="/toezicht/register">{t('backRegister')}</AppLink>
      </Paragraph>
    </>
  );
}

function ChangeForm({ code, current }: { code: string | null; current: RegisterVersionT | null }) {
  const { t } = useI18n();
  const [f, setF] = useState(() =>
    current
      ? { ...EMPTY, name: current.name, purpose: current.purpose, legalBasis: current.legalBasis, categories: current.categories.join(', '), dataSubjects: current.dataSubjects.join('\n'), recipients: current.recipients.join('\n'), retention: current.retention, measures: current.measures }
      : EMPTY,
  );
  const [newCode, setNewCode] = useState('pa-');
  const [effectiveFrom, setEffectiveFrom] = useState(today());
  const [reason, setReason] = useState('');
  const s = useSend<ProposalT>();
  const set = (k: keyof typeof EMPTY) => (v: string) => setF({ ...f, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = await s.send('POST', '/api/console/register/proposals', {
      code: code ?? newCode.trim(),
      name: f.name.trim(),
      purpose: f.purpose.trim(),
      legalBasis: f.legalBasis.trim(),
      categories: list(f.categories),
      dataSubjects: list(f.dataSubjects),
      recipients: list(f.recipients),
      retention: f.retention.trim(),
      measures: f.measures.trim(),
      effectiveFrom,
      reason: reason.trim(),
    });
    if (p) navigate(`/toezicht/regels/voorstellen/${p.id}`);
  };
  return (
    <section className="zv-section" aria-labelledby="wijzigen">
      <Heading2 id="wijzigen">{t('proposeChange')}</Heading2>
      <Paragraph>{t('proposeChangeIntro')}</Paragraph>
      <form className="zv-form zv-form--stack" onSubmit={submit}>
        {code === null && <TextField id="code" label={t('col.code')} hint={t('codeHint')} value={newCode} onChange={setNewCode} required />}
        <TextField id="naam" label={t('col.name')} value={f.name} onChange={set('name')} required wide />
        <AreaField id="doel" label={t('col.purpose')} value={f.purpose} onChange={set('purpose')} />
        <AreaField id="grondslag" label={t('col.legalBasis')} value={f.legalBasis} onChange={set('legalBasis')} />
        <AreaField id="categorieen" label={t('col.categories')} hint={t('categoriesHint')} value={f.categories} onChange={set('categories')} rows={2} />
        <AreaField id="betrokkenen" label={t('col.dataSubjects')} hint={t('oneALine')} value={f.dataSubjects} onChange={set('dataSubjects')} rows={3} />
        <AreaField id="ontvangers" label={t('col.recipients')} hint={t('oneALine')} value={f.recipients} onChange={set('recipients')} rows={3} />
        <AreaField id="bewaartermijn" label={t('col.retention')} value={f.retention} onChange={set('retention')} rows={2} />
        <AreaField id="maatregelen" label={t('col.measures')} value={f.measures} onChange={set('measures')} />
        <TextField id="ingang" label={t('effectiveFrom')} hint={t('effectiveFromHint')} type="date" value={effectiveFrom} onChange={setEffectiveFrom} required />
        <AreaField id="reden" label={t('reason')} hint={t('reasonHint')} value={reason} onChange={setReason} rows={2} maxLength={2000} />
        <SendError code={s.error} />
        <div className="zv-actions">
          <Button type="submit" appearance="primary-action-button" disabled={s.busy}>
            {t('submitProposal')}
          </Button>
        </div>
      </form>
    </section>
  );
}
