// The daily trend from the server: report runs started per UTC day of the period, split by how they stand now.
import { useMemo } from 'react';
import { fillTrend } from './metrics';
import type { Metrics } from './types';

const SEGMENTS = [
  { key: 'completed', label: 'completed' },
  { key: 'failed', label: 'failed' },
  { key: 'cancelled', label: 'cancelled' },
  { key: 'open', label: 'still going' },
] as const;

export function DailyTrendChart({ metrics }: { metrics: Metrics }) {
  const days = useMemo(() => fillTrend(metrics.dailyTrend, metrics.from, metrics.to), [metrics]);
  const most = Math.max(1, ...days.map((d) => d.started));
  const first = days.at(0)?.date;
  const last = days.at(-1)?.date;
  return (
    <section className="card" aria-labelledby="trend-title">
      <h2 id="trend-title">Daily trend</h2>
      <p className="muted small">
        Report runs started each day (UTC) from {first ?? '—'} to {last ?? '—'}, by how they stand now.
      </p>
      <ol className="trend" data-testid="daily-trend">
        {days.map((day) => {
          const parts = SEGMENTS.filter((s) => day[s.key] > 0).map((s) => `${day[s.key]} ${s.label}`);
          const label = `${day.date}: ${day.started} started${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
          return (
            <li key={day.date} className="trend__day" aria-label={label} title={label}>
              <span className="trend__bar" style={{ height: `${(day.started / most) * 100}%` }}>
                {SEGMENTS.map((s) =>
                  day[s.key] > 0 ? (
                    <span key={s.key} className={`trend__segment trend__segment--${s.key}`} style={{ flexGrow: day[s.key] }} />
                  ) : null,
                )}
              </span>
            </li>
          );
        })}
      </ol>
      <ul className="trend__legend small" aria-hidden="true">
        {SEGMENTS.map((s) => (
          <li key={s.key}>
            <span className={`trend__swatch trend__segment--${s.key}`} /> {s.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
