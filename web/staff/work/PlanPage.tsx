/**
 * One household, one plan, one director (issue 5 item 5; R1.4): start and activate the plan, goals for
 * the life domains the help requests need, sub-activities for chain partners (through a completed share
 * step plan), and the partners as DAT-information. A partner sees only its own assignment and may record
 * that it will not share (R8.2). An outdated version answers PLAN.VERSION_CONFLICT: reload and redo.
 */
import { useEffect, useState } from 'react';
import { apiGet } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { AppLink } from '../../shared/router.tsx';
import { Loaded } from '../../shared/states.tsx';
import { Heading3, Paragraph } from '../../shared/ui.tsx';
import { formatDate, useLabels, useReference } from './common.tsx';
import type { Household, Organisation, StepPlanSummary, SubActivity } from './types.ts';
import { CheckGroup, Form, Outcome, Part, Select, Submit, TextArea, TextInput, useResource, useSend } from './ui.tsx';

export function PlanPage({ householdId }: { householdId: string }) {
  const { t } = useI18n();
  const house = useResource<Household>(`/api/households/${encodeURIComponent(householdId)}`);
  const title = house.result.state === 'ok' ? t('plan.titleRef', { ref: house.result.data.reference }) : t('plan.title');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Loaded result={house.result}>{(h) => <Plan h={h} reload={house.reload} />}</Loaded>
    </>
  );
}

function Plan({ h, reload }: { h: Household; reload(): void }) {
  const { t, lang } = useI18n();
  const labels = useLabels();
  const sent = useSend();
  const partnerOnly = h.myInvolvements.length > 0 && h.myInvolvements.every((i) => i.role === 'provider');
  const plan = h.plan;
  const name = (id: string) => h.members.find((m) => m.id === id)?.identity?.displayName ?? t('unknownPerson');
  return (
    <>
      <Paragraph lead>{t('plan.intro')}</Paragraph>
      <Paragraph>
        <AppLink href={`/werkplek/huishoudens/${h.id}`}>{t('plan.household')}</AppLink>
      </Paragraph>
      {!plan ? (
        <Part title={t('plan.none')} id="plan">
          <Paragraph>{t('plan.noneText')}</Paragraph>
          {!partnerOnly && (
            <Form onSubmit={async () => { if (await sent.send('POST', `/api/households/${h.id}/plans`, {}, t('plan.created'))) reload(); }} label={t('plan.create')}>
              <Outcome sent={sent} />
              <Submit busy={sent.busy}>{t('plan.create')}</Submit>
            </Form>
          )}
        </Part>
      ) : (
        <>
          <Part title={t('plan.state')} id="plan">
            <Paragraph>
              {t('plan.status', { status: t(`planStatus.${plan.status}`), director: plan.director?.displayName ?? t('unknownPerson') })}
            </Paragraph>
            {plan.status === 'draft' && !partnerOnly && (
              <Form onSubmit={async () => { if (await sent.send('POST', `/api/plans/${plan.id}/activate`, { version: plan.version }, t('plan.activated'))) reload(); }} label={t('plan.activate')}>
                <Outcome sent={sent} />
                <Submit busy={sent.busy}>{t('plan.activate')}</Submit>
              </Form>
            )}
          </Part>
          <Part title={t('plan.goals')} id="doelen">
            {plan.goals.length === 0 ? (
              <Paragraph>{t('plan.noGoals')}</Paragraph>
            ) : (
              <ul className="utrecht-unordered-list">
                {plan.goals.map((g) => (
                  <li className="utrecht-unordered-list__item" key={g.id}>
                    <strong>{labels.lifeDomain(g.lifeDomain)}</strong>: {g.description} {g.score !== null && t('plan.score', { score: String(g.score), target: String(g.targetScore ?? '—') })}
                  </li>
                ))}
              </ul>
            )}
            {!partnerOnly && plan.status !== 'closed' && <GoalForm h={h} planId={plan.id} version={plan.version} onDone={reload} />}
          </Part>
          <Part title={t('plan.partners')} id="partners">
            <Paragraph>{t('plan.datIntro')}</Paragraph>
            {plan.subActivities.length === 0 ? (
              <Paragraph>{t('plan.noPartners')}</Paragraph>
            ) : (
              <ul className="zv-records">
                {plan.subActivities.map((s) => (
                  <li className="zv-record" key={s.id}>
                    <Heading3>
                      {s.organisation.name} — {s.description}
                    </Heading3>
                    <Paragraph>
                      {t('plan.dat', { resident: name(s.residentId), since: formatDate(s.since, lang), status: t(`subStatus.${s.status}`) })}
                    </Paragraph>
                    <Paragraph>{t('plan.reach', { email: s.organisation.email ?? '—', phone: s.organisation.phone ?? '—' })}</Paragraph>
                    <Paragraph>{t('plan.categories', { categories: labels.categories(s.dataCategories) })}</Paragraph>
                    {s.refusesToShare && <Paragraph><strong>{t('plan.refuses')}</strong></Paragraph>}
                    {partnerOnly && !s.refusesToShare && <PartnerRefusal sub={s} onDone={reload} />}
                  </li>
                ))}
              </ul>
            )}
            {!partnerOnly && plan.status !== 'closed' && <SubActivityForm h={h} planId={plan.id} version={plan.version} onDone={reload} />}
          </Part>
        </>
      )}
    </>
  );
}

function GoalForm({ h, planId, version, onDone }: { h: Household; planId: string; version: number; onDone(): void }) {
  const { t } = useI18n();
  const ref = useReference();
  const labels = useLabels();
  const sent = useSend();
  const [hr, setHr] = useState(h.helpRequests[0]?.id ?? '');
  const [domain, setDomain] = useState('');
  const [score, setScore] = useState('');
  const [target, setTarget] = useState('');
  const [description, setDescription] = useState('');
  const [needReason, setNeedReason] = useState('');
  const help = h.helpRequests.find((x) => x.id === hr);
  const allowed = ref.domains.find((d) => d.code === help?.domain)?.lifeDomains ?? [];
  const submit = async () => {
    const body = { version, helpRequestId: hr, lifeDomain: domain, score: score ? Number(score) : null, targetScore: target ? Number(target) : null, description, needReason };
    if (await sent.send('POST', `/api/plans/${planId}/goals`, body, t('plan.goalAdded'))) onDone();
  };
  const scores = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} — ${t(`zrmScore.${n}`)}` }));
  return (
    <Form onSubmit={submit} label={t('plan.addGoal')}>
      <Heading3>{t('plan.addGoal')}</Heading3>
      <Paragraph>{t('plan.goalIntro')}</Paragraph>
      <Select label={t('plan.goalHelpRequest')} value={hr} onChange={(v) => { setHr(v); setDomain(''); }} options={h.helpRequests.map((x) => ({ value: x.id, label: `${x.reference} — ${labels.task(x.task)}` }))} />
      <Select label={t('field.lifeDomain')} hint={t('plan.lifeDomainHint')} value={domain} onChange={setDomain} options={allowed.map((d) => ({ value: d, label: labels.lifeDomain(d) }))} placeholder={t('choose')} required />
      <Select label={t('plan.scoreNow')} value={score} onChange={setScore} options={scores} placeholder={t('plan.noScore')} />
      <Select label={t('plan.scoreTarget')} value={target} onChange={setTarget} options={scores} placeholder={t('plan.noScore')} />
      <TextInput label={t('plan.goalDescription')} value={description} onChange={setDescription} required />
      <TextArea label={t('plan.needReason')} hint={t('plan.needReasonHint')} value={needReason} onChange={setNeedReason} required rows={2} />
      <Outcome sent={sent} />
      <Submit busy={sent.busy}>{t('plan.addGoal')}</Submit>
    </Form>
  );
}

function SubActivityForm({ h, planId, version, onDone }: { h: Household; planId: string; version: number; onDone(): void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const sent = useSend();
  const orgs = useResource<{ organisations: Organisation[] }>('/api/organisations');
  const [plans, setPlans] = useState<Array<StepPlanSummary & { helpRequestId: string }>>([]);
  useEffect(() => {
    let live = true;
    void Promise.all(
      h.helpRequests.map((x) => apiGet<{ stepPlans: StepPlanSummary[] }>(`/api/help-requests/${x.id}/step-plans`).then((r) => r.stepPlans.map((p) => ({ ...p, helpRequestId: x.id }))).catch(() => [])),
    ).then((all) => live && setPlans(all.flat().filter((p) => p.kind === 'share' && p.status === 'completed')));
    return () => {
      live = false;
    };
  }, [h.helpRequests]);
  const [stepPlanId, setStepPlanId] = useState('');
  const [resident, setResident] = useState(h.members[0]?.id ?? '');
  const [categories, setCategories] = useState<string[]>([]);
  const [lifeDomain, setLifeDomain] = useState('');
  const [description, setDescription] = useState('');
  const [worker, setWorker] = useState('');
  const chosen = plans.find((p) => p.id === stepPlanId);
  const org = orgs.result.state === 'ok' ? orgs.result.data.organisations.find((o) => o.id === chosen?.recipientOrganisationId) : undefined;
  const submit = async () => {
    const body = { version, stepPlanId, residentId: resident, lifeDomain: lifeDomain || null, description, dataCategories: categories, professionalId: worker };
    if (await sent.send('POST', `/api/plans/${planId}/sub-activities`, body, t('plan.partnerAdded'))) onDone();
  };
  return (
    <Form onSubmit={submit} label={t('plan.addPartner')}>
      <Heading3>{t('plan.addPartner')}</Heading3>
      <Paragraph>{t('plan.partnerIntro')}</Paragraph>
      {plans.length === 0 && <Paragraph className="zv-hint">{t('plan.noSharePlan')}</Paragraph>}
      <Select label={t('plan.sharePlan')} value={stepPlanId} onChange={(v) => { setStepPlanId(v); setCategories([]); setWorker(''); }} options={plans.map((p) => ({ value: p.id, label: `${p.recipientName ?? ''} — ${labels.categories(p.categories)}` }))} placeholder={t('choose')} required />
      <Select label={t('field.resident')} value={resident} onChange={setResident} options={h.members.map((m) => ({ value: m.id, label: m.identity?.displayName ?? t('unknownPerson') }))} />
      {chosen && <CheckGroup legend={t('plan.partnerCategories')} hint={t('plan.partnerCategoriesHint')} values={categories} onChange={setCategories} options={chosen.categories.map((c) => ({ value: c, label: labels.category(c) }))} />}
      {org && <Select label={t('plan.worker')} value={worker} onChange={setWorker} options={org.professionals.map((p) => ({ value: p.id, label: `${p.name} (${p.functionTitle})` }))} placeholder={t('choose')} required />}
      <Select label={t('field.lifeDomain')} value={lifeDomain} onChange={setLifeDomain} options={(h.plan?.goals ?? []).map((g) => ({ value: g.lifeDomain, label: labels.lifeDomain(g.lifeDomain) }))} placeholder={t('plan.noLifeDomain')} />
      <TextInput label={t('plan.partnerDescription')} value={description} onChange={setDescription} required />
      <Outcome sent={sent} />
      <Submit busy={sent.busy}>{t('plan.addPartner')}</Submit>
    </Form>
  );
}

function PartnerRefusal({ sub, onDone }: { sub: SubActivity; onDone(): void }) {
  const { t } = useI18n();
  const sent = useSend();
  const [reason, setReason] = useState('');
  return (
    <Form onSubmit={async () => { if (await sent.send('POST', `/api/sub-activities/${sub.id}/refusal`, { reason }, t('plan.refusalRecorded'))) onDone(); }} label={t('plan.refuse')}>
      <TextArea label={t('plan.refuseReason')} hint={t('plan.refuseHint')} value={reason} onChange={setReason} required rows={2} />
      <Outcome sent={sent} />
      <Submit busy={sent.busy} appearance="secondary-action-button">
        {t('plan.refuse')}
      </Submit>
    </Form>
  );
}
