/**
 * The geometry of a horizontal bar chart, computed once and drawn twice: as SVG elements in the console
 * (styled by class names only: the Content-Security-Policy forbids inline styles) and with pdfkit in the
 * council report. A suppressed count ("<5") gets no bar of its own length: it is drawn as a short
 * outlined stub, so the chart cannot be measured to recover it. Pure.
 */
export interface BarDatum {
  key: string;
  label: string;
  /** null: suppressed. */
  value: number | null;
  /** What is printed next to the bar ("12", "<5"). */
  display: string;
}

export interface Bar {
  key: string;
  label: string;
  display: string;
  suppressed: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Baseline of the label text (left of the bar) and of the value text (right of the bar). */
  textY: number;
  valueX: number;
}

export interface BarChart {
  width: number;
  height: number;
  labelWidth: number;
  max: number;
  bars: Bar[];
}

export interface ChartOptions {
  width: number;
  labelWidth: number;
  barHeight: number;
  gap: number;
  valueWidth: number;
  stubWidth: number;
}

export const CHART_DEFAULTS: Readonly<ChartOptions> = { width: 640, labelWidth: 220, barHeight: 22, gap: 10, valueWidth: 56, stubWidth: 6 };

export function barChart(data: readonly BarDatum[], opts: Partial<ChartOptions> = {}): BarChart {
  const o = { ...CHART_DEFAULTS, ...opts };
  const max = Math.max(1, ...data.map((d) => d.value ?? 0));
  const plot = o.width - o.labelWidth - o.valueWidth;
  const bars = data.map((d, i) => {
    const y = i * (o.barHeight + o.gap);
    const suppressed = d.value === null;
    const width = suppressed ? o.stubWidth : Math.max(d.value! > 0 ? 1 : 0, Math.round((d.value! / max) * plot));
    return {
      key: d.key,
      label: d.label,
      display: d.display,
      suppressed,
      x: o.labelWidth,
      y,
      width,
      height: o.barHeight,
      textY: y + Math.round(o.barHeight * 0.7),
      valueX: o.labelWidth + width + 6,
    };
  });
  const height = data.length === 0 ? o.barHeight : data.length * (o.barHeight + o.gap) - o.gap;
  return { width: o.width, height, labelWidth: o.labelWidth, max, bars };
}
