/**
 * The step plan (issue 5 item 2; R3; policy §3.2): the six steps in order, each its own form; a later
 * step opens only when the earlier ones are done. Step 4 shows the gate's check of every item with its
 * explanation and, where consent would help, which consent the law asks. Once-only: the data the
 * resident already gave for another help request, and whether they may be reused (R5.4).
 */
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { AppLink } from '../../shared/router.tsx';
import { Loaded } from '../../shared/states.tsx';
import { Alert, Button, Heading3, Paragraph } from '../../shared/ui.tsx';
import { ConsentHintView, ExplanationView, formatDate, useLabels, useReference } from './common.tsx';
import type { Household, PlanItem, ReuseProposal, StepPlan } from './types.ts';
import { Checkbox, CheckGroup, Form, Outcome, Part, Radios, Select, Submit, TextArea, TextInput, useResource, useSend, type Resource } from './ui.tsx';

export function StepPlanPage({ id }: { id: string }) {
  const { t } = useI18n();
  const plan = useResource<StepPlan>(`/api/step-plans/${encodeURIComponent(id)}`);
  const title = plan.result.state === 'ok' ? t('sp.titleRef', { ref: plan.result.data.helpRequest.reference }) : t('sp.title');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Loaded result={plan.result}>{(p) => <Plan p={p} plan={plan} />}</Loaded>
    </>
  );
}

function Plan({ p, plan }: { p: StepPlan; plan: Resource<StepPlan> }) {
  const { t } = useI18n();
  const labels = useLabels();
  const house = useResource<Household>(`/api/help-requests/${p.helpRequest.id}`);
  const open = p.status === 'draft';
  return (
    <>
      <Paragraph lead>
        {t(`kind.${p.kind}.long`)}
        {p.recipient ? ` — ${t('sp.to', { name: p.recipient.name })}` : ''} · {labels.task(p.helpRequest.task)} · {t(`planStatus.${p.status}`)}
      </Paragraph>
      <Paragraph>
        <AppLink href={`/werkplek/hulpvragen/${p.helpRequest.id}/werk`}>{t('sp.back')}</AppLink>
      </Paragraph>
      <Paragraph>{t('sp.order', { done: String(p.stepsDone), last: String(p.lastStep) })}</Paragraph>
      {p.status === 'completed' && (
        <div className="zv-notice" role="status">
          <Alert type="ok">
            <Paragraph>{t('sp.completedText')}</Paragraph>
          </Alert>
        </div>
      )}
      <Step n={1} p={p} title={t('sp.step1')}>
        <TaskStep p={p} onSaved={plan.reload} />
      </Step>
      <Step n={2} p={p} title={t('sp.step2')}>
        <PurposeStep p={p} onSaved={plan.reload} />
      </Step>
      <Step n={3} p={p} title={t('sp.step3')}>
        <Loaded result={house.result}>{(h) => <ItemsStep p={p} h={h} onSaved={plan.reload} />}</Loaded>
      </Step>
      <Step n={4} p={p} title={t('sp.step4')}>
        <BasisStep p={p} onSaved={plan.reload} />
      </Step>
      {p.itemsDone && <Checks p={p} />}
      {p.itemsDone && open && p.kind !== 'share' && <Reuse p={p} onAdopted={plan.reload} />}
      {p.exchange && (
        <>
          <Step n={5} p={p} title={t('sp.step5')}>
            <CompatibilityStep p={p} onSaved={plan.reload} />
          </Step>
          <Step n={6} p={p} title={t('sp.step6')}>
            <ConfidentialityStep p={p} onSaved={plan.reload} />
          </Step>
        </>
      )}
      {open && <Complete p={p} onDone={plan.reload} />}
    </>
  );
}

/** A step: done, next (its form), or not yet — a later step cannot come before an earlier one. */
function Step({ n, p, title, children }: { n: number; p: StepPlan; title: string; children: ReactNode }) {
  const { t } = useI18n();
  const state = n <= p.stepsDone ? 'done' : n === p.stepsDone + 1 ? 'next' : 'later';
  return (
    <section className={`zv-section zv-step zv-step--${state}`} aria-labelledby={`stap-${n}`}>
      <h2 className="utrecht-heading-2" id={`stap-${n}`}>
        {t('sp.stepN', { n: String(n) })}: {title}
      </h2>
      <Paragraph className="zv-code">{t(`sp.state.${state}`)}</Paragraph>
      {state === 'later' ? <Paragraph>{t('sp.later', { n: String(p.stepsDone + 1) })}</Paragraph> : p.status === 'draft' || state === 'done' ? children : null}
    </section>
  );
}

function useSave(p: StepPlan, n: number, onSaved: () => void) {
  const { t } = useI18n();
  const sent = useSend();
  const save = async (body: object) => {
    if (await sent.send('PUT', `/api/step-plans/${p.id}/steps/${n}`, { version: p.version, ...body }, t('sp.saved'))) onSaved();
  };
  return { sent, save, readOnly: p.status !== 'draft' };
}

function TaskStep({ p, onSaved }: { p: StepPlan; onSaved(): void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const ref = useReference();
  const { sent, save, readOnly } = useSave(p, 1, onSaved);
  const [taskCode, setTaskCode] = useState(p.task?.taskCode ?? p.helpRequest.task);
  const [note, setNote] = useState(p.task?.taskNote ?? '');
  return (
    <Form onSubmit={() => save({ taskCode, taskNote: note })} label={t('sp.step1')}>
      <Paragraph>{t('sp.step1Intro')}</Paragraph>
      <Select label={t('field.task')} value={taskCode} onChange={setTaskCode} options={labels.options(ref.tasks)} />
      <TextArea label={t('sp.taskNote')} hint={t('sp.taskNoteHint')} value={note} onChange={setNote} required />
      <Outcome sent={sent} />
      {!readOnly && <Submit busy={sent.busy}>{t('sp.saveStep', { n: '1' })}</Submit>}
    </Form>
  );
}

function PurposeStep({ p, onSaved }: { p: StepPlan; onSaved(): void }) {
  const { t } = useI18n();
  const { sent, save, readOnly } = useSave(p, 2, onSaved);
  const [note, setNote] = useState(p.purpose?.purposeNote ?? '');
  return (
    <Form onSubmit={() => save({ purposeNote: note })} label={t('sp.step2')}>
      <Paragraph>{t('sp.step2Intro', { ref: p.helpRequest.reference })}</Paragraph>
      <TextArea label={t('sp.purposeNote')} hint={t('sp.purposeNoteHint')} value={note} onChange={setNote} required />
      <Outcome sent={sent} />
      {!readOnly && <Submit busy={sent.busy}>{t('sp.saveStep', { n: '2' })}</Submit>}
    </Form>
  );
}

interface Draft { residentId: string; category: string; source: string; description: string; need: string; canBeMissed: boolean; proportionality: string; subsidiarity: string; secrecyOrigin: string }

function ItemsStep({ p, h, onSaved }: { p: StepPlan; h: Household; onSaved(): void }) {
  const { t } = useI18n();
  const { sent, save, readOnly } = useSave(p, 3, onSaved);
  const first = h.members[0]?.id ?? '';
  const blank = (): Draft => ({ residentId: first, category: '', source: 'resident', description: '', need: '', canBeMissed: false, proportionality: '', subsidiarity: '', secrecyOrigin: '' });
  const [items, setItems] = useState<Draft[]>(
    p.items.length > 0
      ? p.items.map((i) => ({ residentId: i.residentId, category: i.category, source: i.source, description: i.description, need: i.need, canBeMissed: i.canBeMissed, proportionality: i.proportionality, subsidiarity: i.subsidiarity, secrecyOrigin: i.secrecyOrigin ?? '' }))
      : [blank()],
  );
  const update = (n: number, d: Partial<Draft>) => setItems(items.map((x, i) => (i === n ? { ...x, ...d } : x)));
  const submit = () => save({ items: items.map((i) => ({ ...i, secrecyOrigin: i.secrecyOrigin || null })) });
  return (
    <Form onSubmit={submit} label={t('sp.step3')}>
      <Paragraph>{t('sp.step3Intro')}</Paragraph>
      {items.map((item, n) => (
        <ItemEditor key={n} n={n} item={item} h={h} onChange={(d) => update(n, d)} onRemove={items.length > 1 ? () => setItems(items.filter((_, i) => i !== n)) : undefined} saved={p.items[n]} />
      ))}
      {!readOnly && (
        <Paragraph>
          <Button appearance="secondary-action-button" type="button" onClick={() => setItems([...items, blank()])}>
            {t('sp.addItem')}
          </Button>
        </Paragraph>
      )}
      <Outcome sent={sent} />
      {!readOnly && <Submit busy={sent.busy}>{t('sp.saveStep', { n: '3' })}</Submit>}
    </Form>
  );
}

function ItemEditor({ n, item, h, onChange, onRemove, saved }: { n: number; item: Draft; h: Household; onChange(d: Partial<Draft>): void; onRemove?: () => void; saved?: PlanItem }) {
  const { t } = useI18n();
  const ref = useReference();
  const labels = useLabels();
  return (
    <fieldset className="utrecht-form-fieldset zv-fieldset zv-item">
      <legend className="utrecht-form-fieldset__legend">{t('sp.item', { n: String(n + 1) })}</legend>
      {saved && !saved.included && (
        <Paragraph className="zv-hint">{t('sp.excluded')}</Paragraph>
      )}
      <Select label={t('field.resident')} value={item.residentId} onChange={(v) => onChange({ residentId: v })} options={h.members.map((m) => ({ value: m.id, label: m.identity?.displayName ?? t('unknownPerson') }))} />
      <Select label={t('field.category')} value={item.category} onChange={(v) => onChange({ category: v })} options={labels.options(ref.categories)} placeholder={t('choose')} required />
      <Select label={t('field.source')} value={item.source} onChange={(v) => onChange({ source: v })} options={labels.options(ref.sources)} />
      <TextInput label={t('sp.description')} hint={t('sp.descriptionHint')} value={item.description} onChange={(v) => onChange({ description: v })} required />
      <Radios legend={t('sp.need')} hint={t('sp.needHint')} value={item.need} onChange={(v) => onChange({ need: v })} options={['necessary', 'useful', 'handy', 'maybe_later'].map((x) => ({ value: x, label: t(`need.${x}`) }))} />
      <Checkbox label={t('sp.canBeMissed')} hint={t('sp.canBeMissedHint')} checked={item.canBeMissed} onChange={(v) => onChange({ canBeMissed: v })} />
      <TextArea label={t('sp.proportionality')} hint={t('sp.proportionalityHint')} value={item.proportionality} onChange={(v) => onChange({ proportionality: v })} required rows={2} />
      <TextArea label={t('sp.subsidiarity')} hint={t('sp.subsidiarityHint')} value={item.subsidiarity} onChange={(v) => onChange({ subsidiarity: v })} required rows={2} />
      <Select label={t('sp.secrecy')} value={item.secrecyOrigin} onChange={(v) => onChange({ secrecyOrigin: v })} options={labels.options(ref.secrecyOrigins)} placeholder={t('sp.noSecrecy')} />
      {onRemove && (
        <Button appearance="secondary-action-button" type="button" onClick={onRemove}>
          {t('sp.removeItem', { n: String(n + 1) })}
        </Button>
      )}
    </fieldset>
  );
}

function BasisStep({ p, onSaved }: { p: StepPlan; onSaved(): void }) {
  const { t } = useI18n();
  const ref = useReference();
  const { sent, save, readOnly } = useSave(p, 4, onSaved);
  const task = ref.tasks.find((x) => x.code === p.helpRequest.task);
  const b = p.basis;
  const [ground, setGround] = useState(b?.ground ?? task?.avg6Ground ?? 'e');
  const [groundNote, setGroundNote] = useState(b?.groundNote ?? '');
  const [specialNote, setSpecialNote] = useState(b?.specialNote ?? '');
  const [bsnUsed, setBsnUsed] = useState(b?.bsnUsed ?? p.items.some((i) => i.included && i.category === 'bsn'));
  const [bsnNote, setBsnNote] = useState(b?.bsnNote ?? '');
  const [transfer, setTransfer] = useState(b?.transferOutsideEea ?? false);
  const [safeguard, setSafeguard] = useState(b?.transferSafeguard ?? '');
  const [transferNote, setTransferNote] = useState(b?.transferNote ?? '');
  const special = p.items.some((i) => i.included && ['special', 'criminal'].includes(ref.categories.find((c) => c.code === i.category)?.kind ?? ''));
  const submit = () =>
    save({
      ground,
      groundNote: groundNote || null,
      specialNote: specialNote || null,
      bsnUsed,
      bsnNote: bsnNote || null,
      transferOutsideEea: transfer,
      transferSafeguard: transfer ? safeguard || null : null,
      transferNote: transfer ? transferNote || null : null,
    });
  return (
    <Form onSubmit={submit} label={t('sp.step4')}>
      <Paragraph>{t('sp.step4Intro')}</Paragraph>
      <Radios legend={t('sp.ground')} hint={t('sp.groundHint', { ground: task?.avg6Ground ?? 'e' })} value={ground} onChange={setGround} options={['c', 'e', 'a', 'b', 'd'].map((g) => ({ value: g, label: t(`ground.avg6.${g}`) }))} />
      {ground !== task?.avg6Ground && <TextArea label={t('sp.groundNote')} value={groundNote} onChange={setGroundNote} required rows={2} />}
      {special && <TextArea label={t('sp.specialNote')} hint={t('sp.specialNoteHint')} value={specialNote} onChange={setSpecialNote} required rows={2} />}
      <Checkbox label={t('sp.bsnUsed')} checked={bsnUsed} onChange={setBsnUsed} />
      {bsnUsed && <TextArea label={t('sp.bsnNote')} hint={t('sp.bsnNoteHint')} value={bsnNote} onChange={setBsnNote} required rows={2} />}
      <Checkbox label={t('sp.transfer')} hint={t('sp.transferHint')} checked={transfer} onChange={setTransfer} />
      {transfer && (
        <>
          <Select label={t('sp.safeguard')} value={safeguard} onChange={setSafeguard} options={['adequacy', 'safeguards', 'derogation'].map((s) => ({ value: s, label: t(`safeguard.${s}`) }))} placeholder={t('choose')} />
          <TextArea label={t('sp.transferNote')} value={transferNote} onChange={setTransferNote} required rows={2} />
        </>
      )}
      <Outcome sent={sent} />
      {!readOnly && <Submit busy={sent.busy}>{t('sp.saveStep', { n: '4' })}</Submit>}
    </Form>
  );
}

/** What the gate says about every item (R3.4): permitted, or refused with the rule and the articles. */
function Checks({ p }: { p: StepPlan }) {
  const { t, lang } = useI18n();
  const labels = useLabels();
  return (
    <Part title={t('sp.checks')} id="toets">
      <Paragraph>{t('sp.checksIntro')}</Paragraph>
      <ul className="zv-records">
        {p.items.map((i) => (
          <li className="zv-record" key={i.id}>
            <Heading3>
              {labels.category(i.category)} — {i.included ? t('sp.included') : t('sp.notIncluded')}
            </Heading3>
            {!i.included && <Paragraph>{t(`sp.exclusion.${i.need === 'necessary' ? 'missed' : 'need'}`, { need: t(`need.${i.need}`) })}</Paragraph>}
            {i.reuseDataItemId && <Paragraph>{t('sp.reused')}</Paragraph>}
            {i.check ? (
              <>
                {i.check.checks.map((c) => (
                  <ExplanationView key={c.name} e={c.explanation} title={`${t(`check.name.${c.name}`)}: ${c.explanation.decision === 'permit' ? t('check.permit') : t('check.deny')}`} />
                ))}
                {i.check.consentHint && <ConsentHintView hint={i.check.consentHint} />}
                <Paragraph className="zv-code">{t('sp.checkedAt', { date: formatDate(i.check.checkedAt, lang) })}</Paragraph>
              </>
            ) : (
              i.included && <Paragraph>{t('sp.notChecked')}</Paragraph>
            )}
          </li>
        ))}
      </ul>
    </Part>
  );
}

function Reuse({ p, onAdopted }: { p: StepPlan; onAdopted(): void }) {
  const { t, lang } = useI18n();
  const labels = useLabels();
  const [shown, setShown] = useState(false);
  const proposals = useResource<{ proposals: ReuseProposal[] }>(shown ? `/api/step-plans/${p.id}/reuse` : null);
  const sent = useSend();
  return (
    <Part title={t('reuse.title')} id="eenmalig">
      <Paragraph>{t('reuse.intro')}</Paragraph>
      {!shown ? (
        <Button appearance="secondary-action-button" onClick={() => setShown(true)}>
          {t('reuse.look')}
        </Button>
      ) : (
        <Loaded result={proposals.result}>
          {(d) =>
            d.proposals.length === 0 ? (
              <Paragraph>{t('reuse.none')}</Paragraph>
            ) : (
              <ul className="zv-records">
                {d.proposals.map((x) => (
                  <li className="zv-record" key={x.dataItemId}>
                    <Paragraph>
                      <strong>{labels.category(x.category)}</strong> — {t('reuse.collectedFor', { law: labels.law(x.collectedFor.law), task: labels.task(x.collectedFor.task), date: formatDate(x.recordedAt, lang) })}
                    </Paragraph>
                    <ExplanationView e={x.explanation} title={x.reusable ? t('reuse.allowed') : t('reuse.notAllowed')} />
                    {x.consentHint && <ConsentHintView hint={x.consentHint} />}
                    {x.reusable && !x.adopted && (
                      <Button
                        appearance="secondary-action-button"
                        onClick={async () => {
                          if (await sent.send('POST', `/api/step-plans/${p.id}/reuse`, { version: p.version, planItemId: x.planItemId, dataItemId: x.dataItemId }, t('reuse.adopted'))) onAdopted();
                        }}
                      >
                        {t('reuse.adopt', { category: labels.category(x.category) })}
                      </Button>
                    )}
                    {x.adopted && <Paragraph>{t('reuse.isAdopted')}</Paragraph>}
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      )}
      <Outcome sent={sent} />
    </Part>
  );
}

function CompatibilityStep({ p, onSaved }: { p: StepPlan; onSaved(): void }) {
  const { t } = useI18n();
  const { sent, save, readOnly } = useSave(p, 5, onSaved);
  const c = p.compatibility;
  const [v, setV] = useState({ link: c?.link ?? '', context: c?.context ?? '', nature: c?.nature ?? '', consequences: c?.consequences ?? '', safeguards: c?.safeguards ?? '' });
  const [conclusion, setConclusion] = useState(c?.conclusion ?? '');
  return (
    <Form onSubmit={() => save({ ...v, conclusion })} label={t('sp.step5')}>
      <Paragraph>{t('sp.step5Intro')}</Paragraph>
      {(['link', 'context', 'nature', 'consequences', 'safeguards'] as const).map((k) => (
        <TextArea key={k} label={t(`compat.${k}`)} hint={t(`compat.${k}Hint`)} value={v[k]} onChange={(x) => setV({ ...v, [k]: x })} required rows={2} />
      ))}
      <Radios legend={t('compat.conclusion')} value={conclusion} onChange={setConclusion} options={['compatible', 'consent', 'law', 'not_compatible'].map((x) => ({ value: x, label: t(`compat.${x}`) }))} />
      <Outcome sent={sent} />
      {!readOnly && <Submit busy={sent.busy}>{t('sp.saveStep', { n: '5' })}</Submit>}
    </Form>
  );
}

function ConfidentialityStep({ p, onSaved }: { p: StepPlan; onSaved(): void }) {
  const { t } = useI18n();
  const ref = useReference();
  const labels = useLabels();
  const { sent, save, readOnly } = useSave(p, 6, onSaved);
  const c = p.confidentiality;
  const [duties, setDuties] = useState<string[]>(c?.duties ?? []);
  const [assessment, setAssessment] = useState(c?.assessment ?? '');
  const [conclusion, setConclusion] = useState(c?.conclusion ?? '');
  return (
    <Form onSubmit={() => save({ duties, assessment, conclusion })} label={t('sp.step6')}>
      <Paragraph>{t('sp.step6Intro')}</Paragraph>
      <CheckGroup legend={t('conf.duties')} hint={t('conf.dutiesHint')} values={duties} onChange={setDuties} options={labels.options(ref.secrecyOrigins)} />
      <TextArea label={t('conf.assessment')} value={assessment} onChange={setAssessment} required rows={3} />
      <Radios legend={t('conf.conclusion')} value={conclusion} onChange={setConclusion} options={['no_duty', 'duty_permits', 'consent', 'statutory_duty', 'not_permitted'].map((x) => ({ value: x, label: t(`conf.${x}`) }))} />
      <Outcome sent={sent} />
      {!readOnly && <Submit busy={sent.busy}>{t('sp.saveStep', { n: '6' })}</Submit>}
    </Form>
  );
}

function Complete({ p, onDone }: { p: StepPlan; onDone(): void }) {
  const { t } = useI18n();
  const sent = useSend();
  const withdraw = useSend();
  return (
    <Part title={t('sp.complete')} id="afronden">
      <Paragraph>{t('sp.completeIntro')}</Paragraph>
      <Form onSubmit={async () => { if (await sent.send('POST', `/api/step-plans/${p.id}/complete`, { version: p.version }, t('sp.completedText'))) onDone(); }} label={t('sp.complete')}>
        <Outcome sent={sent} />
        <Submit busy={sent.busy}>{t('sp.completeButton')}</Submit>
      </Form>
      <Form onSubmit={async () => { if (await withdraw.send('POST', `/api/step-plans/${p.id}/withdraw`, { version: p.version }, t('sp.withdrawn'))) onDone(); }} label={t('sp.withdraw')}>
        <Outcome sent={withdraw} />
        <Submit busy={withdraw.busy} appearance="secondary-action-button">
          {t('sp.withdraw')}
        </Submit>
      </Form>
    </Part>
  );
}
