/**
 * Access reviews (BIO2 5.18.02: every right yearly; 8.02.01: privileged rights quarterly): the schedule,
 * overdue first; per professional the current involvements — the only thing that gives access — and the
 * residents and categories they can see now (from the same decide() as the gate); sign off, or revoke
 * involvements: they end now, and with them the access.
 */
import { useState } from 'react';
import { useApi } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { AppLink } from '../shared/router.tsx';
import { Loaded } from '../shared/states.tsx';
import { Alert, Button, Heading2, Paragraph } from '../shared/ui.tsx';
import type { ReviewRowT, ScheduleT } from './types.ts';
import { AreaField, Badge, Checkbox, formatDate, formatDateTime, SendError, Table, useSend } from './ui.tsx';

export function scheduleBadge(s: ScheduleT, t: (k: string) => string) {
  return <Badge kind={s.status === 'overdue' ? 'danger' : s.status === 'due_soon' ? 'warning' : 'safe'}>{t(`status.${s.status}`)}</Badge>;
}

export function Reviews() {
  const { t, lang } = useI18n();
  const r = useApi<{ professionals: ReviewRowT[] }>('/api/console/access-reviews');
  return (
    <>
      <PageTitle title={t('reviewsTitle')}>{t('reviewsTitle')}</PageTitle>
      <Paragraph lead>{t('reviewsIntro')}</Paragraph>
      <Loaded result={r}>
        {(v) => (
          <Table
            caption={t('reviewsCaption')}
            head={[t('col.who'), t('col.organisation'), t('col.roles'), t('col.involvements'), t('col.cadence'), t('col.due'), t('col.status')]}
            numeric={[3]}
            rows={v.professionals.map((p) => [
              <AppLink href={`/toezicht/toegangsreview/${p.professionalId}`} key="l">
                {p.displayName}
              </AppLink>,
              p.organisation,
              p.roles.map((x) => t(`role.${x}`)).join(', ') || '—',
              String(p.currentInvolvements),
              t(`cadence.${p.schedule.cadence}`),
              formatDate(p.schedule.due, lang),
              scheduleBadge(p.schedule, t),
            ])}
          />
        )}
      </Loaded>
    </>
  );
}

interface DetailT extends ReviewRowT {
  involvements: Array<{ id: string; householdReference: string; helpRequestReference: string | null; task: string | null; subActivity: string | null; role: string; maxConfidentiality: string; validFrom: string }>;
  history: Array<{ id: string; reviewedAt: string; reviewedBy: string; outcome: string; kept: number; revoked: number; note: string | null }>;
  grants: Array<{ residentId: string; householdId: string; categories: string[]; purposes: string[] }>;
}

export function ReviewDetail({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const r = useApi<DetailT>(`/api/console/access-reviews/${encodeURIComponent(id)}`);
  const [revoke, setRevoke] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const s = useSend<{ reviewId: string; revoked: string[]; schedule: ScheduleT }>();
  const decide = () => s.send('POST', `/api/console/access-reviews/${encodeURIComponent(id)}`, { outcome: revoke.length ? 'revoked' : 'signed_off', revoke, note: note.trim() || null });
  return (
    <Loaded result={r}>
      {(d) => (
        <>
          <PageTitle title={t('reviewOf', { name: d.displayName })}>{t('reviewOf', { name: d.displayName })}</PageTitle>
          <Paragraph>
            {d.functionTitle}, {d.organisation}. {t(`cadence.${d.schedule.cadence}`)} ({d.schedule.rule}); {t('col.due').toLowerCase()} {formatDate(d.schedule.due, lang)} {scheduleBadge(d.schedule, t)}
          </Paragraph>
          <Heading2>{t('currentInvolvements')}</Heading2>
          {d.involvements.length === 0 ? (
            <Paragraph>{t('noInvolvements')}</Paragraph>
          ) : (
            <fieldset className="zv-fieldset">
              <legend className="utrecht-form-fieldset__legend">{t('revokeLegend')}</legend>
              <Table
                caption={t('currentInvolvements')}
                head={[t('col.revoke'), t('col.household'), t('col.helpRequest'), t('col.role'), t('col.maxLevel'), t('col.since')]}
                rows={d.involvements.map((i) => [
                  <Checkbox
                    key="c"
                    id={`intrekken-${i.id}`}
                    label={t('revokeThis', { ref: i.helpRequestReference ?? i.householdReference })}
                    checked={revoke.includes(i.id)}
                    onChange={(on) => setRevoke(on ? [...revoke, i.id] : revoke.filter((x) => x !== i.id))}
                  />,
                  i.householdReference,
                  i.helpRequestReference ? `${i.helpRequestReference} (${i.task ?? ''})` : i.subActivity ?? t('wholeHousehold'),
                  t(`irole.${i.role}`),
                  i.maxConfidentiality,
                  formatDate(i.validFrom.slice(0, 10), lang),
                ])}
              />
            </fieldset>
          )}
          <Heading2>{t('grants')}</Heading2>
          <Paragraph>{t('grantsIntro')}</Paragraph>
          <Table caption={t('grants')} head={[t('col.resident'), t('col.categories'), t('col.purposes')]} numeric={[2]} rows={d.grants.map((g) => [<span className="zv-mono" key="r">{g.residentId}</span>, g.categories.join(', '), String(g.purposes.length)])} />
          <Heading2>{t('decision')}</Heading2>
          <AreaField id="notitie" label={t('decisionNote')} value={note} onChange={setNote} rows={2} maxLength={2000} />
          <SendError code={s.error} />
          {s.result ? (
            <Alert type="ok" live>
              <Paragraph>{s.result.revoked.length ? t('revokedDone', { n: String(s.result.revoked.length) }) : t('signedOffDone', { due: formatDate(s.result.schedule.due, lang) })}</Paragraph>
            </Alert>
          ) : (
            <div className="zv-actions">
              <Button appearance="primary-action-button" disabled={s.busy} onClick={() => void decide()}>
                {revoke.length ? t('revokeSelected', { n: String(revoke.length) }) : t('signOffAccess')}
              </Button>
            </div>
          )}
          <Heading2>{t('history')}</Heading2>
          <Table
            caption={t('history')}
            head={[t('col.when'), t('col.reviewedBy'), t('col.outcome'), t('col.kept'), t('col.revoked'), t('col.note')]}
            numeric={[3, 4]}
            rows={d.history.map((h) => [formatDateTime(h.reviewedAt, lang), h.reviewedBy, t(`outcome.${h.outcome}`), String(h.kept), String(h.revoked), h.note ?? '—'])}
          />
          <Paragraph>
            <AppLink href="/toezicht/toegangsreview">{t('backReviews')}</AppLink>
          </Paragraph>
        </>
      )}
    </Loaded>
  );
}
