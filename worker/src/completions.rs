//! Completed activity steps, committed in groups. Every tracked activity records its step row
//! before it reports success to Temporal. One by one, that is a statement and a commit (with its
//! WAL flush) per activity; here the rows that arrive while one group is being written form the
//! next group, written in one statement. Each activity still waits until its own row is
//! committed, so nothing Temporal counts as done is missing from the table. An idle worker writes
//! each row at once: a group is whatever is waiting, never a timer.

use sea_orm::{DatabaseConnection, DbErr};
use serde::Serialize;
use tokio::sync::{mpsc, oneshot};

use crate::phases::insert_batch;
use crate::tracking::ActivityAttempt;

/// The most rows one statement carries.
const MAX_GROUP: usize = 256;

/// A completed step's row.
#[derive(Debug, Serialize)]
struct CompletedStep {
    execution_id: i64,
    step_key: String,
    phase: Option<&'static str>,
    name: String,
    attempt: i32,
    took_secs: f64,
}

/// A row waiting to be written, and who waits for it.
struct Pending {
    step: CompletedStep,
    committed: oneshot::Sender<Result<(), String>>,
}

/// The writer's queue. Cloned into every activity's dependencies.
#[derive(Debug, Clone)]
pub struct CompletedSteps {
    queue: mpsc::UnboundedSender<Pending>,
}

impl CompletedSteps {
    /// Starts the writer on the current runtime.
    pub fn start(db: DatabaseConnection) -> Self {
        let (queue, waiting) = mpsc::unbounded_channel();
        tokio::spawn(write_groups(db, waiting));
        Self { queue }
    }

    /// Records `attempt` completed after `took`; returns once the row is committed.
    pub async fn record(&self, attempt: &ActivityAttempt, took: std::time::Duration) -> Result<(), DbErr> {
        let (committed, outcome) = oneshot::channel();
        let step = CompletedStep {
            execution_id: attempt.scope.execution_id,
            step_key: attempt.step_key(),
            phase: attempt.phase.map(|p| p.as_str()),
            name: attempt.activity_type.clone(),
            attempt: i32::try_from(attempt.attempt).unwrap_or(i32::MAX),
            took_secs: took.as_secs_f64(),
        };
        let stopped = || DbErr::Custom("the step writer has stopped".to_owned());
        self.queue.send(Pending { step, committed }).map_err(|_| stopped())?;
        outcome.await.map_err(|_| stopped())?.map_err(DbErr::Custom)
    }
}

/// One row per step, the latest attempt's: a late, timed-out attempt may complete in the same
/// group as its retry, and one statement cannot write a row twice.
fn one_per_step<'a>(steps: impl Iterator<Item = &'a CompletedStep>) -> Vec<&'a CompletedStep> {
    let mut kept: Vec<&CompletedStep> = Vec::new();
    for step in steps {
        match kept.iter_mut().find(|k| (k.execution_id, &k.step_key) == (step.execution_id, &step.step_key)) {
            Some(earlier) if earlier.attempt < step.attempt => *earlier = step,
            Some(_) => {}
            None => kept.push(step),
        }
    }
    kept
}

/// Writes what is waiting, one group per statement, until every sender is gone.
async fn write_groups(db: DatabaseConnection, mut waiting: mpsc::UnboundedReceiver<Pending>) {
    let mut group = Vec::new();
    while waiting.recv_many(&mut group, MAX_GROUP).await > 0 {
        let steps = one_per_step(group.iter().map(|p| &p.step));
        let outcome = insert_batch(
            &db,
            // A row is created here when the attempt was quick enough never to be shown running.
            "INSERT INTO workflow_step (execution_id, step_key, phase, name, step_type, status, attempt, started_at,
                    completed_at)
             SELECT x.execution_id, x.step_key, x.phase, x.name, 'ACTIVITY', 'COMPLETED', x.attempt,
                    now() - make_interval(secs => x.took_secs), now()
             FROM jsonb_to_recordset($1::jsonb)
                  AS x(execution_id bigint, step_key text, phase phase, name text, attempt int, took_secs float8)
             ON CONFLICT (execution_id, step_key) DO UPDATE SET
                status = 'COMPLETED', attempt = EXCLUDED.attempt, completed_at = now(), error = NULL,
                started_at = COALESCE(workflow_step.started_at, EXCLUDED.started_at)",
            &steps,
        )
        .await
        .map(drop)
        .map_err(|err| err.to_string());
        for pending in group.drain(..) {
            // An activity that gave up waiting has nobody to tell.
            let _ = pending.committed.send(outcome.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(execution_id: i64, key: &str, attempt: i32) -> CompletedStep {
        CompletedStep {
            execution_id,
            step_key: key.to_owned(),
            phase: None,
            name: "a".to_owned(),
            attempt,
            took_secs: 0.0,
        }
    }

    #[test]
    fn a_group_keeps_each_steps_latest_attempt_once_in_arrival_order() {
        let group =
            [step(1, "activity:1", 2), step(1, "activity:2", 1), step(1, "activity:1", 1), step(2, "activity:1", 1)];
        let kept: Vec<(i64, &str, i32)> =
            one_per_step(group.iter()).into_iter().map(|s| (s.execution_id, s.step_key.as_str(), s.attempt)).collect();
        assert_eq!(kept, [(1, "activity:1", 2), (1, "activity:2", 1), (2, "activity:1", 1)]);
    }
}
