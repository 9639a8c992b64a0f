/**
 * Rules and covenants with four eyes (R10.4): the catalogue versions (which one the gate uses now),
 * proposals with their structured difference, a new catalogue version from a file, covenants — and the
 * decision: a second person approves (never the proposer), the proposer may withdraw.
 */
import { useState, type FormEvent } from 'react';
import { useApi } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { AppLink, navigate } from '../shared/router.tsx';
import { Loaded } from '../shared/states.tsx';
import { Alert, Button, Heading2, Heading3, Link, Paragraph } from '../shared/ui.tsx';
import type { Caps } from './App.tsx';
import type { CovenantT, DiffT, ProposalT } from './types.ts';
import { AreaField, Badge, Field, formatDate, formatDateTime, SelectField, SendError, Table, TextField, today, useSend } from './ui.tsx';

interface VersionT {
  version: string;
  effectiveFrom: string;
  sha256: string;
  loadedAt: string;
  inForce: boolean;
}

export function statusBadge(status: string, t: (k: string) => string) {
  const kind = status === 'in_force' || status === 'approved' ? 'safe' : status === 'proposed' ? 'warning' : 'neutral';
  return <Badge kind={kind}>{t(`pstatus.${status}`)}</Badge>;
}

export function Rules({ caps }: { caps: Caps }) {
  const { t, lang } = useI18n();
  const versions = useApi<{ versions: VersionT[] }>('/api/console/catalogue/versions');
  const proposals = useApi<{ proposals: ProposalT[] }>('/api/console/proposals');
  return (
    <>
      <PageTitle title={t('rulesTitle')}>{t('rulesTitle')}</PageTitle>
      <Paragraph lead>{t('rulesIntro')}</Paragraph>
      <ul className="zv-tabs">
        <li>
          <AppLink href="/toezicht/regels" aria-current="page">
            {t('tabRules')}
          </AppLink>
        </li>
        <li>
          <AppLink href="/toezicht/regels/convenanten">{t('tabCovenants')}</AppLink>
        </li>
      </ul>
      <Heading2>{t('catalogueVersions')}</Heading2>
      <Loaded result={versions}>
        {(v) => (
          <Table
            caption={t('catalogueVersions')}
            head={[t('col.version'), t('col.validFrom'), t('col.state'), t('col.sha256'), t('col.text')]}
            rows={v.versions.map((x) => [
              x.version,
              formatDate(x.effectiveFrom, lang),
              x.inForce ? <Badge kind="safe">{t('inForceNow')}</Badge> : '',
              <span className="zv-mono" key="s">
                {x.sha256.slice(0, 16)}…
              </span>,
              <Link href={`/api/console/catalogue/versions/${encodeURIComponent(x.version)}`} download key="d">
                {t('downloadVersion', { v: x.version })}
              </Link>,
            ])}
          />
        )}
      </Loaded>
      <Heading2>{t('proposals')}</Heading2>
      <Loaded result={proposals}>{(p) => <ProposalTable proposals={p.proposals} />}</Loaded>
      {caps.capabilities.includes('policy.propose') && <CatalogueUpload />}
    </>
  );
}

function ProposalTable({ proposals }: { proposals: ProposalT[] }) {
  const { t, lang } = useI18n();
  return (
    <Table
      caption={t('proposals')}
      head={[t('col.proposal'), t('col.kind'), t('col.effectiveFrom'), t('col.proposedBy'), t('col.status')]}
      rows={proposals.map((p) => [
        <AppLink href={`/toezicht/regels/voorstellen/${p.id}`} key="l">
          {p.kind === 'rule_catalogue' ? t('catalogueN', { v: p.proposedVersion }) : t('covenantN', { v: p.proposedVersion })}
        </AppLink>,
        t(`kind.${p.kind}`),
        formatDate(p.effectiveFrom, lang),
        `${p.proposedBy.displayName}, ${formatDateTime(p.proposedAt, lang)}`,
        statusBadge(p.status, t),
      ])}
    />
  );
}

function CatalogueUpload() {
  const { t } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [parseError, setParseError] = useState(false);
  const s = useSend<ProposalT>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let catalogue: unknown;
    try {
      catalogue = JSON.parse(text ?? '');
      setParseError(false);
    } catch {
      setParseError(true);
      return;
    }
    const p = await s.send('POST', '/api/console/proposals/catalogue', { catalogue, reason: reason.trim() });
    if (p) navigate(`/toezicht/regels/voorstellen/${p.id}`);
  };
  return (
    <section className="zv-section" aria-labelledby="nieuwe-versie">
      <Heading2 id="nieuwe-versie">{t('uploadTitle')}</Heading2>
      <Paragraph>{t('uploadIntro')}</Paragraph>
      <form className="zv-form zv-form--stack" onSubmit={submit}>
        <Field id="bestand" label={t('uploadFile')} hint={t('uploadFileHint')}>
          <input
            id="bestand"
            type="file"
            accept="application/json,.json"
            className="utrecht-textbox"
            aria-describedby="bestand-uitleg"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              setName(f?.name ?? '');
              setText(f ? await f.text() : null);
            }}
          />
        </Field>
        <AreaField id="reden-catalogus" label={t('reason')} hint={t('reasonHint')} value={reason} onChange={setReason} rows={2} maxLength={2000} />
        {parseError && (
          <Alert type="error" live>
            <Paragraph>{t('notJson', { name })}</Paragraph>
          </Alert>
        )}
        <SendError code={s.error} />
        <div className="zv-actions">
          <Button type="submit" appearance="primary-action-button" disabled={s.busy || text === null}>
            {t('submitProposal')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ');
  return JSON.stringify(v);
}

export function DiffView({ diff }: { diff: DiffT }) {
  const { t } = useI18n();
  if (diff.changes.length === 0) return <Paragraph>{t('noChanges')}</Paragraph>;
  return (
    <ul className="zv-diff">
      {diff.changes.map((c) => (
        <li key={`${c.section}:${c.key}`} className={`zv-diff--${c.kind}`}>
          <Heading3>
            {t(`section.${c.section}`)}: <span className="zv-mono">{c.key}</span> <Badge kind={c.kind === 'removed' ? 'danger' : c.kind === 'added' ? 'safe' : 'warning'}>{t(`change.${c.kind}`)}</Badge>
          </Heading3>
          <dl className="utrecht-data-list zv-data-list">
            {c.fields.map((f) => (
              <div className="utrecht-data-list__item" key={f.field}>
                <dt className="utrecht-data-list__item-key">{f.field}</dt>
                <dd className="utrecht-data-list__item-value">
                  {c.kind !== 'added' && (
                    <del className="zv-before" aria-label={t('before')}>
                      {show(f.before)}
                    </del>
                  )}
                  {c.kind === 'changed' && ' → '}
                  {c.kind !== 'removed' && <ins aria-label={t('after')}>{show(f.after)}</ins>}
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function ProposalDetail({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const r = useApi<ProposalT>(`/api/console/proposals/${encodeURIComponent(id)}`);
  const [note, setNote] = useState('');
  const s = useSend<ProposalT>();
  const decide = async (decision: 'approve' | 'reject' | 'withdraw') => {
    await s.send('POST', `/api/console/proposals/${encodeURIComponent(id)}/decision`, { decision, note: note.trim() || null });
  };
  const title = t('proposalTitle');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Loaded result={r}>
        {(loaded) => {
          // After a decision the answer is the proposal as it is now.
          const p = s.result ?? loaded;
          return (
          <>
            <dl className="utrecht-data-list zv-data-list">
              {(
                [
                  ['col.kind', t(`kind.${p.kind}`)],
                  ['col.version', `${p.baseVersion ?? '—'} → ${p.proposedVersion}`],
                  ['col.status', statusBadge(p.status, t)],
                  ['col.effectiveFrom', formatDate(p.effectiveFrom, lang)],
                  ['col.proposedBy', `${p.proposedBy.displayName}, ${formatDateTime(p.proposedAt, lang)}`],
                  ['reason', p.reason],
                  ['col.decidedBy', p.decidedBy ? `${p.decidedBy.displayName}, ${formatDateTime(p.decidedAt, lang)}${p.decisionNote ? ` — ${p.decisionNote}` : ''}` : '—'],
                  ['col.activatedAt', p.activatedAt ? formatDateTime(p.activatedAt, lang) : '—'],
                ] as Array<[string, React.ReactNode]>
              ).map(([k, v]) => (
                <div className="utrecht-data-list__item" key={k}>
                  <dt className="utrecht-data-list__item-key">{t(k)}</dt>
                  <dd className="utrecht-data-list__item-value">{v}</dd>
                </div>
              ))}
            </dl>
            {p.kind === 'rule_catalogue' && (
              <Paragraph>
                <Link href={`/api/console/catalogue/versions/${encodeURIComponent(p.proposedVersion)}`} download>
                  {t('downloadVersion', { v: p.proposedVersion })}
                </Link>
              </Paragraph>
            )}
            <Heading2>{t('difference')}</Heading2>
            <DiffView diff={p.diff} />
            {p.status === 'proposed' && (
              <section className="zv-section" aria-labelledby="besluit">
                <Heading2 id="besluit">{t('decision')}</Heading2>
                {!p.mayApprove && p.mayWithdraw && <Paragraph>{t('fourEyesOwn')}</Paragraph>}
                <AreaField id="toelichting" label={t('decisionNote')} value={note} onChange={setNote} rows={2} maxLength={2000} />
                <SendError code={s.error} />
                <div className="zv-actions">
                  {p.mayApprove && (
                    <Button appearance="primary-action-button" disabled={s.busy} onClick={() => void decide('approve')}>
                      {t('approve')}
                    </Button>
                  )}
                  {p.mayReject && (
                    <Button appearance="secondary-action-button" disabled={s.busy} onClick={() => void decide('reject')}>
                      {t('reject')}
                    </Button>
                  )}
                  {p.mayWithdraw && (
                    <Button appearance="secondary-action-button" disabled={s.busy} onClick={() => void decide('withdraw')}>
                      {t('withdraw')}
                    </Button>
                  )}
                </div>
              </section>
            )}
            {s.result && (
              <Alert type="ok" live>
                <Paragraph>{t(`decided.${s.result.status}`)}</Paragraph>
              </Alert>
            )}
          </>
          );
        }}
      </Loaded>
      <Paragraph>
        <AppLink href="/toezicht/regels">{t('backRules')}</AppLink>
      </Paragraph>
    </>
  );
}

const COVENANT_EMPTY = { organisationId: '', title: '', categories: '', purposes: '', legalBasis: '', validFrom: today(), validUntil: '', status: 'active' };

export function Covenants({ caps }: { caps: Caps }) {
  const { t, lang } = useI18n();
  const r = useApi<{ available: boolean; covenants: CovenantT[] }>('/api/console/covenants');
  const [f, setF] = useState(COVENANT_EMPTY);
  const [covenantId, setCovenantId] = useState('');
  const [reason, setReason] = useState('');
  const s = useSend<ProposalT>();
  const set = (k: keyof typeof COVENANT_EMPTY) => (v: string) => setF({ ...f, [k]: v });
  const pick = (id: string, list: CovenantT[]) => {
    setCovenantId(id);
    const c = list.find((x) => x.id === id);
    setF(c ? { organisationId: c.organisationId, title: c.title, categories: c.categories.join(', '), purposes: c.purposes.join(', '), legalBasis: c.legalBasis, validFrom: c.validFrom, validUntil: c.validUntil ?? '', status: c.status } : COVENANT_EMPTY);
  };
  const split = (v: string) =>
    v
      .split(/[\n,]/)
      .map((x) => x.trim())
      .filter(Boolean);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = await s.send('POST', '/api/console/proposals/covenant', {
      covenantId: covenantId || null,
      organisationId: f.organisationId.trim(),
      title: f.title.trim(),
      categories: split(f.categories),
      purposes: split(f.purposes),
      legalBasis: f.legalBasis.trim(),
      validFrom: f.validFrom,
      validUntil: f.validUntil || null,
      status: f.status,
      reason: reason.trim(),
    });
    if (p) navigate(`/toezicht/regels/voorstellen/${p.id}`);
  };
  return (
    <>
      <PageTitle title={t('covenantsTitle')}>{t('covenantsTitle')}</PageTitle>
      <Paragraph lead>{t('covenantsIntro')}</Paragraph>
      <ul className="zv-tabs">
        <li>
          <AppLink href="/toezicht/regels">{t('tabRules')}</AppLink>
        </li>
        <li>
          <AppLink href="/toezicht/regels/convenanten" aria-current="page">
            {t('tabCovenants')}
          </AppLink>
        </li>
      </ul>
      <Loaded result={r}>
        {(c) =>
          !c.available ? (
            <Alert type="info">
              <Paragraph>{t('covenantsNotAvailable')}</Paragraph>
            </Alert>
          ) : (
            <>
              <Table
                caption={t('covenantsTitle')}
                head={[t('col.title'), t('col.organisation'), t('col.categories'), t('col.purposes'), t('col.period'), t('col.version'), t('col.status')]}
                rows={c.covenants.map((x) => [
                  x.title,
                  x.organisationName,
                  x.categories.join(', '),
                  x.purposes.join(', '),
                  `${formatDate(x.validFrom, lang)} – ${x.validUntil ? formatDate(x.validUntil, lang) : '…'}`,
                  String(x.version),
                  x.current ? <Badge kind="safe">{t('covenantCurrent')}</Badge> : <Badge kind="neutral">{t(`cstatus.${x.status}`)}</Badge>,
                ])}
              />
              {caps.capabilities.includes('policy.propose') && (
                <section className="zv-section" aria-labelledby="convenant-voorstel">
                  <Heading2 id="convenant-voorstel">{t('covenantPropose')}</Heading2>
                  <form className="zv-form zv-form--stack" onSubmit={submit}>
                    <SelectField id="convenant" label={t('covenantWhich')} value={covenantId} onChange={(v) => pick(v, c.covenants)} options={[{ value: '', label: t('covenantNew') }, ...c.covenants.map((x) => ({ value: x.id, label: `${x.title} (${x.organisationName})` }))]} />
                    <TextField id="organisatie" label={t('col.organisationId')} hint={t('organisationIdHint')} value={f.organisationId} onChange={set('organisationId')} required />
                    <TextField id="titel" label={t('col.title')} value={f.title} onChange={set('title')} required wide />
                    <AreaField id="cat" label={t('col.categories')} hint={t('categoriesHint')} value={f.categories} onChange={set('categories')} rows={2} />
                    <AreaField id="doelen" label={t('col.purposes')} hint={t('purposesHint')} value={f.purposes} onChange={set('purposes')} rows={2} />
                    <TextField id="basis" label={t('col.legalBasisRule')} hint={t('legalBasisRuleHint')} value={f.legalBasis} onChange={set('legalBasis')} required />
                    <TextField id="vanaf" label={t('col.validFrom')} type="date" value={f.validFrom} onChange={set('validFrom')} required />
                    <TextField id="tot-en-met" label={t('col.validUntil')} hint={t('validUntilHint')} type="date" value={f.validUntil} onChange={set('validUntil')} />
                    <SelectField id="status" label={t('col.status')} value={f.status} onChange={set('status')} options={['draft', 'active', 'ended'].map((v) => ({ value: v, label: t(`cstatus.${v}`) }))} />
                    <AreaField id="reden-convenant" label={t('reason')} hint={t('reasonHint')} value={reason} onChange={setReason} rows={2} maxLength={2000} />
                    <SendError code={s.error} />
                    <div className="zv-actions">
                      <Button type="submit" appearance="primary-action-button" disabled={s.busy}>
                        {t('submitProposal')}
                      </Button>
                    </div>
                  </form>
                </section>
              )}
            </>
          )
        }
      </Loaded>
    </>
  );
}
