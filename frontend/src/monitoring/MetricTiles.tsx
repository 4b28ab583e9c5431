// The headline numbers: runs by status, success rate, open and overdue tasks, compensations.
import { formatPercent } from '../format/format';
import type { ExecutionStatus } from '../gql/graphql';
import { successRate } from './metrics';
import type { MonitoringData } from './types';

interface Tile {
  id: string;
  label: string;
  value: string;
  tone?: 'good' | 'bad' | 'busy';
}

export function MetricTiles({ data, overdue }: { data: MonitoringData; overdue: number }) {
  const counts: Record<ExecutionStatus, number> = {
    PENDING: data.pending.totalCount,
    RUNNING: data.running.totalCount,
    COMPLETED: data.completed.totalCount,
    FAILED: data.failed.totalCount,
    CANCELLED: data.cancelled.totalCount,
    TERMINATED: data.terminated.totalCount,
    TIMED_OUT: data.timedOut.totalCount,
  };
  const tiles: Tile[] = [
    { id: 'total', label: 'Runs (cycle and per report)', value: String(data.all.totalCount) },
    { id: 'running', label: 'Running', value: String(counts.RUNNING + counts.PENDING), tone: 'busy' },
    { id: 'completed', label: 'Completed', value: String(counts.COMPLETED), tone: 'good' },
    { id: 'failed', label: 'Failed or timed out', value: String(counts.FAILED + counts.TIMED_OUT), tone: 'bad' },
    { id: 'cancelled', label: 'Cancelled or terminated', value: String(counts.CANCELLED + counts.TERMINATED) },
    { id: 'success-rate', label: 'Success rate (finished runs)', value: formatPercent(successRate(counts)) },
    { id: 'open-tasks', label: 'Open human tasks', value: String(data.openTasks.totalCount), tone: 'busy' },
    { id: 'overdue-tasks', label: 'Overdue tasks', value: String(overdue), tone: overdue > 0 ? 'bad' : 'good' },
    { id: 'compensations', label: 'Compensations', value: String(data.compensationLogs.totalCount) },
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
