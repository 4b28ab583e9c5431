//! `WorkflowMetrics`: the monitoring dashboard's figures as the API shows them, converted from the
//! metrics service (milliseconds become seconds, as everywhere else in the schema).

use async_graphql::SimpleObject;
use chrono::{DateTime, Utc};

use crate::graphql::enums::{ExecutionStatus, Phase};
use crate::graphql::scalars::Date;
use crate::services::metrics::{self, DayFigures, PhaseFigures, StatusTotals};

fn seconds(ms: i64) -> f64 {
    ms as f64 / 1000.0
}

fn opt_seconds(ms: Option<f64>) -> Option<f64> {
    ms.map(|ms| ms / 1000.0)
}

/// Figures over the workflow runs started in a window. The unit is the per-report run (one
/// report through the eight phases, a child of its cycle's run), which is what phases, tasks and
/// durations belong to; the cycles' own runs are counted apart in `totalCycleRuns`.
#[derive(SimpleObject)]
pub struct WorkflowMetrics {
    /// Start of the window: runs started at or after this instant count.
    pub from: DateTime<Utc>,
    /// End of the window: runs started at or before this instant count.
    pub to: DateTime<Utc>,
    /// When the figures were computed; ages of open tasks are measured to this instant.
    pub computed_at: DateTime<Utc>,
    /// Per-report runs started in the window.
    pub total_runs: i64,
    /// Per-report runs by current status: every status, zero included, in the enumeration's order.
    pub totals_by_status: Vec<ExecutionStatusCount>,
    /// Share (0 to 1) of the finished per-report runs (COMPLETED, FAILED, CANCELLED, TERMINATED,
    /// TIMED_OUT) that COMPLETED; null while none has finished.
    pub success_rate: Option<f64>,
    /// Cycle runs (the parents of the per-report runs) started in the window.
    pub total_cycle_runs: i64,
    /// Cycle runs by current status: every status, zero included.
    pub cycle_totals_by_status: Vec<ExecutionStatusCount>,
    /// Per phase, in workflow order (all eight): durations of the phase in the window's finished
    /// per-report runs.
    pub phase_durations: Vec<PhaseDurationMetrics>,
    /// Phases where runs of the window spent time or where a task waits, worst first: most open
    /// tasks, then the oldest open task, then the most time waiting on people.
    pub bottlenecks: Vec<PhaseBottleneck>,
    /// Per UTC day on which at least one run of the window started, oldest first (days without
    /// a run are left out).
    pub daily_trend: Vec<DailyWorkflowTrend>,
}

/// How many runs are in one status.
#[derive(SimpleObject)]
pub struct ExecutionStatusCount {
    /// The status.
    pub status: ExecutionStatus,
    /// Runs in it.
    pub count: i64,
}

/// How long one phase took, from the per-phase rollups written when a run finishes. Durations are
/// measured on the rollups in which the phase COMPLETED; skipped and failed ones are only counted.
#[derive(SimpleObject)]
pub struct PhaseDurationMetrics {
    /// The phase.
    pub phase: Phase,
    /// Finished runs in which the phase completed: the durations below are over these.
    pub completed_count: i64,
    /// Finished runs in which the phase was skipped.
    pub skipped_count: i64,
    /// Finished runs in which the phase failed or was compensated.
    pub failed_count: i64,
    /// Mean seconds from the phase's start to its end; null when none completed.
    pub avg_seconds: Option<f64>,
    /// Median seconds (continuous percentile, interpolated between neighbouring values).
    pub p50_seconds: Option<f64>,
    /// 95th percentile of the seconds (continuous, interpolated).
    pub p95_seconds: Option<f64>,
    /// Mean seconds of the phase not spent waiting on people.
    pub avg_working_seconds: Option<f64>,
    /// Mean seconds the phase's human tasks waited on people (summed over its tasks, so parallel
    /// tasks can make it exceed the phase's own duration).
    pub avg_waiting_seconds: Option<f64>,
    /// Activity attempts retried in the phase, over all finished runs of the window.
    pub retry_count: i64,
}

/// Where work waits in one phase: time waiting on people against time working, in the window's
/// per-report runs (finished ones from their rollups, running ones so far), and the human tasks
/// still open. Tasks of runs that already ended are not counted: nothing waits on them.
#[derive(SimpleObject)]
pub struct PhaseBottleneck {
    /// The phase.
    pub phase: Phase,
    /// Seconds the phase's human tasks waited on people, summed over runs and tasks.
    pub waiting_seconds: f64,
    /// Seconds of the phase not spent waiting on people, summed over runs.
    pub working_seconds: f64,
    /// `waitingSeconds` over `waitingSeconds + workingSeconds`; null when both are zero.
    pub waiting_share: Option<f64>,
    /// Runs in the phase now.
    pub active_run_count: i64,
    /// Human tasks of the phase still open.
    pub open_task_count: i64,
    /// Open tasks past their due time.
    pub overdue_task_count: i64,
    /// Seconds since the oldest open task was opened; null when none is open.
    pub oldest_open_task_age_seconds: Option<f64>,
}

/// The runs started on one UTC day, and how they stand now.
#[derive(SimpleObject)]
pub struct DailyWorkflowTrend {
    /// The day (UTC).
    pub date: Date,
    /// Per-report runs started that day.
    pub started: i64,
    /// Of those, runs that COMPLETED.
    pub completed: i64,
    /// Of those, runs that FAILED or TIMED_OUT.
    pub failed: i64,
    /// Of those, runs that were CANCELLED or TERMINATED.
    pub cancelled: i64,
    /// Completed over finished, as `WorkflowMetrics.successRate`; null while none has finished.
    pub success_rate: Option<f64>,
    /// Mean seconds from start to end of the completed ones; null when none completed.
    pub avg_duration_seconds: Option<f64>,
    /// Cycle runs started that day.
    pub cycle_runs_started: i64,
}

fn by_status(totals: &StatusTotals) -> Vec<ExecutionStatusCount> {
    totals.0.iter().map(|(status, count)| ExecutionStatusCount { status: (*status).into(), count: *count }).collect()
}

impl From<&PhaseFigures> for PhaseDurationMetrics {
    fn from(p: &PhaseFigures) -> Self {
        Self {
            phase: p.phase.into(),
            completed_count: p.completed_count,
            skipped_count: p.skipped_count,
            failed_count: p.failed_count,
            avg_seconds: opt_seconds(p.avg_ms),
            p50_seconds: opt_seconds(p.p50_ms),
            p95_seconds: opt_seconds(p.p95_ms),
            avg_working_seconds: opt_seconds(p.avg_working_ms),
            avg_waiting_seconds: opt_seconds(p.avg_waiting_ms),
            retry_count: p.retry_count,
        }
    }
}

impl From<&PhaseFigures> for PhaseBottleneck {
    fn from(p: &PhaseFigures) -> Self {
        let total = p.waiting_ms + p.working_ms;
        Self {
            phase: p.phase.into(),
            waiting_seconds: seconds(p.waiting_ms),
            working_seconds: seconds(p.working_ms),
            waiting_share: (total > 0).then(|| p.waiting_ms as f64 / total as f64),
            active_run_count: p.active_runs,
            open_task_count: p.open_tasks,
            overdue_task_count: p.overdue_tasks,
            // A task stamped by the database a moment after the API's clock is not negative in age.
            oldest_open_task_age_seconds: p.oldest_open_seconds.map(|s| s.max(0.0)),
        }
    }
}

impl From<&DayFigures> for DailyWorkflowTrend {
    fn from(d: &DayFigures) -> Self {
        Self {
            date: Date(d.day),
            started: d.started,
            completed: d.completed,
            failed: d.failed,
            cancelled: d.cancelled,
            success_rate: d.success_rate(),
            avg_duration_seconds: d.avg_seconds,
            cycle_runs_started: d.cycle_runs_started,
        }
    }
}

impl From<metrics::WorkflowMetrics> for WorkflowMetrics {
    fn from(m: metrics::WorkflowMetrics) -> Self {
        Self {
            from: m.window.from,
            to: m.window.to,
            computed_at: m.computed_at,
            total_runs: m.report_runs.total(),
            totals_by_status: by_status(&m.report_runs),
            success_rate: m.report_runs.success_rate(),
            total_cycle_runs: m.cycle_runs.total(),
            cycle_totals_by_status: by_status(&m.cycle_runs),
            phase_durations: m.phases.iter().map(Into::into).collect(),
            bottlenecks: m.bottlenecks().into_iter().map(Into::into).collect(),
            daily_trend: m.days.iter().map(Into::into).collect(),
        }
    }
}
