/**
 * The training sandbox (R11; policy §3.5, §3.7): practise the step plan on fictitious cases of a separate
 * municipality. Choose a case, a purpose, the role you play, an action and a datum; the gate decides as it
 * would for real and explains every rule, step by step, with the articles. Nothing here touches real data.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { Loaded } from '../shared/states.tsx';
import { Alert, Button, Heading2, Heading3, Link, Paragraph } from '../shared/ui.tsx';
import type { ExplainedRuleT } from './types.ts';
import { Badge, SelectField, SendError, useSend } from './ui.tsx';

interface CaseT {
  householdId: string;
  reference: string;
  members: Array<{ residentId: string; displayName: string; relation: string; birthDate: string }>;
  helpRequests: Array<{ id: string; reference: string; residentId: string; domain: string; task: string; law: string; status: string }>;
  subActivities: Array<{ id: string; helpRequestId: string; organisation: string; residentId: string; dataCategories: string[]; status: string }>;
  consents: Array<{ helpRequestId: string; residentId: string; kind: string; categories: string[]; sourceLaw: string | null; targetLaw: string | null; withdrawn: boolean }>;
  dataItems: Array<{ id: string; residentId: string; helpRequestId: string; category: string; source: string; law: string; confidentiality: string; partnerRecord: boolean }>;
}

interface CasesT {
  cases: CaseT[];
  categories: Array<{ code: string; nl: string; en: string; kind: string }>;
  sources: Array<{ code: string; nl: string; en: string }>;
  catalogueVersion: string;
}

interface OutcomeT {
  decision: 'permit' | 'deny';
  rule: string;
  catalogueVersion: string;
  explanation: { facts: Record<string, string | number | boolean | null> };
  steps: Array<{ step: number; nl: string; en: string; outcome: 'passed' | 'failed' | 'not_reached' | 'not_applicable'; rules: ExplainedRuleT[] }>;
  logged: { name: string; activity: string; decision: string };
}

export function Training() {
  const { t } = useI18n();
  const r = useApi<CasesT>('/api/training/cases');
  return (
    <>
      <PageTitle title={t('trainingTitle')}>{t('trainingTitle')}</PageTitle>
      <Paragraph lead>{t('trainingIntro')}</Paragraph>
      <Alert type="info">
        <Paragraph>{t('trainingFictitious')}</Paragraph>
      </Alert>
      <Loaded result={r}>{(data) => <Exercise data={data} />}</Loaded>
    </>
  );
}

function Exercise({ data }: { data: CasesT }) {
  const { t, lang } = useI18n();
  const [caseId, setCaseId] = useState(data.cases[0]?.householdId ?? '');
  const kase = data.cases.find((c) => c.householdId === caseId) ?? data.cases[0];
  const [purpose, setPurpose] = useState('');
  const [role, setRole] = useState('case_worker');
  const [sub, setSub] = useState('');
  const [action, setAction] = useState('read');
  const [mode, setMode] = useState<'item' | 'describe'>('describe');
  const [item, setItem] = useState('');
  const [resident, setResident] = useState('');
  const [category, setCategory] = useState('address');
  const [source, setSource] = useState('brp');
  const [collectedFor, setCollectedFor] = useState('');
  const s = useSend<OutcomeT>();
  // A new case: start from its first help request and member.
  useEffect(() => {
    setPurpose(kase?.helpRequests[0]?.id ?? '');
    setResident(kase?.helpRequests[0]?.residentId ?? kase?.members[0]?.residentId ?? '');
    setSub(kase?.subActivities[0]?.id ?? '');
    setItem(kase?.dataItems[0]?.id ?? '');
    setCollectedFor('');
  }, [caseId]);
  if (!kase) return <Paragraph>{t('none')}</Paragraph>;
  const name = (id: string) => kase.members.find((m) => m.residentId === id)?.displayName ?? id.slice(0, 8);
  const hrLabel = (id: string) => {
    const h = kase.helpRequests.find((x) => x.id === id);
    return h ? `${h.reference} — ${h.task} (${h.law}, ${name(h.residentId)})` : id;
  };
  const label = (l: { nl: string; en: string }) => (lang === 'nl' ? l.nl : l.en);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await s.send('POST', '/api/training/decide', {
      householdId: kase.householdId,
      purposeHelpRequestId: purpose || null,
      role,
      subActivityId: role === 'provider' ? sub || null : null,
      action,
      ...(mode === 'item' ? { dataItemId: item || null } : { residentId: resident || null, category, source: source || null, collectedForHelpRequestId: collectedFor || null }),
    });
  };
  return (
    <>
      <form className="zv-form zv-form--stack" onSubmit={submit} aria-label={t('exercise')}>
        <SelectField id="casus" label={t('trCase')} value={kase.householdId} onChange={setCaseId} options={data.cases.map((c) => ({ value: c.householdId, label: `${c.reference}: ${c.members.map((m) => m.displayName).join(', ')}` }))} />
        <SelectField id="doel" label={t('trPurpose')} hint={t('trPurposeHint')} value={purpose} onChange={setPurpose} options={[{ value: '', label: t('trNoPurpose') }, ...kase.helpRequests.map((h) => ({ value: h.id, label: hrLabel(h.id) }))]} />
        <SelectField id="rol" label={t('trRole')} value={role} onChange={setRole} options={['director', 'case_worker', 'provider', 'expert', 'not_involved'].map((r) => ({ value: r, label: t(`trRole.${r}`) }))} />
        {role === 'provider' && (
          <SelectField id="deelactiviteit" label={t('trSub')} value={sub} onChange={setSub} options={kase.subActivities.length ? kase.subActivities.map((x) => ({ value: x.id, label: `${x.organisation} — ${x.dataCategories.join(', ')}` })) : [{ value: '', label: t('none') }]} />
        )}
        <SelectField id="handeling" label={t('trAction')} value={action} onChange={setAction} options={['read', 'create', 'update'].map((a) => ({ value: a, label: t(`trAction.${a}`) }))} />
        <SelectField id="gegeven-soort" label={t('trDatum')} value={mode} onChange={(v) => setMode(v as 'item' | 'describe')} options={[{ value: 'describe', label: t('trDescribe') }, { value: 'item', label: t('trExisting') }]} />
        {mode === 'item' ? (
          <SelectField
            id="gegeven"
            label={t('trItem')}
            value={item}
            onChange={setItem}
            options={kase.dataItems.map((d) => ({ value: d.id, label: `${label(data.categories.find((c) => c.code === d.category) ?? { nl: d.category, en: d.category })} — ${name(d.residentId)} (${d.law}, ${d.source}${d.partnerRecord ? `, ${t('trPartnerRecord')}` : ''})` }))}
          />
        ) : (
          <>
            <SelectField id="over" label={t('trAbout')} value={resident} onChange={setResident} options={kase.members.map((m) => ({ value: m.residentId, label: `${m.displayName} (${m.relation})` }))} />
            <SelectField id="categorie" label={t('trCategory')} value={category} onChange={setCategory} options={data.categories.map((c) => ({ value: c.code, label: `${label(c)}${c.kind !== 'ordinary' ? ` (${t(`kind.${c.kind}`)})` : ''}` }))} />
            <SelectField id="bron" label={t('trSource')} value={source} onChange={setSource} options={data.sources.map((x) => ({ value: x.code, label: label(x) }))} />
            <SelectField id="verzameld" label={t('trCollectedFor')} hint={t('trCollectedForHint')} value={collectedFor} onChange={setCollectedFor} options={[{ value: '', label: t('trGeneric') }, ...kase.helpRequests.map((h) => ({ value: h.id, label: hrLabel(h.id) }))]} />
          </>
        )}
        <div className="zv-actions">
          <Button type="submit" appearance="primary-action-button" disabled={s.busy}>
            {t('trDecide')}
          </Button>
        </div>
      </form>
      <SendError code={s.error} />
      {s.result && <Outcome o={s.result} />}
    </>
  );
}

function Outcome({ o }: { o: OutcomeT }) {
  const { t, lang } = useI18n();
  return (
    <section className="zv-section" aria-live="polite" aria-labelledby="uitkomst">
      <Heading2 id="uitkomst">
        {t('trOutcome')} <Badge kind={o.decision === 'permit' ? 'safe' : 'danger'}>{t(`decision.${o.decision}`)}</Badge>
      </Heading2>
      <Paragraph>{t('trDecidingRule', { rule: o.rule, v: o.catalogueVersion })}</Paragraph>
      <ol className="zv-steps">
        {o.steps.map((s) => (
          <li key={s.step} className={`zv-step--${s.outcome}`}>
            <Heading3>
              {t('trStep', { n: String(s.step) })}: {lang === 'nl' ? s.nl : s.en} <Badge kind={s.outcome === 'passed' ? 'safe' : s.outcome === 'failed' ? 'danger' : 'neutral'}>{t(`trStepOutcome.${s.outcome}`)}</Badge>
            </Heading3>
            {s.rules.map((r) => (
              <div key={`${r.id}-${r.outcome}`} className="zv-rule">
                <Paragraph>
                  {lang === 'nl' ? r.statementNl : r.statement} <span className="zv-rule__id zv-mono">({r.id})</span>
                </Paragraph>
                {r.articles.length > 0 && (
                  <Paragraph className="zv-rule__id">
                    {r.articles.map((a, i) => (
                      <span key={a.label}>
                        {i > 0 && '; '}
                        {a.url ? (
                          <Link href={a.url} rel="noreferrer" target="_blank">
                            {a.label}
                          </Link>
                        ) : (
                          a.label
                        )}
                      </span>
                    ))}
                  </Paragraph>
                )}
              </div>
            ))}
          </li>
        ))}
      </ol>
      <Paragraph>{t('trLogged', { name: o.logged.name, activity: o.logged.activity })}</Paragraph>
    </section>
  );
}
