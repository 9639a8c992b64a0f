/**
 * Access restrictions on the households the professional is involved with (R5.2; Wmo 5.3.2, Jeugdwet
 * 7.3.10, UAVG 41): overdue reviews first; review each: still needed (next review date) or lift it.
 */
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { Loaded } from '../../shared/states.tsx';
import { Button, FormLabel, Heading2, Paragraph, Textbox } from '../../shared/ui.tsx';
import { ActionMessage, Choice, day, Deadline, Facts, TextField, useAction, useResource } from './common.tsx';

interface Label {
  code: string;
  nl: string;
  en: string;
}

interface Restriction {
  id: string;
  residentName: string | null;
  objectIds: string[];
  categories: Label[];
  appliesTo: 'all' | 'representatives';
  reason: Label;
  reasoning: string;
  discloseExistence: boolean;
  decidedBy: string;
  decidedAt: string;
  reviewOn: string;
  endedAt: string | null;
  review: string;
}

function ReviewForm({ r, onDone }: { r: Restriction; onDone(): void }) {
  const { t } = useI18n();
  const action = useAction(onDone);
  const [outcome, setOutcome] = useState('continue');
  const [next, setNext] = useState('');
  const [note, setNote] = useState('');
  return (
    <section aria-labelledby={`review-${r.id}`} className="zv-review">
      <Heading2 id={`review-${r.id}`} className="utrecht-heading-4">
        {t('rq.review')}
      </Heading2>
      <ActionMessage message={action.message} />
      <Choice name={`uitkomst-${r.id}`} legend={t('rq.review')} options={[['continue', t('rq.continue')], ['end', t('rq.end')]]} value={outcome} onChange={setOutcome} />
      {outcome === 'continue' && (
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor={`volgende-${r.id}`}>{t('rq.nextReview')}</FormLabel>
          </div>
          <div className="utrecht-form-field__input">
            <Textbox id={`volgende-${r.id}`} type="date" value={next} onChange={(e) => setNext(e.target.value)} />
          </div>
        </div>
      )}
      <TextField id={`notitie-${r.id}`} label={t('rq.note')} value={note} onChange={setNote} rows={2} />
      <Button
        appearance="secondary-action-button"
        disabled={action.busy}
        onClick={() => void action.run(`/api/restrictions/${encodeURIComponent(r.id)}/review`, { outcome, ...(outcome === 'continue' ? { nextReviewOn: next } : {}), ...(note ? { note } : {}) })}
      >
        {t('rq.save')}
      </Button>
    </section>
  );
}

export function RestrictionsPage() {
  const { t, lang } = useI18n();
  const { result, reload } = useResource<{ restrictions: Restriction[] }>('/api/restrictions');
  const pick = (l: Label) => (lang === 'en' ? l.en : l.nl);
  return (
    <>
      <PageTitle title={t('rq.restrictionsTitle')}>{t('rq.restrictionsTitle')}</PageTitle>
      <Paragraph lead>{t('rq.restrictionsIntro')}</Paragraph>
      <Loaded result={result}>
        {(d) =>
          d.restrictions.length === 0 ? (
            <Paragraph>{t('rq.restrictionsEmpty')}</Paragraph>
          ) : (
            <ul className="zv-records">
              {d.restrictions.map((r) => (
                <li className="zv-record" key={r.id}>
                  <Paragraph className="zv-record-title">
                    <strong>{r.residentName ?? '—'}</strong> {!r.endedAt && <Deadline state={r.review} />}
                  </Paragraph>
                  <Facts
                    items={[
                      [t('rq.withheld'), [r.categories.map(pick).join(', '), r.objectIds.length ? t('rq.records', { n: String(r.objectIds.length) }) : ''].filter(Boolean).join('; ')],
                      [t('rq.reason'), pick(r.reason)],
                      [t('rq.reasoning'), r.reasoning],
                      [t('rq.appliesTo'), r.appliesTo === 'all' ? t('rq.appliesAll') : t('rq.appliesReps')],
                      [t('rq.disclosed'), r.discloseExistence ? t('yes') : t('no')],
                      [t('rq.decidedBy'), `${r.decidedBy}, ${day(r.decidedAt, lang)}`],
                      [r.endedAt ? t('rq.ended', { date: day(r.endedAt, lang) }) : t('rq.reviewOn'), r.endedAt ? '—' : day(r.reviewOn, lang)],
                    ]}
                  />
                  {!r.endedAt && <ReviewForm r={r} onDone={reload} />}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}
