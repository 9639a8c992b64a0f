/**
 * AVG requests (R5.5): the list with status and deadline (overdue shown as overdue), a short form
 * (what do you ask, in your own words), and one request with its deadlines, extension and answer.
 */
import { useState, type FormEvent } from 'react';
import { apiSend, useApi } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { AppLink, navigate } from '../shared/router.tsx';
import { Loaded } from '../shared/states.tsx';
import { Alert, Button, Heading2, Paragraph } from '../shared/ui.tsx';
import { api, BackLink, DeadlineBadge, ErrorAlert, errorText, Facts, formatDate, href, useSubject } from './common.tsx';
import { MAX_TEXT, RadioGroup, TextArea } from './forms.tsx';

export interface RightsRequest {
  id: string;
  reference: string;
  kind: string;
  status: string;
  text: string;
  receivedOn: string;
  answerBy: string;
  destroyBy: string | null;
  extendedOn: string | null;
  extensionReason: string | null;
  decidedOn: string | null;
  outcome: string | null;
  decision: string | null;
  deadline: string;
}

const KINDS = ['access', 'rectification', 'restriction', 'objection', 'erasure'];

export function Requests() {
  const { t, lang } = useI18n();
  const subject = useSubject();
  const result = useApi<{ requests: RightsRequest[] }>(api('/api/mijn/rights-requests', subject));
  return (
    <>
      <PageTitle title={t('requestsTitle')}>{t('requestsTitle')}</PageTitle>
      <Paragraph lead>{t('requestsIntro')}</Paragraph>
      <Paragraph>
        <AppLink href={href('/mijn/verzoeken/nieuw', subject)} className="utrecht-link zv-action-link">
          {t('newRequest')}
        </AppLink>
      </Paragraph>
      <Loaded result={result}>
        {(d) =>
          d.requests.length === 0 ? (
            <Paragraph>{t('requestsEmpty')}</Paragraph>
          ) : (
            <div className="utrecht-table-container zv-table-container" role="region" tabIndex={0} aria-label={t('requestsTitle')}>
              <table className="utrecht-table utrecht-table--html-table">
                <caption className="utrecht-table__caption zv-visually-hidden">{t('requestsTitle')}</caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    {[t('reference'), t('requestKind'), t('received'), t('answerBy'), t('status')].map((h) => (
                      <th key={h} scope="col" className="utrecht-table__header-cell">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {d.requests.map((r) => (
                    <tr className="utrecht-table__row" key={r.id}>
                      <td className="utrecht-table__cell">
                        <AppLink href={href(`/mijn/verzoeken/${r.id}`, subject)}>{r.reference}</AppLink>
                      </td>
                      <td className="utrecht-table__cell">{t(`kindShort_${r.kind}`)}</td>
                      <td className="utrecht-table__cell">{formatDate(r.receivedOn, lang)}</td>
                      <td className="utrecht-table__cell">{formatDate(r.answerBy, lang)}</td>
                      <td className="utrecht-table__cell">
                        {t(`status.${r.status}`)} <DeadlineBadge state={r.deadline} />
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

export function NewRequest() {
  const { t } = useI18n();
  const subject = useSubject();
  const [kind, setKind] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ kind?: string; text?: string; form?: string }>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!kind) next.kind = t('required');
    if (text.trim() === '') next.text = t('error.TEXT.EMPTY');
    else if (text.length > MAX_TEXT) next.text = t('error.TEXT.TOO_LONG');
    setErrors(next);
    if (next.kind || next.text) return;
    setBusy(true);
    try {
      const made = await apiSend<RightsRequest>('POST', '/api/mijn/rights-requests', { kind, text, ...(subject ? { subjectId: subject } : {}) });
      navigate(href(`/mijn/verzoeken/${made.id}?nieuw=1`, subject));
    } catch (err) {
      setErrors({ form: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageTitle title={t('newRequest')}>{t('newRequest')}</PageTitle>
      <Paragraph lead>{t('requestsIntro')}</Paragraph>
      <ErrorAlert message={errors.form ?? null} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <RadioGroup name="soort" legend={t('requestKind')} options={KINDS.map((k) => ({ value: k, label: t(`kind_${k}`) }))} value={kind} onChange={setKind} error={errors.kind} />
        {kind === 'access' && (
          <Paragraph>
            {t('accessHint')} <AppLink href={href('/mijn/dossier', subject)}>{t('navFile')}</AppLink>
          </Paragraph>
        )}
        <TextArea id="verzoek" label={t('requestText')} hint={t('requestTextHint')} value={text} onChange={setText} error={errors.text} />
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {busy ? t('sending') : t('send')}
        </Button>
      </form>
      <BackLink to="/mijn/verzoeken" subject={subject}>
        {t('requestsTitle')}
      </BackLink>
    </>
  );
}

export function RequestDetail({ id, fresh }: { id: string; fresh: boolean }) {
  const { t, lang } = useI18n();
  const subject = useSubject();
  const result = useApi<RightsRequest>(`/api/mijn/rights-requests/${encodeURIComponent(id)}`);
  const ref = result.state === 'ok' ? result.data.reference : '';
  const title = ref ? t('requestTitle', { ref }) : t('requestsTitle');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Loaded result={result}>
        {(r) => (
          <>
            {fresh && (
              <div className="zv-notice" role="status">
                <Alert type="ok">
                  <Paragraph>{t('sentRequest', { ref: r.reference })}</Paragraph>
                </Alert>
              </div>
            )}
            <Facts
              items={[
                [t('requestKind'), t(`kindShort_${r.kind}`)],
                [t('status'), <><span className="zv-status">{t(`status.${r.status}`)}</span> <DeadlineBadge state={r.deadline} /></>],
                [t('received'), formatDate(r.receivedOn, lang)],
                [t('answerBy'), formatDate(r.answerBy, lang)],
                ...(r.destroyBy ? ([[t('destroyBy'), formatDate(r.destroyBy, lang)]] as Array<[string, string]>) : []),
                ...(r.extendedOn ? ([[t('extended', { date: formatDate(r.extendedOn, lang) }), r.extensionReason ?? '—']] as Array<[string, string]>) : []),
                ...(r.decidedOn ? ([[t('decidedOn'), `${formatDate(r.decidedOn, lang)} — ${t(`outcome.${r.outcome}`)}`]] as Array<[string, string]>) : []),
              ]}
            />
            <section className="zv-section" aria-labelledby="uw-verzoek">
              <Heading2 id="uw-verzoek">{t('requestText')}</Heading2>
              <Paragraph className="zv-prewrap">{r.text}</Paragraph>
            </section>
            {r.decision && (
              <section className="zv-section" aria-labelledby="antwoord">
                <Heading2 id="antwoord">{t('decision')}</Heading2>
                <Paragraph className="zv-prewrap">{r.decision}</Paragraph>
              </section>
            )}
          </>
        )}
      </Loaded>
      <BackLink to="/mijn/verzoeken" subject={subject}>
        {t('requestsTitle')}
      </BackLink>
    </>
  );
}
