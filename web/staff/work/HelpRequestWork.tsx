/**
 * Working on one help request (issue 5 items 1–4): triage, the step plans, the conversation report with
 * consent, and refusal (stop, limit or involuntary). Every form posts to the gate-bound API; what the
 * API refuses is shown with its stable code.
 */
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { AppLink, navigate } from '../../shared/router.tsx';
import { Loaded } from '../../shared/states.tsx';
import { Button, Heading3, Paragraph } from '../../shared/ui.tsx';
import { formatDate, useLabels, useReference } from './common.tsx';
import type { Conversation, Household, Organisation, Refusal, StepPlanSummary } from './types.ts';
import { Checkbox, CheckGroup, Form, nowLocal, Outcome, Part, Radios, Select, Submit, TextArea, TextInput, toInstant, useResource, useSend } from './ui.tsx';

interface State { id: string; reference: string; householdId: string; residentId: string; domain: string; task: string; law: string; status: string; complexity: string | null; triageReasoning: string | null; summary: string | null; version: number; myRole: string | null }

export function HelpRequestWorkPage({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useResource<State>(`/api/help-requests/${encodeURIComponent(id)}/state`);
  // The work page needs the household's members and, for withholding records (Restrict), the newest 200
  // data items: the largest page the route gives (issue 8 made the items come a page at a time).
  const house = useResource<Household>(`/api/help-requests/${encodeURIComponent(id)}?items=200`);
  const title = state.result.state === 'ok' ? t('work.titleRef', { ref: state.result.data.reference }) : t('work.title');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Loaded result={state.result}>
        {(s) => (
          <Loaded result={house.result}>
            {(h) => <Work s={s} h={h} reload={() => { state.reload(); house.reload(); }} />}
          </Loaded>
        )}
      </Loaded>
    </>
  );
}

function Work({ s, h, reload }: { s: State; h: Household; reload(): void }) {
  const { t } = useI18n();
  const labels = useLabels();
  return (
    <>
      <Paragraph lead>
        {labels.task(s.task)} · {labels.law(s.law)} · {t(`status.${s.status}`)}
      </Paragraph>
      <Paragraph>
        <AppLink href={`/werkplek/hulpvragen/${s.id}`}>{t('work.file')}</AppLink>
        {' · '}
        <AppLink href={`/werkplek/huishoudens/${s.householdId}/plan`}>{t('work.plan')}</AppLink>
      </Paragraph>
      {s.summary && <Paragraph>{s.summary}</Paragraph>}
      <Triage s={s} onDone={reload} />
      <StepPlans helpRequestId={s.id} />
      <Conversations s={s} h={h} />
      <Refusals s={s} h={h} />
      <Restrict s={s} h={h} />
    </>
  );
}

function memberOptions(h: Household, unknown: string) {
  return h.members.map((m) => ({ value: m.id, label: m.identity?.displayName ?? unknown }));
}

function Triage({ s, onDone }: { s: State; onDone(): void }) {
  const { t } = useI18n();
  const sent = useSend();
  const [complexity, setComplexity] = useState(s.complexity ?? '');
  const [reasoning, setReasoning] = useState(s.triageReasoning ?? '');
  const submit = async () => {
    if (await sent.send('PUT', `/api/help-requests/${s.id}/triage`, { complexity, reasoning, version: s.version }, t('triage.done'))) onDone();
  };
  return (
    <Part title={t('triage.title')} id="triage">
      <Paragraph>{t('triage.intro')}</Paragraph>
      <Form onSubmit={submit} label={t('triage.title')}>
        <Radios legend={t('triage.complexity')} value={complexity} onChange={setComplexity} options={[{ value: 'single', label: t('complexity.single') }, { value: 'multi', label: t('complexity.multi') }]} />
        <TextArea label={t('triage.reasoning')} hint={t('triage.reasoningHint')} value={reasoning} onChange={setReasoning} required />
        <Outcome sent={sent} />
        <Submit busy={sent.busy}>{t('triage.submit')}</Submit>
      </Form>
    </Part>
  );
}

function StepPlans({ helpRequestId }: { helpRequestId: string }) {
  const { t, lang } = useI18n();
  const labels = useLabels();
  const list = useResource<{ stepPlans: StepPlanSummary[] }>(`/api/help-requests/${helpRequestId}/step-plans`);
  const orgs = useResource<{ organisations: Organisation[] }>('/api/organisations');
  const sent = useSend();
  const [kind, setKind] = useState('record');
  const [recipient, setRecipient] = useState('');
  const submit = async () => {
    const body = kind === 'share' ? { kind, recipientOrganisationId: recipient } : { kind };
    const r = await sent.send<{ id: string }>('POST', `/api/help-requests/${helpRequestId}/step-plans`, body);
    if (r) navigate(`/werkplek/stappenplannen/${r.id}`);
  };
  const partners = orgs.result.state === 'ok' ? orgs.result.data.organisations.filter((o) => o.kind === 'chain_partner' || o.kind === 'external_body' || o.kind === 'municipal_team') : [];
  return (
    <Part title={t('stepPlans.title')} id="stappenplannen">
      <Paragraph>{t('stepPlans.intro')}</Paragraph>
      <Loaded result={list.result}>
        {(d) =>
          d.stepPlans.length === 0 ? (
            <Paragraph>{t('stepPlans.none')}</Paragraph>
          ) : (
            <ul className="utrecht-unordered-list">
              {d.stepPlans.map((p) => (
                <li className="utrecht-unordered-list__item" key={p.id}>
                  <AppLink href={`/werkplek/stappenplannen/${p.id}`}>
                    {t(`kind.${p.kind}`)}
                    {p.recipientName ? ` → ${p.recipientName}` : ''}
                  </AppLink>{' '}
                  — {t(`planStatus.${p.status}`)}, {t('stepPlans.steps', { done: String(p.stepsDone), last: String(p.lastStep) })}
                  {p.categories.length > 0 && <> · {labels.categories(p.categories)}</>} · {formatDate(p.createdAt, lang)}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <Form onSubmit={submit} label={t('stepPlans.new')}>
        <Heading3>{t('stepPlans.new')}</Heading3>
        <Radios legend={t('stepPlans.kind')} value={kind} onChange={setKind} options={['request', 'record', 'share'].map((k) => ({ value: k, label: t(`kind.${k}.long`) }))} />
        {kind === 'share' && <Select label={t('stepPlans.recipient')} value={recipient} onChange={setRecipient} options={partners.map((o) => ({ value: o.id, label: o.name }))} placeholder={t('choose')} required />}
        <Outcome sent={sent} />
        <Submit busy={sent.busy}>{t('stepPlans.start')}</Submit>
      </Form>
    </Part>
  );
}

function Conversations({ s, h }: { s: State; h: Household }) {
  const { t, lang } = useI18n();
  const ref = useReference();
  const labels = useLabels();
  const list = useResource<{ reports: Conversation[] }>(`/api/help-requests/${s.id}/conversations`);
  const sent = useSend();
  const withdraw = useSend();
  const [resident, setResident] = useState(s.residentId);
  const [heldAt, setHeldAt] = useState(nowLocal());
  const [summary, setSummary] = useState('');
  const [step, setStep] = useState('');
  const [purpose, setPurpose] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [consent, setConsent] = useState(false);
  const [kind, setKind] = useState('explicit');
  const [sourceLaw, setSourceLaw] = useState('');
  const [inWriting, setInWriting] = useState(false);
  const submit = async () => {
    const consents = consent ? [{ kind, categories, sourceLaw: sourceLaw || null, targetLaw: s.law, purpose: `${step}: ${purpose}`, inWriting: kind === 'written_no_objection' ? true : inWriting }] : [];
    const body = { residentId: resident, heldAt: toInstant(heldAt), summary, followUp: step ? [{ step, purpose, categories }] : [], consents };
    if (await sent.send('POST', `/api/help-requests/${s.id}/conversations`, body, t('conversation.done'))) {
      setSummary('');
      list.reload();
    }
  };
  const laws = [...new Set(ref.domains.map((d) => d.law))];
  return (
    <Part title={t('conversation.title')} id="gesprek">
      <Paragraph>{t('conversation.intro')}</Paragraph>
      <Loaded result={list.result}>
        {(d) =>
          d.reports.length === 0 ? (
            <Paragraph>{t('conversation.none')}</Paragraph>
          ) : (
            <ul className="zv-records">
              {d.reports.map((r) => (
                <li className="zv-record" key={r.id}>
                  <Paragraph>
                    <strong>{formatDate(r.heldAt, lang)}</strong> — {r.summary}
                  </Paragraph>
                  {r.followUp.map((f, i) => (
                    <Paragraph key={i}>
                      {t('conversation.followUpLine', { step: f.step, purpose: f.purpose, categories: labels.categories(f.categories) })}
                    </Paragraph>
                  ))}
                  {r.consents.map((c) => (
                    <div key={c.id} className="zv-consent">
                      <Paragraph>
                        {t(`consent.kind.${c.kind}`)} ({c.inWriting ? t('consent.written') : t('consent.spoken')}): {labels.categories(c.categories)}
                        {c.sourceLaw && <> · {t('consent.from', { law: labels.law(c.sourceLaw) })}</>} — {c.withdrawnAt ? t('consent.withdrawnOn', { date: formatDate(c.withdrawnAt, lang) }) : t('consent.active')}
                      </Paragraph>
                      {!c.withdrawnAt && (
                        <Button
                          appearance="secondary-action-button"
                          onClick={async () => {
                            if (await withdraw.send('POST', `/api/consents/${c.id}/withdraw`, undefined, t('consent.withdrawn'))) list.reload();
                          }}
                        >
                          {t('consent.withdraw')}
                        </Button>
                      )}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <Outcome sent={withdraw} />
      <Form onSubmit={submit} label={t('conversation.new')}>
        <Heading3>{t('conversation.new')}</Heading3>
        <Select label={t('field.resident')} value={resident} onChange={setResident} options={memberOptions(h, t('unknownPerson'))} />
        <TextInput label={t('conversation.heldAt')} type="datetime-local" value={heldAt} onChange={setHeldAt} required />
        <TextArea label={t('conversation.summary')} hint={t('conversation.summaryHint')} value={summary} onChange={setSummary} required rows={4} />
        <TextInput label={t('conversation.step')} hint={t('conversation.stepHint')} value={step} onChange={setStep} />
        <TextInput label={t('conversation.purpose')} value={purpose} onChange={setPurpose} />
        <CheckGroup legend={t('conversation.categories')} values={categories} onChange={setCategories} options={labels.options(ref.categories)} />
        <Checkbox label={t('conversation.consentGiven')} checked={consent} onChange={setConsent} hint={t('conversation.consentHint')} />
        {consent && (
          <>
            <Radios legend={t('consent.kind')} value={kind} onChange={setKind} options={['explicit', 'ordinary', 'written_no_objection'].map((k) => ({ value: k, label: t(`consent.kind.${k}`) }))} />
            <Select label={t('consent.sourceLaw')} hint={t('consent.sourceLawHint')} value={sourceLaw} onChange={setSourceLaw} options={laws.map((l) => ({ value: l, label: labels.law(l) }))} placeholder={t('consent.anyLaw')} />
            <Checkbox label={t('consent.inWriting')} hint={t('consent.inWritingHint')} checked={inWriting || kind === 'written_no_objection'} onChange={setInWriting} />
          </>
        )}
        <Outcome sent={sent} />
        <Submit busy={sent.busy}>{t('conversation.submit')}</Submit>
      </Form>
    </Part>
  );
}

function Refusals({ s, h }: { s: State; h: Household }) {
  const { t, lang } = useI18n();
  const ref = useReference();
  const labels = useLabels();
  const list = useResource<{ refusals: Refusal[] }>(`/api/help-requests/${s.id}/refusals`);
  const sent = useSend();
  const [resident, setResident] = useState(s.residentId);
  const [categories, setCategories] = useState<string[]>([]);
  const [scope, setScope] = useState('');
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const [ground, setGround] = useState('');
  const [groundFacts, setGroundFacts] = useState('');
  const submit = async () => {
    const body: Record<string, unknown> = { residentId: resident, categories, scope, refusedAt: new Date(Date.now() - 60_000).toISOString(), outcome, reason };
    if (outcome === 'involuntary') Object.assign(body, { ground, groundFacts });
    const r = await sent.send<{ involuntaryId: string | null }>('POST', `/api/help-requests/${s.id}/refusals`, body, t('refusal.done'));
    if (r?.involuntaryId) navigate(`/werkplek/onvrijwillig/${r.involuntaryId}`);
    else if (r) list.reload();
  };
  return (
    <Part title={t('refusal.title')} id="weigering">
      <Paragraph>{t('refusal.intro')}</Paragraph>
      <Loaded result={list.result}>
        {(d) =>
          d.refusals.length === 0 ? (
            <Paragraph>{t('refusal.none')}</Paragraph>
          ) : (
            <ul className="utrecht-unordered-list">
              {d.refusals.map((r) => (
                <li className="utrecht-unordered-list__item" key={r.id}>
                  {formatDate(r.refusedAt, lang)}: {labels.categories(r.categories)} — {t(`refusal.outcome.${r.outcome}`)}
                  {r.involuntaryId && (
                    <>
                      {' '}
                      · <AppLink href={`/werkplek/onvrijwillig/${r.involuntaryId}`}>{t('refusal.record', { status: t(`invStatus.${r.involuntaryStatus}`) })}</AppLink>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <Form onSubmit={submit} label={t('refusal.new')}>
        <Heading3>{t('refusal.new')}</Heading3>
        <Select label={t('field.resident')} value={resident} onChange={setResident} options={memberOptions(h, t('unknownPerson'))} />
        <CheckGroup legend={t('refusal.categories')} values={categories} onChange={setCategories} options={labels.options(ref.categories)} />
        <TextInput label={t('refusal.scope')} hint={t('refusal.scopeHint')} value={scope} onChange={setScope} required />
        <Radios legend={t('refusal.outcome')} hint={t('refusal.outcomeHint')} value={outcome} onChange={setOutcome} options={['stop', 'limit', 'involuntary'].map((o) => ({ value: o, label: t(`refusal.outcome.${o}.long`) }))} />
        <TextArea label={t('refusal.reason')} value={reason} onChange={setReason} required />
        {outcome === 'involuntary' && (
          <>
            <Radios legend={t('inv.ground')} value={ground} onChange={setGround} options={['health', 'safety'].map((g) => ({ value: g, label: t(`ground.${g}`) }))} />
            <TextArea label={t('inv.groundFacts')} hint={t('inv.groundFactsHint')} value={groundFacts} onChange={setGroundFacts} required />
          </>
        )}
        <Outcome sent={sent} />
        <Submit busy={sent.busy}>{t('refusal.submit')}</Submit>
      </Form>
    </Part>
  );
}

const RESTRICTION_REASONS = ['third_party_privacy', 'safety_of_others', 'vital_interest', 'veilig_thuis_investigation', 'child_interest'];

/**
 * Withholding part of the file from the resident or their representatives (R5.2; Wmo 2015 art. 5.3.2,
 * Jeugdwet art. 7.3.10, UAVG art. 41): records of this help request and/or whole categories, the ground,
 * the reasoning, whether the resident may see that something is withheld, and a review date. The list
 * and the reviews are on /werkplek/beperkingen.
 */
function Restrict({ s, h }: { s: State; h: Household }) {
  const { t } = useI18n();
  const ref = useReference();
  const labels = useLabels();
  const sent = useSend();
  const [resident, setResident] = useState(s.residentId);
  const [items, setItems] = useState<string[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [appliesTo, setAppliesTo] = useState('all');
  const [reasonCode, setReasonCode] = useState('');
  const [reason, setReason] = useState('');
  const [disclose, setDisclose] = useState(true);
  const [reviewOn, setReviewOn] = useState('');
  const records = h.dataItems.filter((d) => d.residentId === resident && d.helpRequestId === s.id);
  const short = (v: string) => (v.length > 60 ? `${v.slice(0, 57)}…` : v);
  const submit = async () => {
    const body = { residentId: resident, helpRequestId: s.id, objectIds: items, categories, appliesTo, reasonCode, reason, discloseExistence: disclose, reviewOn };
    if (await sent.send('POST', '/api/restrictions', body, t('restrict.done'))) {
      setItems([]);
      setCategories([]);
      setReason('');
    }
  };
  return (
    <Part title={t('restrict.title')} id="inzagebeperking">
      <Paragraph>{t('restrict.intro')}</Paragraph>
      <Paragraph>
        <AppLink href="/werkplek/beperkingen">{t('restrict.list')}</AppLink>
      </Paragraph>
      <Form onSubmit={submit} label={t('restrict.title')}>
        <Select label={t('field.resident')} value={resident} onChange={(v) => { setResident(v); setItems([]); }} options={memberOptions(h, t('unknownPerson'))} />
        {records.length > 0 ? (
          <CheckGroup legend={t('restrict.items')} hint={t('restrict.itemsHint')} values={items} onChange={setItems} options={records.map((d) => ({ value: d.id, label: `${labels.category(d.category)}: ${short(d.value)}` }))} />
        ) : (
          <Paragraph>{t('restrict.noItems')}</Paragraph>
        )}
        <CheckGroup legend={t('restrict.categories')} hint={t('restrict.categoriesHint')} values={categories} onChange={setCategories} options={labels.options(ref.categories)} />
        <Radios legend={t('restrict.appliesTo')} value={appliesTo} onChange={setAppliesTo} options={['all', 'representatives'].map((a) => ({ value: a, label: t(`restrict.appliesTo.${a}`) }))} />
        <Select label={t('restrict.reasonCode')} value={reasonCode} onChange={setReasonCode} placeholder={t('restrict.choose')} required options={RESTRICTION_REASONS.map((r) => ({ value: r, label: t(`restrict.reason.${r}`) }))} />
        <TextArea label={t('restrict.reason')} hint={t('restrict.reasonHint')} value={reason} onChange={setReason} required />
        <Checkbox label={t('restrict.disclose')} hint={t('restrict.discloseHint')} checked={disclose} onChange={setDisclose} />
        <TextInput type="date" label={t('restrict.reviewOn')} hint={t('restrict.reviewOnHint')} value={reviewOn} onChange={setReviewOn} required />
        <Outcome sent={sent} />
        <Submit busy={sent.busy}>{t('restrict.submit')}</Submit>
      </Form>
    </Part>
  );
}
