/** A small stacked bar chart, laid out here and drawn as SVG by the `chart` template (no script). */
export interface BarChart {
  id: string;
  title: string;
  /** The chart in one sentence: the SVG's accessible name. */
  summary: string;
  empty: boolean;
  width: number;
  height: number;
  bars: Array<{ x: number; y: number; width: number; height: number; series: number; label: string }>;
  ticks: Array<{ x: number; text: string }>;
  axis: { top: number; bottom: number; left: number; right: number; max: number };
  legend: Array<{ series: number; name: string; total: number }>;
  /** The same numbers as a table, for screen readers. */
  table: { heading: string; columns: string[]; rows: Array<{ label: string; values: number[] }> };
}

export interface ChartSpec {
  id: string;
  title: string;
  /** What the categories are, as the table's first column heading. */
  heading: string;
  /** One bar each, left to right, with the label shown under it (every `labelEvery`th). */
  categories: Array<{ key: string; label: string }>;
  series: Array<{ key: string; name: string }>;
  value: (category: string, series: string) => number;
  labelEvery?: number;
}

const W = 360;
const H = 150;
const PAD = { top: 12, bottom: 18, left: 30, right: 4 };

/** Lays out `spec` as stacked bars: one bar a category, one band a series, scaled to the tallest bar. */
export function stackedBars(spec: ChartSpec): BarChart {
  const rows = spec.categories.map((c) => ({ label: c.label, values: spec.series.map((s) => spec.value(c.key, s.key)) }));
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, rows.length);
  const barW = Math.max(1, Math.min(slot * 0.7, 40));
  const round = (n: number) => Math.round(n * 10) / 10;
  const bars: BarChart['bars'] = [];
  rows.forEach((row, i) => {
    let base = H - PAD.bottom;
    row.values.forEach((v, series) => {
      if (v === 0) return;
      const h = (v / max) * plotH;
      base -= h;
      const name = spec.series[series]?.name ?? '';
      bars.push({
        x: round(PAD.left + i * slot + (slot - barW) / 2),
        y: round(base),
        width: round(barW),
        height: round(h),
        series,
        label: `${row.label}: ${v} ${name}`,
      });
    });
  });
  const every = spec.labelEvery ?? 1;
  const totals = spec.series.map((_, s) => rows.reduce((sum, r) => sum + (r.values[s] ?? 0), 0));
  const total = totals.reduce((a, b) => a + b, 0);
  const parts = spec.series.map((s, i) => `${totals[i]} ${s.name}`).join(', ');
  return {
    id: spec.id,
    title: spec.title,
    summary: `${spec.title}: ${total} in all (${parts}).`,
    empty: total === 0,
    width: W,
    height: H,
    bars,
    ticks: rows.flatMap((r, i) =>
      i % every === 0
        ? [{ x: round(PAD.left + i * slot + slot / 2), text: r.label.length > 10 ? `${r.label.slice(0, 9)}…` : r.label }]
        : [],
    ),
    axis: { top: PAD.top, bottom: H - PAD.bottom, left: PAD.left, right: W - PAD.right, max },
    legend: spec.series.map((s, i) => ({ series: i, name: s.name, total: totals[i] ?? 0 })),
    table: { heading: spec.heading, columns: spec.series.map((s) => s.name), rows },
  };
}
