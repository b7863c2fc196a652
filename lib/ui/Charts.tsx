import type { BenchmarkSummary, Count } from './overview';

/**
 * Small inline SVG charts, drawn by Preact (labels are text nodes, never markup). Each has a <title>
 * per mark so hovering tells the exact number, and an aria-label summing it up.
 */

const LABEL_WIDTH = 170;
const BAR_HEIGHT = 18;
const GAP = 5;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Horizontal bars, one per label, longest on top. */
export function BarChart({ counts, label, width = 460 }: { counts: Count[]; label: string; width?: number }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const barSpace = width - LABEL_WIDTH - 40;
  const height = counts.length * (BAR_HEIGHT + GAP);
  return (
    <svg class="chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {counts.map((c, i) => {
        const y = i * (BAR_HEIGHT + GAP);
        const w = Math.max(2, (c.count / max) * barSpace);
        return (
          <g key={c.label} class="bar">
            <title>{`${c.label}: ${c.count}`}</title>
            <text x={LABEL_WIDTH - 6} y={y + BAR_HEIGHT / 2} text-anchor="end" dominant-baseline="central">
              {clip(c.label, 26)}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={w} height={BAR_HEIGHT} rx={3} />
            <text x={LABEL_WIDTH + w + 4} y={y + BAR_HEIGHT / 2} dominant-baseline="central" class="value">
              {c.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Vertical columns over time (months), with the first month of each year labelled. */
export function ColumnChart({ counts, label, width = 460, height = 140 }: { counts: Count[]; label: string; width?: number; height?: number }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const plotHeight = height - 20;
  const step = width / Math.max(1, counts.length);
  return (
    <svg class="chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {counts.map((c, i) => {
        const h = (c.count / max) * (plotHeight - 14);
        const x = i * step;
        const labelled = i === 0 || c.label.endsWith('-01');
        return (
          <g key={c.label} class="bar">
            <title>{`${c.label}: ${c.count}`}</title>
            <rect x={x + 1} y={plotHeight - h} width={Math.max(1, step - 2)} height={h} rx={2} />
            {c.count > 0 && step >= 16 && (
              <text x={x + step / 2} y={plotHeight - h - 3} text-anchor="middle" class="value">
                {c.count}
              </text>
            )}
            {labelled && (
              <text x={x + 1} y={height - 4} class="axis">
                {c.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** One row per benchmark: papers reporting on it (bar), and the values reported for its main metric (dots). */
export function BenchmarkChart({ summaries, width = 640 }: { summaries: BenchmarkSummary[]; width?: number }) {
  const rowHeight = 34;
  const barSpace = 140;
  const stripX = LABEL_WIDTH + barSpace + 40;
  const stripWidth = width - stripX - 50;
  const maxPapers = Math.max(1, ...summaries.map((s) => s.papers));
  const height = summaries.length * rowHeight;
  return (
    <svg class="chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Benchmarks results are most often reported on">
      {summaries.map((s, i) => {
        const y = i * rowHeight;
        const w = Math.max(2, (s.papers / maxPapers) * barSpace);
        const lo = Math.min(...s.values);
        const hi = Math.max(...s.values);
        const at = (v: number) => stripX + (hi === lo ? stripWidth / 2 : ((v - lo) / (hi - lo)) * stripWidth);
        return (
          <g key={s.benchmark} class="bar">
            <title>{`${s.benchmark}: ${s.papers} papers; ${s.metric || 'no metric named'} in ${s.metricPapers}`}</title>
            <text x={LABEL_WIDTH - 6} y={y + 10} text-anchor="end" dominant-baseline="central">
              {clip(s.benchmark, 26)}
            </text>
            <text x={LABEL_WIDTH - 6} y={y + 24} text-anchor="end" dominant-baseline="central" class="axis">
              {clip(s.metric, 30)}
            </text>
            <rect x={LABEL_WIDTH} y={y + 4} width={w} height={BAR_HEIGHT} rx={3} />
            <text x={LABEL_WIDTH + w + 4} y={y + 4 + BAR_HEIGHT / 2} dominant-baseline="central" class="value">
              {s.papers}
            </text>
            {s.values.length > 0 && (
              <g class="strip">
                <line x1={stripX} x2={stripX + stripWidth} y1={y + 13} y2={y + 13} />
                {s.values.map((v, j) => (
                  <circle key={j} cx={at(v)} cy={y + 13} r={3.5}>
                    <title>{`${v}${s.unit}`}</title>
                  </circle>
                ))}
                <text x={stripX} y={y + 28} class="axis">
                  {`${lo}${s.unit}`}
                </text>
                {hi !== lo && (
                  <text x={stripX + stripWidth} y={y + 28} text-anchor="end" class="axis">
                    {`${hi}${s.unit}`}
                  </text>
                )}
              </g>
            )}
          </g>
        );
      })}
    </svg>
  );
}
