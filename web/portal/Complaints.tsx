/**
 * Complaints (R9.1; Awb chapter 9): in a few clicks — what is it about, in your own words, send — and
 * then the status: received, acknowledged, a committee, postponed, decided; the deadline (overdue shown
 * as overdue); the outcome letter with the Nationale ombudsman and the term, also as PDF.
 */
import { useState, type FormEvent } from 'react';
import { apiSend, useApi } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { AppLink, navigate } from '../shared/router.tsx';
import { Loaded } from '../shared/states.tsx';
import { Alert, Button, Heading2, Heading3, Paragraph, SpotlightSection } from '../shared/ui.tsx';
import { api, BackLink, DeadlineBadge, ErrorAlert, errorText, Facts, formatDate, href, useSubject } from './common.tsx';
import { MAX_TEXT, RadioGroup, TextArea } from './forms.tsx';

interface Complaint {
  id: string;
  reference: string;
  topic: string;
  text: string;
  status: string;
  receivedOn: string;
  acknowledgedOn: string | null;
  committee: boolean;
  postponedOn: string | null;
  postponementReason: string | null;
  decideBy: string;
  decidedOn: string | null;
  outcome: string | null;
  findings: string | null;
  ombudsmanUntil: string | null;
  deadline: string;
}

interface Letter {
  from: string;
  title: string;
  date: string;
  paragraphs: string[];
  ombudsman: { name: string; url: string; until: string };
}

const TOPICS = ['viewed_without_need', 'shared_without_basis', 'incorrect_data', 'no_answer', 'treatment', 'other'];

export function Complaints() {
  const { t, lang } = useI18n();
  const subject = useSubject();
  const result = useApi<{ complaints: Complaint[] }>(api('/api/mijn/complaints', subject));
  return (
    <>
      <PageTitle title={t('complaintsTitle')}>{t('complaintsTitle')}</PageTitle>
      <Paragraph lead>{t('complaintsIntro')}</Paragraph>
      <Paragraph>
        <AppLink href={href('/mijn/klachten/nieuw', subject)} className="utrecht-link zv-action-link">
          {t('newComplaint')}
        </AppLink>
      </Paragraph>
      <Loaded result={result}>
        {(d) =>
          d.complaints.length === 0 ? (
            <Paragraph>{t('complaintsEmpty')}</Paragraph>
          ) : (
            <div className="utrecht-table-container zv-table-container" role="region" tabIndex={0} aria-label={t('complaintsTitle')}>
              <table className="utrecht-table utrecht-table--html-table">
                <caption className="utrecht-table__caption zv-visually-hidden">{t('complaintsTitle')}</caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    {[t('reference'), t('complaintTopic'), t('received'), t('decideBy'), t('status')].map((h) => (
                      <th key={h} scope="col" className="utrecht-table__header-cell">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {d.complaints.map((c) => (
                    <tr className="utrecht-table__row" key={c.id}>
                      <td className="utrecht-table__cell">
                        <AppLink href={href(`/mijn/klachten/${c.id}`, subject)}>{c.reference}</AppLink>
                      </td>
                      <td className="utrecht-table__cell">{t(`topic_${c.topic}`)}</td>
                      <td className="utrecht-table__cell">{formatDate(c.receivedOn, lang)}</td>
                      <td className="utrecht-table__cell">{formatDate(c.decideBy, lang)}</td>
                      <td className="utrecht-table__cell">
                        {t(`status.${c.status}`)} <DeadlineBadge state={c.deadline} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <BackLink />
    </>
  );
}

export function NewComplaint() {
  const { t } = useI18n();
  const subject = useSubject();
  const [topic, setTopic] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ topic?: string; text?: string; form?: string }>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!topic) next.topic = t('required');
    if (text.trim() === '') next.text = t('error.TEXT.EMPTY');
    else if (text.length > MAX_TEXT) next.text = t('error.TEXT.TOO_LONG');
    setErrors(next);
    if (next.topic || next.text) return;
    setBusy(true);
    try {
      const made = await apiSend<Complaint>('POST', '/api/mijn/complaints', { topic, text, ...(subject ? { subjectId: subject } : {}) });
      navigate(href(`/mijn/klachten/${made.id}?nieuw=1`, subject));
    } catch (err) {
      setErrors({ form: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageTitle title={t('newComplaint')}>{t('newComplaint')}</PageTitle>
      <Paragraph lead>{t('complaintsIntro')}</Paragraph>
      <ErrorAlert message={errors.form ?? null} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <RadioGroup name="onderwerp" legend={t('complaintTopic')} options={TOPICS.map((k) => ({ value: k, label: t(`topic_${k}`) }))} value={topic} onChange={setTopic} error={errors.topic} />
        <TextArea id="klacht" label={t('complaintText')} hint={t('complaintTextHint')} value={text} onChange={setText} error={errors.text} />
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {busy ? t('sending') : t('send')}
        </Button>
      </form>
      <BackLink to="/mijn/klachten" subject={subject}>
        {t('complaintsTitle')}
      </BackLink>
    </>
  );
}

function LetterView({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const letter = useApi<Letter>(`/api/mijn/complaints/${encodeURIComponent(id)}/letter`);
  return (
    <Loaded result={letter}>
      {(l) => (
        <section className="zv-section zv-letter" aria-labelledby="brief">
          <Heading2 id="brief">{t('letterTitle')}</Heading2>
          <article className="zv-letter__body" aria-label={l.title}>
            <Paragraph>
              <strong>{l.title}</strong> — {l.date}
            </Paragraph>
            {l.paragraphs.map((p, i) => (
              <Paragraph key={i} className="zv-prewrap">
                {p}
              </Paragraph>
            ))}
          </article>
          <Paragraph>
            <a className="utrecht-link" href={`/api/mijn/complaints/${encodeURIComponent(id)}/letter?format=pdf`} download>
              {t('downloadLetter')}
            </a>
          </Paragraph>
          <SpotlightSection>
            <Heading3>{t('ombudsmanTitle')}</Heading3>
            <Paragraph>
              {t('ombudsmanText', { date: formatDate(l.ombudsman.until, lang) })}{' '}
              <a className="utrecht-link" href={l.ombudsman.url} rel="noopener noreferrer">
                {l.ombudsman.name}
              </a>
            </Paragraph>
          </SpotlightSection>
        </section>
      )}
    </Loaded>
  );
}

export function ComplaintDetail({ id, fresh }: { id: string; fresh: boolean }) {
  const { t, lang } = useI18n();
  const subject = useSubject();
  const result = useApi<Complaint>(`/api/mijn/complaints/${encodeURIComponent(id)}`);
  const ref = result.state === 'ok' ? result.data.reference : '';
  const title = ref ? t('complaintTitle', { ref }) : t('complaintsTitle');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Loaded result={result}>
        {(c) => (
          <>
            {fresh && (
              <div className="zv-notice" role="status">
                <Alert type="ok">
                  <Paragraph>{t('sentComplaint', { ref: c.reference })}</Paragraph>
                </Alert>
              </div>
            )}
            <Facts
              items={[
                [t('complaintTopic'), t(`topic_${c.topic}`)],
                [t('status'), <><span className="zv-status">{t(`status.${c.status}`)}</span> <DeadlineBadge state={c.deadline} /></>],
                [t('received'), formatDate(c.receivedOn, lang)],
                ...(c.acknowledgedOn ? ([[t('acknowledgedOn'), formatDate(c.acknowledgedOn, lang)]] as Array<[string, string]>) : []),
                [t('decideBy'), formatDate(c.decideBy, lang)],
                ...(c.postponedOn ? ([[t('postponed', { date: formatDate(c.postponedOn, lang) }), c.postponementReason ?? '—']] as Array<[string, string]>) : []),
                ...(c.decidedOn ? ([[t('decidedOn'), `${formatDate(c.decidedOn, lang)} — ${t(`outcome.${c.outcome}`)}`]] as Array<[string, string]>) : []),
              ]}
            />
            {c.committee && <Paragraph>{t('committee')}</Paragraph>}
            <section className="zv-section" aria-labelledby="uw-klacht">
              <Heading2 id="uw-klacht">{t('complaintText')}</Heading2>
              <Paragraph className="zv-prewrap">{c.text}</Paragraph>
            </section>
            {(c.status === 'decided' || c.status === 'not_handled') && <LetterView id={c.id} />}
          </>
        )}
      </Loaded>
      <BackLink to="/mijn/klachten" subject={subject}>
        {t('complaintsTitle')}
      </BackLink>
    </>
  );
}
