/**
 * Involuntary processing (issue 5 item 4; R4.3; policy §3.4): the proposal's record and what is still
 * missing, the explanation to the resident, the consultation of a colleague or expert on pseudonymised
 * facts, the considerations, the decision by a second person, and the notice letter (also as PDF).
 * The consulted person has their own page that shows only the pseudonymised facts.
 */
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { AppLink } from '../../shared/router.tsx';
import { Loaded } from '../../shared/states.tsx';
import { Alert, Heading3, Link, Paragraph } from '../../shared/ui.tsx';
import { formatDate, useLabels } from './common.tsx';
import type { Consultation, Involuntary, Notice, Organisation } from './types.ts';
import { Form, nowLocal, Outcome, Part, Radios, Select, Submit, TextArea, TextInput, toInstant, useResource, useSend } from './ui.tsx';

export function InvoluntaryPage({ id }: { id: string }) {
  const { t } = useI18n();
  const rec = useResource<Involuntary>(`/api/involuntary/${encodeURIComponent(id)}`);
  return (
    <>
      <PageTitle title={t('inv.title')}>{t('inv.title')}</PageTitle>
      <Loaded result={rec.result}>{(r) => <Record r={r} reload={rec.reload} />}</Loaded>
    </>
  );
}

function Record({ r, reload }: { r: Involuntary; reload(): void }) {
  const { t, lang } = useI18n();
  const labels = useLabels();
  const draft = r.status === 'draft';
  return (
    <>
      <Paragraph lead>
        {t('inv.lead', { ground: t(`ground.${r.ground}`), categories: labels.categories(r.categories), status: t(`invStatus.${r.status}`) })}
      </Paragraph>
      <Paragraph>
        <AppLink href={`/werkplek/hulpvragen/${r.helpRequestId}/werk`}>{t('inv.back')}</AppLink>
      </Paragraph>
      <Part title={t('inv.facts')} id="grond">
        <Paragraph>{r.groundFacts}</Paragraph>
        <Paragraph className="zv-code">{t('inv.proposedBy', { name: r.proposedBy.name })}</Paragraph>
      </Part>
      {draft && r.missing.length > 0 && (
        <div className="zv-notice">
          <Alert type="warning">
            <Paragraph>{t('inv.missing', { items: r.missing.map((m) => t(`inv.missing.${m}`)).join(', ') })}</Paragraph>
          </Alert>
        </div>
      )}
      <Part title={t('inv.explanation')} id="uitleg">
        {r.explanationGiven ? (
          <Paragraph>
            {r.explanationGiven} ({formatDate(r.explanationGivenAt, lang)})
          </Paragraph>
        ) : (
          draft && <ExplanationForm r={r} onDone={reload} />
        )}
      </Part>
      <Part title={t('inv.consultation')} id="consultatie">
        {r.consultation && (
          <>
            <Paragraph>{t('inv.consulted', { name: r.consultation.professional.name, organisation: r.consultation.professional.organisation, date: formatDate(r.consultation.consultedAt, lang) })}</Paragraph>
            <Paragraph>
              <strong>{t('inv.pseudoFacts')}</strong> {r.consultation.facts}
            </Paragraph>
            <Paragraph>{r.consultation.advice ? t('inv.advice', { advice: r.consultation.advice }) : t('inv.noAdvice')}</Paragraph>
          </>
        )}
        {draft && <ConsultForm r={r} onDone={reload} />}
      </Part>
      <Part title={t('inv.considerations')} id="overwegingen">
        {r.considerations && <Paragraph>{r.considerations}</Paragraph>}
        {draft && <ConsiderationsForm r={r} onDone={reload} />}
      </Part>
      <Part title={t('inv.decision')} id="besluit">
        {draft ? (
          <DecisionForm r={r} onDone={reload} />
        ) : (
          <Paragraph>
            {t('inv.decided', { status: t(`invStatus.${r.status}`), name: r.decidedBy?.name ?? '—', date: formatDate(r.decidedAt, lang) })} {r.decisionNote}
          </Paragraph>
        )}
      </Part>
      {r.status === 'approved' && <NoticePart id={r.id} />}
    </>
  );
}

function ExplanationForm({ r, onDone }: { r: Involuntary; onDone(): void }) {
  const { t } = useI18n();
  const sent = useSend();
  const [text, setText] = useState('');
  const [at, setAt] = useState(nowLocal());
  return (
    <Form onSubmit={async () => { if (await sent.send('POST', `/api/involuntary/${r.id}/explanation`, { version: r.version, explanation: text, explainedAt: toInstant(at) }, t('inv.saved'))) onDone(); }} label={t('inv.explanation')}>
      <TextArea label={t('inv.explanationText')} hint={t('inv.explanationHint')} value={text} onChange={setText} required />
      <TextInput label={t('inv.explainedAt')} type="datetime-local" value={at} onChange={setAt} required />
      <Outcome sent={sent} />
      <Submit busy={sent.busy}>{t('inv.saveExplanation')}</Submit>
    </Form>
  );
}

function ConsultForm({ r, onDone }: { r: Involuntary; onDone(): void }) {
  const { t } = useI18n();
  const sent = useSend();
  const orgs = useResource<{ organisations: Organisation[] }>('/api/organisations');
  const [who, setWho] = useState('');
  const [facts, setFacts] = useState('');
  const [question, setQuestion] = useState('');
  const people = orgs.result.state === 'ok' ? orgs.result.data.organisations.filter((o) => o.kind === 'municipal_team' || o.kind === 'municipality').flatMap((o) => o.professionals.map((p) => ({ value: p.id, label: `${p.name} — ${o.name}` }))) : [];
  return (
    <Form onSubmit={async () => { if (await sent.send('POST', `/api/involuntary/${r.id}/consultation`, { version: r.version, professionalId: who, facts, question }, t('inv.saved'))) onDone(); }} label={t('inv.consult')}>
      <Heading3>{t('inv.consult')}</Heading3>
      <Paragraph>{t('inv.consultIntro')}</Paragraph>
      <Select label={t('inv.consultee')} value={who} onChange={setWho} options={people} placeholder={t('choose')} required />
      <TextArea label={t('inv.pseudoFacts')} hint={t('inv.pseudoFactsHint')} value={facts} onChange={setFacts} required rows={4} />
      <TextInput label={t('inv.question')} value={question} onChange={setQuestion} required />
      <Outcome sent={sent} />
      <Submit busy={sent.busy}>{t('inv.consultSubmit')}</Submit>
    </Form>
  );
}

function ConsiderationsForm({ r, onDone }: { r: Involuntary; onDone(): void }) {
  const { t } = useI18n();
  const sent = useSend();
  const [text, setText] = useState(r.considerations ?? '');
  return (
    <Form onSubmit={async () => { if (await sent.send('POST', `/api/involuntary/${r.id}/considerations`, { version: r.version, considerations: text }, t('inv.saved'))) onDone(); }} label={t('inv.considerations')}>
      <TextArea label={t('inv.considerationsText')} hint={t('inv.considerationsHint')} value={text} onChange={setText} required rows={4} />
      <Outcome sent={sent} />
      <Submit busy={sent.busy}>{t('inv.saveConsiderations')}</Submit>
    </Form>
  );
}

function DecisionForm({ r, onDone }: { r: Involuntary; onDone(): void }) {
  const { t } = useI18n();
  const sent = useSend();
  const [decision, setDecision] = useState('');
  const [note, setNote] = useState('');
  return (
    <Form onSubmit={async () => { if (await sent.send('POST', `/api/involuntary/${r.id}/decision`, { version: r.version, decision, note }, t('inv.decidedNow'))) onDone(); }} label={t('inv.decision')}>
      <Paragraph>{t('inv.decisionIntro')}</Paragraph>
      <Radios legend={t('inv.decisionChoice')} value={decision} onChange={setDecision} options={[{ value: 'approve', label: t('inv.approve') }, { value: 'reject', label: t('inv.reject') }]} />
      <TextArea label={t('inv.decisionNote')} value={note} onChange={setNote} required rows={2} />
      <Outcome sent={sent} />
      <Submit busy={sent.busy}>{t('inv.decide')}</Submit>
    </Form>
  );
}

function NoticePart({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const notice = useResource<Notice>(`/api/involuntary/${id}/notice?lang=${lang}`);
  return (
    <Part title={t('inv.notice')} id="kennisgeving">
      <Paragraph>
        <Link href={`/api/involuntary/${id}/notice.pdf?lang=${lang}`} download>
          {t('inv.noticePdf')}
        </Link>
      </Paragraph>
      <Loaded result={notice.result}>
        {(n) => (
          <article className="zv-letter" aria-label={t('inv.notice')}>
            <Paragraph>{n.addressee}</Paragraph>
            {n.addressLines.map((l) => (
              <Paragraph key={l}>{l}</Paragraph>
            ))}
            <Paragraph>
              {n.date} · {n.reference}
            </Paragraph>
            <Heading3>{n.title}</Heading3>
            <Paragraph>{n.salutation}</Paragraph>
            {n.paragraphs.map((p, i) => (
              <Paragraph key={i}>{p}</Paragraph>
            ))}
            <Heading3>{n.rightsTitle}</Heading3>
            <ul className="utrecht-unordered-list">
              {n.rights.map((r, i) => (
                <li className="utrecht-unordered-list__item" key={i}>
                  {r}
                </li>
              ))}
            </ul>
            <Paragraph>{n.closing}</Paragraph>
            <Paragraph>
              {n.sender}, {n.municipality}
            </Paragraph>
          </article>
        )}
      </Loaded>
    </Part>
  );
}

/** The consulted colleague's or expert's page: pseudonymised facts only (R4.3). */
export function ConsultationPage({ id }: { id: string }) {
  const { t } = useI18n();
  const labels = useLabels();
  const c = useResource<Consultation>(`/api/involuntary/${encodeURIComponent(id)}/consultation`);
  const sent = useSend();
  const [advice, setAdvice] = useState('');
  return (
    <>
      <PageTitle title={t('consultation.title')}>{t('consultation.title')}</PageTitle>
      <Loaded result={c.result}>
        {(x) => (
          <>
            <Paragraph lead>{t('consultation.intro')}</Paragraph>
            <Part title={t('consultation.facts')} id="feiten">
              <Paragraph>{t('consultation.about', { ground: t(`ground.${x.ground}`), task: labels.task(x.task), categories: labels.categories(x.categories) })}</Paragraph>
              <Paragraph>{x.facts}</Paragraph>
              {x.question && (
                <Paragraph>
                  <strong>{t('inv.question')}:</strong> {x.question}
                </Paragraph>
              )}
            </Part>
            <Part title={t('consultation.advice')} id="advies">
              {x.advice && <Paragraph>{x.advice}</Paragraph>}
              {x.status === 'draft' && (
                <Form onSubmit={async () => { if (await sent.send('POST', `/api/involuntary/${id}/advice`, { advice }, t('consultation.given'))) c.reload(); }} label={t('consultation.advice')}>
                  <TextArea label={t('consultation.adviceText')} value={advice} onChange={setAdvice} required rows={4} />
                  <Outcome sent={sent} />
                  <Submit busy={sent.busy}>{t('consultation.submit')}</Submit>
                </Form>
              )}
            </Part>
          </>
        )}
      </Loaded>
    </>
  );
}
