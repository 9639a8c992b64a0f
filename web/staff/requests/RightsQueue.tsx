/**
 * The functional administrator's queue of AVG rights requests (AVG art. 12(3)): overdue first and never
 * dropped, each with the requester, the text, the deadlines; take in hand, extend once within the first
 * month with the reason, decide with the answer. The privacy officer sees the same list read-only.
 */
import { useState } from 'react';
import type { Me } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { AppLink } from '../../shared/router.tsx';
import { Loaded } from '../../shared/states.tsx';
import { Alert, Button, Heading2, Paragraph } from '../../shared/ui.tsx';
import { ActionMessage, Choice, day, Deadline, Facts, FilterLinks, QueueTable, TextField, useAction, useResource } from './common.tsx';

interface Request {
  id: string;
  reference: string;
  kind: string;
  status: string;
  text: string;
  helpRequestReference: string | null;
  receivedOn: string;
  answerBy: string;
  firstMonthEnds: string;
  destroyBy: string | null;
  extendedOn: string | null;
  extensionReason: string | null;
  decidedOn: string | null;
  outcome: string | null;
  decision: string | null;
  deadline: string;
  subject: { displayName: string | null; email: string | null; phone: string | null };
  filedBy: { displayName: string | null; representative: boolean };
  handler: string | null;
  mayExtend: boolean;
}

const canDecide = (me: Me) => me.actor.roles.includes('functional_admin');

export function RightsQueuePage({ me, filter }: { me: Me; filter: string }) {
  const { t } = useI18n();
  const f = ['open', 'overdue', 'decided', 'all'].includes(filter) ? filter : 'open';
  const { result } = useResource<{ requests: Request[] }>(`/api/requests/rights?filter=${f}`);
  return (
    <>
      <PageTitle title={t('rq.rightsTitle')}>{t('rq.rightsTitle')}</PageTitle>
      <Paragraph lead>{t('rq.rightsIntro')}</Paragraph>
      {!canDecide(me) && (
        <div className="zv-notice">
          <Alert type="info">
            <Paragraph>{t('rq.monitorOnly')}</Paragraph>
          </Alert>
        </div>
      )}
      <FilterLinks base="/werkplek/verzoeken" current={f} />
      <Loaded result={result}>
        {(d) => <QueueTable title={t('rq.rightsTitle')} whatHeader={t('rq.kind')} rows={d.requests.map((r) => ({ id: r.id, href: `/werkplek/verzoeken/${r.id}`, reference: r.reference, what: t(`kind.${r.kind}`), residentName: r.subject.displayName, receivedOn: r.receivedOn, dueOn: r.answerBy, status: r.status, deadline: r.deadline }))} />}
      </Loaded>
    </>
  );
}

export function RightsRequestPage({ me, id }: { me: Me; id: string }) {
  const { t, lang } = useI18n();
  const { result, reload } = useResource<Request>(`/api/requests/rights/${encodeURIComponent(id)}`);
  const action = useAction(reload);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('granted');
  const [answer, setAnswer] = useState('');
  const base = `/api/requests/rights/${encodeURIComponent(id)}`;
  const ref = result.state === 'ok' ? result.data.reference : '';
  const title = ref ? t('rq.detailRights', { ref }) : t('rq.rightsTitle');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <ActionMessage message={action.message} />
      <Loaded result={result}>
        {(r) => {
          const open = r.status === 'received' || r.status === 'in_progress';
          return (
            <>
              <Facts
                items={[
                  [t('rq.kind'), t(`kind.${r.kind}`)],
                  [t('rq.status'), <>{t(`st.${r.status}`)} <Deadline state={r.deadline} /></>],
                  [t('rq.resident'), r.subject.displayName ?? '—'],
                  [t('rq.contact'), [r.subject.phone, r.subject.email].filter(Boolean).join(', ') || '—'],
                  ...(r.filedBy.representative ? ([[t('rq.filedBy'), `${r.filedBy.displayName ?? '—'} (${t('rq.representative')})`]] as Array<[string, string]>) : []),
                  [t('rq.received'), day(r.receivedOn, lang)],
                  [t('rq.firstMonthEnds'), day(r.firstMonthEnds, lang)],
                  [t('rq.due'), day(r.answerBy, lang)],
                  ...(r.destroyBy ? ([[t('rq.destroyBy'), day(r.destroyBy, lang)]] as Array<[string, string]>) : []),
                  ...(r.extendedOn ? ([[t('rq.extendedOn'), `${day(r.extendedOn, lang)}: ${r.extensionReason ?? ''}`]] as Array<[string, string]>) : []),
                  ...(r.handler ? ([[t('rq.handler'), r.handler]] as Array<[string, string]>) : []),
                  ...(r.decidedOn ? ([[t('rq.decidedOn'), `${day(r.decidedOn, lang)} — ${t(`out.${r.outcome}`)}`]] as Array<[string, string]>) : []),
                ]}
              />
              <section className="zv-section" aria-labelledby="tekst">
                <Heading2 id="tekst">{t('rq.text')}</Heading2>
                <Paragraph className="zv-prewrap">{r.text}</Paragraph>
              </section>
              {r.decision && (
                <section className="zv-section" aria-labelledby="antwoord">
                  <Heading2 id="antwoord">{t('rq.decision')}</Heading2>
                  <Paragraph className="zv-prewrap">{r.decision}</Paragraph>
                </section>
              )}
              {open && canDecide(me) && (
                <>
                  {r.status === 'received' && (
                    <Paragraph>
                      <Button appearance="secondary-action-button" disabled={action.busy} onClick={() => void action.run(`${base}/start`)}>
                        {t('rq.start')}
                      </Button>
                    </Paragraph>
                  )}
                  {r.mayExtend && (
                    <section className="zv-section" aria-labelledby="verlengen">
                      <Heading2 id="verlengen">{t('rq.extend')}</Heading2>
                      <TextField id="reden" label={t('rq.extendReason')} value={reason} onChange={setReason} rows={3} />
                      <Button appearance="secondary-action-button" disabled={action.busy} onClick={() => void action.run(`${base}/extend`, { reason })}>
                        {t('rq.extend')}
                      </Button>
                    </section>
                  )}
                  <section className="zv-section" aria-labelledby="beslissen">
                    <Heading2 id="beslissen">{t('rq.decide')}</Heading2>
                    <Choice name="uitkomst" legend={t('rq.outcome')} options={['granted', 'partly_granted', 'refused'].map((o) => [o, t(`out.${o}`)])} value={outcome} onChange={setOutcome} />
                    <TextField id="antwoord-tekst" label={t('rq.decision')} value={answer} onChange={setAnswer} rows={6} />
                    <Button appearance="primary-action-button" disabled={action.busy} onClick={() => void action.run(`${base}/decide`, { outcome, decision: answer })}>
                      {t('rq.decide')}
                    </Button>
                  </section>
                </>
              )}
            </>
          );
        }}
      </Loaded>
      <Paragraph>
        <AppLink href="/werkplek/verzoeken">{t('rq.back')}</AppLink>
      </Paragraph>
    </>
  );
}
