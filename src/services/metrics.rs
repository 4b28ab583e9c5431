//! The monitoring dashboard's figures, aggregated in PostgreSQL over the tracking tables: runs by
//! status and the success rate, per-phase durations (mean, p50, p95), where work waits, and a
//! daily trend. Three statements whatever the number of runs, run side by side on the pool.
//!
//! Every figure is about the runs started in a window. The unit is the per-report run (a child
//! execution: one report through the eight phases), which is what phases, tasks and durations
//! belong to; cycle runs (the parents, which only start and wait on their children) are counted
//! apart so that one cycle of five reports does not count as six runs.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use entity::enums::{ExecutionStatus, Phase};
use sea_orm::{ConnectionTrait, FromQueryResult, Iterable, Value};

use crate::auth::{Viewer, policy::Action};
use crate::db::statement;
use crate::error::{AppError, AppResult};

/// How far before `to` the window starts when `from` is not given.
pub const DEFAULT_WINDOW_DAYS: i64 = 30;

/// The runs the figures describe: those whose `started_at` lies in `[from, to]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

impl Window {
    /// `to` defaults to `now` and `from` to 30 days before `to` (not before `now`, so that a
    /// window ending in the past is still 30 days long); BAD_USER_INPUT when `from` is after `to`.
    pub fn new(from: Option<DateTime<Utc>>, to: Option<DateTime<Utc>>, now: DateTime<Utc>) -> AppResult<Self> {
        let to = to.unwrap_or(now);
        let from = from.unwrap_or(to - TimeDelta::days(DEFAULT_WINDOW_DAYS));
        if from > to {
            return Err(AppError::bad_input("from", "from must not be after to"));
        }
        Ok(Self { from, to })
    }
}

/// Runs per status, every status present (zero when none) in the order of the enumeration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusTotals(pub Vec<(ExecutionStatus, i64)>);

impl StatusTotals {
    fn from_counts(counts: &[(ExecutionStatus, i64)]) -> Self {
        Self(
            ExecutionStatus::iter()
                .map(|status| (status, counts.iter().filter(|(s, _)| *s == status).map(|(_, n)| n).sum()))
                .collect(),
        )
    }

    /// Runs of every status.
    pub fn total(&self) -> i64 {
        self.0.iter().map(|(_, n)| n).sum()
    }

    /// Runs in `status`.
    pub fn count(&self, status: ExecutionStatus) -> i64 {
        self.0.iter().find(|(s, _)| *s == status).map_or(0, |(_, n)| *n)
    }

    /// Completed runs over finished ones; null while none has finished. Cancelled and terminated
    /// runs count as finished without success: the test did not get done.
    pub fn success_rate(&self) -> Option<f64> {
        let completed = self.count(ExecutionStatus::Completed);
        let unsuccessful: i64 = [
            ExecutionStatus::Failed,
            ExecutionStatus::Cancelled,
            ExecutionStatus::Terminated,
            ExecutionStatus::TimedOut,
        ]
        .into_iter()
        .map(|s| self.count(s))
        .sum();
        ratio(completed, completed + unsuccessful)
    }
}

fn ratio(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Everything known about one phase over the window's per-report runs.
#[derive(Debug, Clone, PartialEq, FromQueryResult)]
pub struct PhaseFigures {
    pub phase: Phase,
    /// Rollups of finished runs in which the phase completed: the ones durations are measured on.
    pub completed_count: i64,
    pub skipped_count: i64,
    /// Rollups in which the phase failed or was compensated.
    pub failed_count: i64,
    pub avg_ms: Option<f64>,
    pub p50_ms: Option<f64>,
    pub p95_ms: Option<f64>,
    pub avg_working_ms: Option<f64>,
    pub avg_waiting_ms: Option<f64>,
    /// Activity attempts retried in the phase, in finished runs.
    pub retry_count: i64,
    /// Time waiting on people, in finished runs and so far in running ones.
    pub waiting_ms: i64,
    /// The phase's time not spent waiting on people, likewise.
    pub working_ms: i64,
    /// Running runs in the phase now.
    pub active_runs: i64,
    /// Open human tasks of the phase whose run still runs.
    pub open_tasks: i64,
    pub overdue_tasks: i64,
    /// Age of the oldest of those tasks.
    pub oldest_open_seconds: Option<f64>,
}

impl PhaseFigures {
    fn empty(phase: Phase) -> Self {
        Self {
            phase,
            completed_count: 0,
            skipped_count: 0,
            failed_count: 0,
            avg_ms: None,
            p50_ms: None,
            p95_ms: None,
            avg_working_ms: None,
            avg_waiting_ms: None,
            retry_count: 0,
            waiting_ms: 0,
            working_ms: 0,
            active_runs: 0,
            open_tasks: 0,
            overdue_tasks: 0,
            oldest_open_seconds: None,
        }
    }

    /// Whether runs of the window spent any time in the phase or anything waits in it.
    fn has_activity(&self) -> bool {
        self.open_tasks > 0 || self.active_runs > 0 || self.waiting_ms > 0 || self.working_ms > 0
    }
}

/// Runs started on one (UTC) day of the window.
#[derive(Debug, Clone, PartialEq, FromQueryResult)]
pub struct DayFigures {
    pub day: NaiveDate,
    /// Per-report runs started that day, and how they stand now.
    pub started: i64,
    pub completed: i64,
    /// FAILED or TIMED_OUT.
    pub failed: i64,
    /// CANCELLED or TERMINATED.
    pub cancelled: i64,
    /// Mean start-to-end time of the completed ones.
    pub avg_seconds: Option<f64>,
    pub cycle_runs_started: i64,
}

impl DayFigures {
    /// Completed over finished, as for the whole window.
    pub fn success_rate(&self) -> Option<f64> {
        ratio(self.completed, self.completed + self.failed + self.cancelled)
    }
}

/// The figures of one window.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowMetrics {
    pub window: Window,
    /// The instant ages are measured to.
    pub computed_at: DateTime<Utc>,
    pub report_runs: StatusTotals,
    pub cycle_runs: StatusTotals,
    /// One entry per phase, in workflow order.
    pub phases: Vec<PhaseFigures>,
    /// Days with at least one run started, oldest first.
    pub days: Vec<DayFigures>,
}

impl WorkflowMetrics {
    /// The phases runs spent time in or where something waits, worst first: most open tasks, then
    /// the oldest open task, then the most time waiting on people, then workflow order.
    pub fn bottlenecks(&self) -> Vec<&PhaseFigures> {
        let mut rows: Vec<&PhaseFigures> = self.phases.iter().filter(|p| p.has_activity()).collect();
        rows.sort_by(|a, b| {
            b.open_tasks
                .cmp(&a.open_tasks)
                .then(b.oldest_open_seconds.unwrap_or(0.0).total_cmp(&a.oldest_open_seconds.unwrap_or(0.0)))
                .then(b.waiting_ms.cmp(&a.waiting_ms))
                .then(phase_index(a.phase).cmp(&phase_index(b.phase)))
        });
        rows
    }
}

fn phase_index(phase: Phase) -> usize {
    Phase::ALL.iter().position(|p| *p == phase).unwrap_or(Phase::ALL.len())
}

/// Runs of the window per kind (cycle or per-report run) and status.
const TOTALS: &str = "
    SELECT parent_execution_id IS NULL AS cycle, status, count(*) AS runs
    FROM workflow_execution
    WHERE started_at BETWEEN $1 AND $2
    GROUP BY 1, 2";

/// One row per phase that the window's per-report runs reached or where a task waits.
///
/// `finished` reads the rollups `workflow_metrics` holds for finished runs; `live` measures the
/// runs still going from their steps the way the rollup will (waiting is the time of the phase's
/// human steps, open ones counted to now; working the rest of the phase's time). The rollup is
/// written in the transaction that ends a run, so the two never count one run twice. Tasks of
/// ended runs are left out: a cancelled run's tasks stay OPEN, but nothing waits on them.
const PHASES: &str = "
    WITH finished AS (
        SELECT m.phase,
               count(*) FILTER (WHERE m.status = 'COMPLETED') AS completed_count,
               count(*) FILTER (WHERE m.status = 'SKIPPED') AS skipped_count,
               count(*) FILTER (WHERE m.status IN ('FAILED', 'COMPENSATED')) AS failed_count,
               (avg(m.duration_ms) FILTER (WHERE m.status = 'COMPLETED'))::float8 AS avg_ms,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY m.duration_ms) FILTER (WHERE m.status = 'COMPLETED') AS p50_ms,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY m.duration_ms) FILTER (WHERE m.status = 'COMPLETED') AS p95_ms,
               (avg(m.working_ms) FILTER (WHERE m.status = 'COMPLETED'))::float8 AS avg_working_ms,
               (avg(m.waiting_ms) FILTER (WHERE m.status = 'COMPLETED'))::float8 AS avg_waiting_ms,
               sum(m.retry_count)::int8 AS retry_count,
               sum(m.waiting_ms)::int8 AS waiting_ms,
               sum(m.working_ms)::int8 AS working_ms
        FROM workflow_execution e JOIN workflow_metrics m ON m.execution_id = e.id
        WHERE e.parent_execution_id IS NOT NULL AND e.started_at BETWEEN $1 AND $2
        GROUP BY m.phase
    ),
    open_phases AS (
        SELECT p.phase, p.completed_at IS NULL AS active,
               GREATEST((EXTRACT(EPOCH FROM (COALESCE(p.completed_at, $3) - p.started_at)) * 1000)::int8, 0) AS elapsed_ms,
               COALESCE(h.waiting_ms, 0) AS waiting_ms
        FROM workflow_execution e
        JOIN workflow_step p ON p.execution_id = e.id AND p.step_type = 'PHASE' AND p.started_at IS NOT NULL
        LEFT JOIN LATERAL (
            SELECT sum(CASE WHEN s.completed_at IS NULL
                            THEN GREATEST((EXTRACT(EPOCH FROM ($3 - s.started_at)) * 1000)::int8, 0)
                            ELSE s.waiting_ms END)::int8 AS waiting_ms
            FROM workflow_step s
            WHERE s.execution_id = p.execution_id AND s.phase = p.phase AND s.step_type = 'HUMAN_TASK'
        ) h ON true
        WHERE e.parent_execution_id IS NOT NULL AND e.started_at BETWEEN $1 AND $2 AND e.completed_at IS NULL
    ),
    live AS (
        SELECT phase, count(*) FILTER (WHERE active) AS active_runs, sum(waiting_ms)::int8 AS waiting_ms,
               sum(GREATEST(elapsed_ms - waiting_ms, 0))::int8 AS working_ms
        FROM open_phases GROUP BY phase
    ),
    tasks AS (
        SELECT t.phase, count(*) AS open_tasks, count(*) FILTER (WHERE t.due_at < $3) AS overdue_tasks,
               min(t.created_at) AS oldest
        FROM human_task t LEFT JOIN workflow_execution e ON e.id = t.execution_id
        WHERE t.status = 'OPEN' AND e.completed_at IS NULL
          AND COALESCE(e.started_at, t.created_at) BETWEEN $1 AND $2
        GROUP BY t.phase
    )
    SELECT phase,
           COALESCE(f.completed_count, 0) AS completed_count,
           COALESCE(f.skipped_count, 0) AS skipped_count,
           COALESCE(f.failed_count, 0) AS failed_count,
           f.avg_ms, f.p50_ms, f.p95_ms, f.avg_working_ms, f.avg_waiting_ms,
           COALESCE(f.retry_count, 0) AS retry_count,
           COALESCE(f.waiting_ms, 0) + COALESCE(l.waiting_ms, 0) AS waiting_ms,
           COALESCE(f.working_ms, 0) + COALESCE(l.working_ms, 0) AS working_ms,
           COALESCE(l.active_runs, 0) AS active_runs,
           COALESCE(t.open_tasks, 0) AS open_tasks,
           COALESCE(t.overdue_tasks, 0) AS overdue_tasks,
           (EXTRACT(EPOCH FROM ($3 - t.oldest)))::float8 AS oldest_open_seconds
    FROM finished f FULL JOIN live l USING (phase) FULL JOIN tasks t USING (phase)";

/// The window's runs per UTC day they started on.
const DAYS: &str = "
    SELECT (started_at AT TIME ZONE 'UTC')::date AS day,
           count(*) FILTER (WHERE parent_execution_id IS NOT NULL) AS started,
           count(*) FILTER (WHERE parent_execution_id IS NOT NULL AND status = 'COMPLETED') AS completed,
           count(*) FILTER (WHERE parent_execution_id IS NOT NULL AND status IN ('FAILED', 'TIMED_OUT')) AS failed,
           count(*) FILTER (WHERE parent_execution_id IS NOT NULL AND status IN ('CANCELLED', 'TERMINATED')) AS cancelled,
           (avg(EXTRACT(EPOCH FROM (completed_at - started_at)))
                FILTER (WHERE parent_execution_id IS NOT NULL AND status = 'COMPLETED'))::float8 AS avg_seconds,
           count(*) FILTER (WHERE parent_execution_id IS NULL) AS cycle_runs_started
    FROM workflow_execution
    WHERE started_at BETWEEN $1 AND $2
    GROUP BY 1 ORDER BY 1";

#[derive(FromQueryResult)]
struct TotalRow {
    cycle: bool,
    status: ExecutionStatus,
    runs: i64,
}

/// The figures of `window`, ages measured to `now`; monitoring roles only (FORBIDDEN otherwise),
/// who see every cycle, so no row is filtered by visibility.
pub async fn workflow_metrics(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    window: Window,
    now: DateTime<Utc>,
) -> AppResult<WorkflowMetrics> {
    viewer.require(Action::Monitor)?;
    let range = || -> Vec<Value> { vec![window.from.into(), window.to.into()] };
    let (totals, phases, days) = futures::try_join!(
        TotalRow::find_by_statement(statement(TOTALS, range())).all(db),
        PhaseFigures::find_by_statement(statement(PHASES, [range(), vec![now.into()]].concat())).all(db),
        DayFigures::find_by_statement(statement(DAYS, range())).all(db),
    )?;
    let split = |cycle: bool| -> Vec<(ExecutionStatus, i64)> {
        totals.iter().filter(|row| row.cycle == cycle).map(|row| (row.status, row.runs)).collect()
    };
    let phases = Phase::ALL
        .into_iter()
        .map(|phase| {
            phases.iter().find(|row| row.phase == phase).cloned().unwrap_or_else(|| PhaseFigures::empty(phase))
        })
        .collect();
    Ok(WorkflowMetrics {
        window,
        computed_at: now,
        report_runs: StatusTotals::from_counts(&split(false)),
        cycle_runs: StatusTotals::from_counts(&split(true)),
        phases,
        days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339).map(|t| t.with_timezone(&Utc)).expect("a valid timestamp")
    }

    #[test]
    fn the_window_defaults_to_the_thirty_days_before_its_end() {
        let now = at("2026-11-25T12:00:00Z");
        assert_eq!(Window::new(None, None, now).ok(), Some(Window { from: at("2026-10-26T12:00:00Z"), to: now }));
        let to = at("2026-01-31T00:00:00Z");
        assert_eq!(Window::new(None, Some(to), now).ok(), Some(Window { from: at("2026-01-01T00:00:00Z"), to }));
        assert!(Window::new(Some(now), Some(now), now).is_ok(), "an instant is a window");
    }

    #[test]
    fn a_window_that_ends_before_it_starts_is_bad_input() {
        let now = at("2026-11-25T12:00:00Z");
        let err = Window::new(Some(at("2026-11-26T00:00:00Z")), None, now).err().map(|e| e.code());
        assert_eq!(err, Some("BAD_USER_INPUT"));
    }

    #[test]
    fn totals_list_every_status_and_rate_finished_runs() {
        let totals = StatusTotals::from_counts(&[
            (ExecutionStatus::Completed, 6),
            (ExecutionStatus::Failed, 1),
            (ExecutionStatus::Cancelled, 1),
            (ExecutionStatus::Running, 4),
        ]);
        assert_eq!(totals.0.len(), ExecutionStatus::iter().count());
        assert_eq!(totals.total(), 12);
        assert_eq!(totals.count(ExecutionStatus::TimedOut), 0);
        assert_eq!(totals.success_rate(), Some(0.75));
        assert_eq!(StatusTotals::from_counts(&[(ExecutionStatus::Running, 2)]).success_rate(), None);
    }

    #[test]
    fn bottlenecks_put_the_most_open_tasks_first_and_leave_idle_phases_out() {
        let with = |phase, open_tasks, oldest: Option<f64>, waiting_ms| PhaseFigures {
            open_tasks,
            oldest_open_seconds: oldest,
            waiting_ms,
            ..PhaseFigures::empty(phase)
        };
        let metrics = WorkflowMetrics {
            window: Window { from: at("2026-11-01T00:00:00Z"), to: at("2026-11-25T00:00:00Z") },
            computed_at: at("2026-11-25T00:00:00Z"),
            report_runs: StatusTotals::from_counts(&[]),
            cycle_runs: StatusTotals::from_counts(&[]),
            phases: vec![
                with(Phase::Planning, 0, None, 9_000),
                with(Phase::Scoping, 1, Some(60.0), 0),
                with(Phase::SampleSelection, 0, None, 0),
                with(Phase::RequestForInformation, 1, Some(600.0), 0),
                with(Phase::TestExecution, 0, None, 20_000),
            ],
            days: Vec::new(),
        };
        let order: Vec<Phase> = metrics.bottlenecks().into_iter().map(|p| p.phase).collect();
        assert_eq!(
            order,
            [Phase::RequestForInformation, Phase::Scoping, Phase::TestExecution, Phase::Planning],
            "open tasks, then the oldest, then waiting time; an idle phase is no bottleneck"
        );
    }
}
