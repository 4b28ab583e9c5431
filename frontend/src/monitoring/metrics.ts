// Dashboard figures computed from the API's runs and tasks: status counts, phase durations, bottlenecks, alerts.
import type { ExecutionStatus, Phase } from '../gql/graphql';
import { PHASES, isPhase } from '../workflow/phases';

export interface StepLike {
  phase?: Phase | null;
  stepType: string;
  status: string;
  durationSeconds?: number | null;
  waitingSeconds: number;
}

export interface RunLike {
  status: ExecutionStatus;
  steps: readonly StepLike[];
}

export interface PhaseDurationStats {
  phase: Phase;
  /** Finished phase steps measured. */
  count: number;
  avgSeconds: number | null;
  p50Seconds: number | null;
  p95Seconds: number | null;
  /** Average time waiting on people (human tasks) per measured phase. */
  avgWaitingSeconds: number | null;
  /** Average time the automatic work took per measured phase. */
  avgWorkingSeconds: number | null;
}

/** The p-th percentile (0..100) of ascending `sorted` values by nearest rank; null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Per phase, over the finished PHASE steps of the runs: average, p50, p95, waiting vs working. */
export function phaseDurations(runs: readonly RunLike[]): PhaseDurationStats[] {
  return PHASES.map((phase) => {
    const durations: number[] = [];
    const waiting: number[] = [];
    const working: number[] = [];
    for (const run of runs) {
      const phaseStep = run.steps.find(
        (s) => s.stepType === 'PHASE' && s.phase === phase && s.status === 'COMPLETED' && s.durationSeconds != null,
      );
      if (!phaseStep || phaseStep.durationSeconds == null) continue;
      const wait = run.steps
        .filter((s) => s.stepType === 'HUMAN_TASK' && s.phase === phase)
        .reduce((sum, s) => sum + s.waitingSeconds, 0);
      durations.push(phaseStep.durationSeconds);
      waiting.push(Math.min(wait, phaseStep.durationSeconds));
      working.push(Math.max(0, phaseStep.durationSeconds - wait));
    }
    const sorted = [...durations].sort((a, b) => a - b);
    return {
      phase,
      count: durations.length,
      avgSeconds: average(durations),
      p50Seconds: percentile(sorted, 50),
      p95Seconds: percentile(sorted, 95),
      avgWaitingSeconds: average(waiting),
      avgWorkingSeconds: average(working),
    };
  });
}

/** Share of finished runs that completed; null when none has finished. */
export function successRate(counts: Partial<Record<ExecutionStatus, number>>): number | null {
  const completed = counts.COMPLETED ?? 0;
  const finished = completed + (counts.FAILED ?? 0) + (counts.CANCELLED ?? 0) + (counts.TERMINATED ?? 0) + (counts.TIMED_OUT ?? 0);
  return finished === 0 ? null : completed / finished;
}

export interface OpenTaskLike {
  id: string;
  phase: Phase;
  createdAt: string;
  dueAt?: string | null;
}

export interface Bottleneck {
  phase: Phase;
  openCount: number;
  oldestAgeSeconds: number;
  overdueCount: number;
}

/** Phases with open human tasks, most open first: how many, the oldest's age, how many are past due. */
export function bottlenecks(tasks: readonly OpenTaskLike[], now: Date): Bottleneck[] {
  const byPhase = new Map<Phase, Bottleneck>();
  for (const task of tasks) {
    if (!isPhase(task.phase)) continue;
    const age = Math.max(0, (now.getTime() - Date.parse(task.createdAt)) / 1000);
    const entry = byPhase.get(task.phase) ?? { phase: task.phase, openCount: 0, oldestAgeSeconds: 0, overdueCount: 0 };
    entry.openCount += 1;
    entry.oldestAgeSeconds = Math.max(entry.oldestAgeSeconds, age);
    if (isOverdue(task, now)) entry.overdueCount += 1;
    byPhase.set(task.phase, entry);
  }
  return [...byPhase.values()].sort(
    (a, b) => b.openCount - a.openCount || b.oldestAgeSeconds - a.oldestAgeSeconds || PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase),
  );
}

/** An open task past its SLA. */
export function isOverdue(task: { dueAt?: string | null }, now: Date): boolean {
  return !!task.dueAt && Date.parse(task.dueAt) < now.getTime();
}
