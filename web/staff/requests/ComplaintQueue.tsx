/**
 * The complaints commissioner's queue (R9.1; Awb chapter 9): overdue first; acknowledge (9:6), a
 * committee (10 weeks instead of 6), postpone once by 4 weeks before the deadline (9:11), decide with
 * findings that go into the outcome letter naming the Nationale ombudsman (9:12).
 */
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { AppLink } from '../../shared/router.tsx';
import { Loaded } from '../../shared/states.tsx';
import { Button, Heading2, Paragraph } from '../../shared/ui.tsx';
import { ActionMessage, Choice, day, Deadline, Facts, FilterLinks, QueueTable, TextField, useAction, useResource } from './common.tsx';

interface Complaint {
  id: string;
  reference: string;
  topic: string;
  text: string;
  status: string;
  helpRequestReference: string | null;
  receivedOn: string;
  acknowledgedOn: string | null;
  committee: boolean;
  postponedOn: string | null;
  postponementReason: string | null;
  decideBy: string;
  weeks: number;
  decidedOn: string | null;
  outcome: string | null;
  findings: string | null;
  deadline: string;
  subject: { displayName: string | null; email: string | null; phone: string | null };
  filedBy: { displayName: string | null; representative: boolean };
  handler: string | null;
  mayPostpone: boolean;
}

export function ComplaintQueuePage({ filter }: { filter: string }) {
  const { t } = useI18n();
  const f = ['open', 'overdue', 'decided', 'all'].includes(filter) ? filter : 'open';
  const { result } = useResource<{ complaints: Complaint[] }>(`/api/requests/complaints?filter=${f}`);
  return (
    <>
      <PageTitle title={t('rq.complaintsTitle')}>{t('rq.complaintsTitle')}</PageTitle>
      <Paragraph lead>{t('rq.complaintsIntro')}</Paragraph>
      <FilterLinks base="/werkplek/klachten" current={f} />
      <Loaded result={result}>
        {(d) => <QueueTable title={t('rq.complaintsTitle')} whatHeader={t('rq.topic')} rows={d.complaints.map((c) => ({ id: c.id, href: `/werkplek/klachten/${c.id}`, reference: c.reference, what: t(`topic.${c.topic}`), residentName: c.subject.displayName, receivedOn: c.receivedOn, dueOn: c.decideBy, status: c.status, deadline: c.deadline }))} />}
      </Loaded>
    </>
  );
}

export function ComplaintPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { result, reload } = useResource<Complaint>(`/api/requests/complaints/${encodeURIComponent(id)}`);
  const action = useAction(reload);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('unfounded');
  const [findings, setFindings] = useState('');
  const base = `/api/requests/complaints/${encodeURIComponent(id)}`;
  const ref = result.state === 'ok' ? result.data.reference : '';
  const title = ref ? t('rq.detailComplaint', { ref }) : t('rq.complaintsTitle');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <ActionMessage message={action.message} />
      <Loaded result={result}>
        {(c) => {
          const open = c.status === 'received' || c.status === 'acknowledged' || c.status === 'in_treatment';
          return (
            <>
              <Facts
                items={[
                  [t('rq.topic'), t(`topic.${c.topic}`)],
                  [t('rq.status'), <>{t(`st.${c.status}`)} <Deadline state={c.deadline} /></>],
                  [t('rq.resident'), c.subject.displayName ?? '—'],
                  [t('rq.contact'), [c.subject.phone, c.subject.email].filter(Boolean).join(', ') || '—'],
                  ...(c.filedBy.representative ? ([[t('rq.filedBy'), `${c.filedBy.displayName ?? '—'} (${t('rq.representative')})`]] as Array<[string, string]>) : []),
                  [t('rq.received'), day(c.receivedOn, lang)],
                  ...(c.acknowledgedOn ? ([[t('rq.acknowledgedOn'), day(c.acknowledgedOn, lang)]] as Array<[string, string]>) : []),
                  [t('rq.weeks'), String(c.weeks)],
                  [t('rq.due'), day(c.decideBy, lang)],
                  ...(c.postponedOn ? ([[t('rq.postponedOn'), `${day(c.postponedOn, lang)}: ${c.postponementReason ?? ''}`]] as Array<[string, string]>) : []),
                  ...(c.decidedOn ? ([[t('rq.decidedOn'), `${day(c.decidedOn, lang)} — ${t(`out.${c.outcome}`)}`]] as Array<[string, string]>) : []),
                ]}
              />
              <section className="zv-section" aria-labelledby="klacht">
                <Heading2 id="klacht">{t('rq.complaintText')}</Heading2>
                <Paragraph className="zv-prewrap">{c.text}</Paragraph>
              </section>
              {c.findings && (
                <section className="zv-section" aria-labelledby="bevindingen">
                  <Heading2 id="bevindingen">{t('rq.findings')}</Heading2>
                  <Paragraph className="zv-prewrap">{c.findings}</Paragraph>
                </section>
              )}
              {open && (
                <>
                  <div className="utrecht-button-group zv-section">
                    {c.status === 'received' && (
                      <Button appearance="secondary-action-button" disabled={action.busy} onClick={() => void action.run(`${base}/acknowledge`)}>
                        {t('rq.acknowledge')}
                      </Button>
                    )}
                    <Button appearance="secondary-action-button" disabled={action.busy} onClick={() => void action.run(`${base}/committee`, { committee: !c.committee })}>
                      {c.committee ? t('rq.noCommittee') : t('rq.committee')}
                    </Button>
                  </div>
                  {c.mayPostpone && (
                    <section className="zv-section" aria-labelledby="uitstellen">
                      <Heading2 id="uitstellen">{t('rq.postpone')}</Heading2>
                      <TextField id="uitstel-reden" label={t('rq.postponeReason')} value={reason} onChange={setReason} rows={3} />
                      <Button appearance="secondary-action-button" disabled={action.busy} onClick={() => void action.run(`${base}/postpone`, { reason })}>
                        {t('rq.postpone')}
                      </Button>
                    </section>
                  )}
                  <section className="zv-section" aria-labelledby="beslissen">
                    <Heading2 id="beslissen">{t('rq.decide')}</Heading2>
                    <Choice name="uitkomst" legend={t('rq.outcome')} options={['founded', 'partly_founded', 'unfounded', 'not_handled'].map((o) => [o, t(`out.${o}`)])} value={outcome} onChange={setOutcome} />
                    <TextField id="bevindingen-tekst" label={t('rq.findings')} value={findings} onChange={setFindings} rows={8} />
                    <Button appearance="primary-action-button" disabled={action.busy} onClick={() => void action.run(`${base}/decide`, { outcome, findings })}>
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
        <AppLink href="/werkplek/klachten">{t('rq.back')}</AppLink>
      </Paragraph>
    </>
  );
}
