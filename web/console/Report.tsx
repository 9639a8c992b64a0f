/**
 * The council report (R10.1): per period, aggregates only, every count below 5 shown as "<5"; a bar chart
 * per section (SVG styled by class names: the Content-Security-Policy allows no inline styles), drawn from
 * the same geometry as the PDF; downloads as PDF and CSV.
 */
import { barChart, type BarDatum } from '../../src/core/accountability/chart.ts';
import { useApi } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { navigate, useLocation } from '../shared/router.tsx';
import { Loaded } from '../shared/states.tsx';
import { Alert, Heading2, Link, Paragraph } from '../shared/ui.tsx';
import type { ReportT } from './types.ts';
import { formatDateTime, PeriodForm, Table } from './ui.tsx';

function yearStart(): string {
  return `${new Date().getUTCFullYear()}-01-01`;
}

export function Chart({ data, label }: { data: BarDatum[]; label: string }) {
  const c = barChart(data);
  return (
    // The table next to it holds the same figures for screen readers; the chart is a picture of them.
    <svg className="zv-chart" viewBox={`0 0 ${c.width} ${c.height}`} width={c.width} height={c.height} aria-hidden="true" focusable="false" data-label={label}>
      {c.bars.map((b) => (
        <g key={b.key}>
          <text x={0} y={b.textY}>
            {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
          </text>
          <rect className={b.suppressed ? 'zv-bar zv-bar--suppressed' : 'zv-bar'} x={b.x} y={b.y} width={b.width} height={b.height} />
          <text className="zv-chart__value" x={b.valueX} y={b.textY}>
            {b.display}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function CouncilReport() {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  const from = iso.test(query.get('van') ?? '') ? query.get('van')! : yearStart();
  const to = iso.test(query.get('tot') ?? '') ? query.get('tot')! : new Date().toISOString().slice(0, 10);
  const qs = `from=${from}&to=${to}&lang=${lang}`;
  const r = useApi<ReportT>(`/api/console/report/council?${qs}`);
  return (
    <>
      <PageTitle title={t('reportTitle')}>{t('reportTitle')}</PageTitle>
      <Paragraph lead>{t('reportIntro')}</Paragraph>
      <PeriodForm from={from} to={to} onSubmit={(f, u) => navigate(`/toezicht/raadsrapportage?van=${f}&tot=${u}`)} submitLabel={t('show')} key={`${from}${to}`} />
      <div className="zv-actions">
        <Link href={`/api/console/report/council.pdf?${qs}`} download>
          {t('downloadPdf')}
        </Link>
        <Link href={`/api/console/report/council.csv?${qs}`} download>
          {t('downloadCsv')}
        </Link>
      </div>
      <Loaded result={r}>
        {(rep) => (
          <>
            <Paragraph>
              {rep.title} — {rep.municipality}. {t('reportMeta', { v: rep.catalogueVersion, at: formatDateTime(rep.generatedAt, lang) })}
            </Paragraph>
            <Paragraph>{rep.intro}</Paragraph>
            {rep.sections.map((s) => (
              <section key={s.key} className="zv-section" aria-labelledby={`sectie-${s.key}`}>
                <Heading2 id={`sectie-${s.key}`}>{s.title}</Heading2>
                {s.status === 'not_recorded' ? (
                  <Alert type="info">
                    <Paragraph>{s.note}</Paragraph>
                  </Alert>
                ) : (
                  <>
                    <Table
                      hideCaption
                      caption={s.title}
                      head={['', ...s.columns.map((c) => c.label)]}
                      numeric={s.columns.map((_, i) => i + 1)}
                      rows={s.rows.map((row) => [row.label, ...s.columns.map((c) => row.cells.find((x) => x.column === c.key)?.shown.label ?? '')])}
                    />
                    {s.chart && (
                      <Chart
                        label={s.title}
                        data={s.rows
                          .filter((row) => row.key !== 'total')
                          .map((row) => {
                            const cell = row.cells.find((x) => x.column === s.chart)!;
                            return { key: row.key, label: row.label, value: cell.shown.value, display: cell.shown.label };
                          })}
                      />
                    )}
                  </>
                )}
              </section>
            ))}
            <section className="zv-section" aria-labelledby="sectie-integriteit">
              <Heading2 id="sectie-integriteit">{t('integrityOfLog')}</Heading2>
              {rep.integrity.lines.map((l) => (
                <Paragraph key={l} className="zv-mono">
                  {l}
                </Paragraph>
              ))}
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}
