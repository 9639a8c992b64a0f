/**
 * My consents with withdrawal (AVG art. 7(3): as easy to withdraw as to give, effective at once), my
 * early signals (who is accountable and why, R7.2) and the professionals told of each other's
 * involvement with me (R1.5).
 */
import { useState } from 'react';
import { apiSend, useApi } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { Loaded } from '../shared/states.tsx';
import { Alert, Button, Heading2, Heading3, Paragraph } from '../shared/ui.tsx';
import { api, BackLink, ErrorAlert, errorText, Facts, formatDate, label, useSubject, type Label } from './common.tsx';

interface Consent {
  id: string;
  helpRequestReference: string | null;
  task: Label | null;
  kind: string;
  categories: Label[];
  recipient: string | null;
  purpose: string;
  givenAt: string;
  withdrawnAt: string | null;
}

interface Signal {
  id: string;
  kind: 'own_observation' | 'payment_arrears';
  status: string;
  receivedAt: string;
  creditor: { kind: string | null; name: string | null } | null;
  arrearsCents: number | null;
  observation: string | null;
  consultReason: string | null;
  accountable: { name: string | null; organisation: string | null };
  pickupReason: string | null;
  result: string | null;
  resultNote: string | null;
  contactAttempts: Array<{ kind: string; reached: boolean; attemptedOn: string }>;
}

interface Match {
  id: string;
  matchedAt: string;
  professionals: Array<{ name: string | null; functionTitle: string | null; organisation: string | null }>;
}

function ConsentCard({ c, onWithdrawn }: { c: Consent; onWithdrawn(updated: Consent): void }) {
  const { t, lang } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      onWithdrawn(await apiSend<Consent>('POST', `/api/mijn/consents/${encodeURIComponent(c.id)}/withdraw`));
      setAsking(false);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="zv-record">
      <Heading3>{c.purpose}</Heading3>
      <Facts
        items={[
          [t('consentFor'), [c.helpRequestReference, label(c.task, lang)].filter(Boolean).join(' — ') || '—'],
          [t('consentData'), c.categories.map((x) => label(x, lang)).join(', ')],
          [t('consentTo'), c.recipient ?? '—'],
          [t('consentGiven'), `${formatDate(c.givenAt, lang)} (${t(`kind_${c.kind}`)})`],
        ]}
      />
      <ErrorAlert message={error} />
      {c.withdrawnAt ? (
        <Paragraph>
          <strong>{t('consentWithdrawn', { date: formatDate(c.withdrawnAt, lang) })}</strong>
        </Paragraph>
      ) : asking ? (
        <div role="group" aria-label={t('withdraw')}>
          <Paragraph>{t('withdrawConfirm')}</Paragraph>
          <div className="utrecht-button-group">
            <Button appearance="primary-action-button" disabled={busy} onClick={() => void withdraw()}>
              {t('withdrawYes')}
            </Button>
            <Button appearance="secondary-action-button" disabled={busy} onClick={() => setAsking(false)}>
              {t('withdrawNo')}
            </Button>
          </div>
        </div>
      ) : (
        <Button appearance="secondary-action-button" onClick={() => setAsking(true)}>
          {t('withdraw')}
        </Button>
      )}
    </li>
  );
}

function ConsentList({ initial }: { initial: Consent[] }) {
  const { t } = useI18n();
  const [list, setList] = useState(initial);
  const [done, setDone] = useState(false);
  if (list.length === 0) return <Paragraph>{t('consentsEmpty')}</Paragraph>;
  return (
    <>
      {done && (
        <div className="zv-notice" role="status">
          <Alert type="ok">
            <Paragraph>{t('withdrawDone')}</Paragraph>
          </Alert>
        </div>
      )}
      <ul className="zv-records">
        {list.map((c) => (
          <ConsentCard
            key={c.id}
            c={c}
            onWithdrawn={(u) => {
              setList(list.map((x) => (x.id === u.id ? u : x)));
              setDone(true);
            }}
          />
        ))}
      </ul>
    </>
  );
}

function money(cents: number, lang: string): string {
  return (cents / 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' });
}

export function Consents() {
  const { t, lang } = useI18n();
  const subject = useSubject();
  const consents = useApi<{ consents: Consent[] }>(api('/api/mijn/consents', subject));
  const signals = useApi<{ signals: Signal[]; matches: Match[] }>(api('/api/mijn/signals', subject));
  return (
    <>
      <PageTitle title={t('consentsTitle')}>{t('consentsTitle')}</PageTitle>
      <Paragraph lead>{t('consentsIntro')}</Paragraph>
      <Loaded result={consents}>{(d) => <ConsentList initial={d.consents} />}</Loaded>
      <Loaded result={signals}>
        {(d) => (
          <>
            <section className="zv-section" aria-labelledby="signalen">
              <Heading2 id="signalen">{t('signalsTitle')}</Heading2>
              <Paragraph>{t('signalsIntro')}</Paragraph>
              {d.signals.length === 0 ? (
                <Paragraph>{t('signalsEmpty')}</Paragraph>
              ) : (
                <ul className="zv-records">
                  {d.signals.map((s) => (
                    <li className="zv-record" key={s.id}>
                      <Heading3>
                        {t(`signal_${s.kind}`)} — {formatDate(s.receivedAt, lang)}
                      </Heading3>
                      <Facts
                        items={[
                          ...(s.creditor ? ([[t('creditor'), s.creditor.name ?? '—']] as Array<[string, string]>) : []),
                          ...(s.arrearsCents !== null ? ([[t('arrears'), money(s.arrearsCents, lang)]] as Array<[string, string]>) : []),
                          ...(s.observation ? ([[t('signal_own_observation'), s.observation]] as Array<[string, string]>) : []),
                          ...(s.consultReason ? ([[t('consultReason'), s.consultReason]] as Array<[string, string]>) : []),
                          [t('accountable'), [s.accountable.name, s.accountable.organisation].filter(Boolean).join(', ') || '—'],
                          ...(s.result ? ([[t('outcome'), [s.result, s.resultNote].filter(Boolean).join(': ')]] as Array<[string, string]>) : []),
                          ...(s.contactAttempts.length
                            ? ([[t('contactAttempts'), s.contactAttempts.map((a) => `${formatDate(a.attemptedOn, lang)} (${a.kind}, ${a.reached ? t('reached') : t('notReached')})`).join('; ')]] as Array<[string, string]>)
                            : []),
                        ]}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="zv-section" aria-labelledby="samenwerking">
              <Heading2 id="samenwerking">{t('matchesTitle')}</Heading2>
              <Paragraph>{t('matchesIntro')}</Paragraph>
              {d.matches.length === 0 ? (
                <Paragraph>{t('matchesEmpty')}</Paragraph>
              ) : (
                <ul className="utrecht-unordered-list">
                  {d.matches.map((m) => (
                    <li className="utrecht-unordered-list__item" key={m.id}>
                      {m.professionals.map((p) => [p.name, p.functionTitle, p.organisation].filter(Boolean).join(', ')).join(lang === 'nl' ? ' en ' : ' and ')} ({t('matchedOn', { date: formatDate(m.matchedAt, lang) })})
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </Loaded>
      <BackLink />
    </>
  );
}
