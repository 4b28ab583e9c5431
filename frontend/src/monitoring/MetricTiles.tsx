// The headline numbers from the server's figures: report runs by status, success rate, cycle runs, open and overdue tasks, compensations.
import { formatPercent } from '../format/format';
import { countOf, taskTotals } from './metrics';
import type { Metrics } from './types';

interface Tile {
  id: string;
  label: string;
  value: string;
  tone?: 'good' | 'bad' | 'busy';
}

export function MetricTiles({ metrics, compensations }: { metrics: Metrics; compensations: number }) {
  const runs = metrics.totalsByStatus;
  const tasks = taskTotals(metrics.bottlenecks);
  const tiles: Tile[] = [
    { id: 'total', label: 'Report runs', value: String(metrics.totalRuns) },
    { id: 'running', label: 'Running', value: String(countOf(runs, 'RUNNING', 'PENDING')), tone: 'busy' },
    { id: 'completed', label: 'Completed', value: String(countOf(runs, 'COMPLETED')), tone: 'good' },
    { id: 'failed', label: 'Failed or timed out', value: String(countOf(runs, 'FAILED', 'TIMED_OUT')), tone: 'bad' },
    { id: 'cancelled', label: 'Cancelled or terminated', value: String(countOf(runs, 'CANCELLED', 'TERMINATED')) },
    { id: 'success-rate', label: 'Success rate (finished runs)', value: formatPercent(metrics.successRate) },
    {
      id: 'cycle-runs',
      label: `Cycle runs (${countOf(metrics.cycleTotalsByStatus, 'COMPLETED')} completed)`,
      value: String(metrics.totalCycleRuns),
    },
    { id: 'open-tasks', label: 'Open human tasks', value: String(tasks.open), tone: 'busy' },
    { id: 'overdue-tasks', label: 'Overdue tasks', value: String(tasks.overdue), tone: tasks.overdue > 0 ? 'bad' : 'good' },
    { id: 'compensations', label: 'Compensations', value: String(compensations) },
  ];
  return (
    <ul className="tiles" aria-label="Key figures">
      {tiles.map((tile) => (
        <li key={tile.id} className={`tile${tile.tone ? ` tile--${tile.tone}` : ''}`} data-testid={`metric-${tile.id}`}>
          <span className="tile__value">{tile.value}</span>
          <span className="tile__label">{tile.label}</span>
        </li>
      ))}
    </ul>
  );
}
