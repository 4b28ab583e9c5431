//! One subscriber's stream: the backlog after `afterSeq` from the table, then live events from
//! the broadcast, filtered, with no gap and no duplicate. A subscriber that falls behind the
//! broadcast is caught up from the table; when the listener is down for good the stream ends
//! with an error instead of going silently stale.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use entity::workflow_event;
use futures::Stream;
use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::{broadcast, watch};

use super::{Event, EventHub, ListenerState};

/// Events read per catch-up query.
const CATCH_UP_CHUNK: u64 = 500;
/// Longest wait before a failed catch-up read is tried again.
const CATCH_UP_RETRY: std::time::Duration = std::time::Duration::from_millis(250);

/// Which events a subscriber wants.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventFilter {
    pub cycle_id: Option<i64>,
    pub execution_id: Option<i64>,
    /// Only phase starts, completions, skips, failures and compensations.
    pub phase_transitions_only: bool,
    /// Only the opening, completion and withdrawal of tasks addressed to this person.
    pub tasks_of: Option<Addressee>,
}

/// Someone tasks are addressed to: a task names a person, or only a role (then anyone with it);
/// besides, a role may also decide the tasks of one phase and kind (`Viewer::also_decides`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Addressee {
    pub user_id: i64,
    pub role: &'static str,
    /// The phase and kind of the tasks the role also decides.
    pub also: Option<(&'static str, &'static str)>,
}

impl Addressee {
    /// Whether a task event (its phase; its detail's `assigneeId`, `assigneeRole` and `kind`)
    /// concerns this person.
    fn addressed_by(&self, phase: Option<&str>, detail: &serde_json::Value) -> bool {
        let addressed = match detail["assigneeId"].as_i64() {
            Some(assignee) => assignee == self.user_id,
            None => detail["assigneeRole"].as_str() == Some(self.role),
        };
        addressed || self.also.is_some_and(|(p, k)| phase == Some(p) && detail["kind"].as_str() == Some(k))
    }

    /// The same test in SQL, for reading the backlog from the table.
    fn condition(&self) -> SimpleExpr {
        let addressed = Expr::cust_with_values(
            "CASE WHEN jsonb_typeof(detail -> 'assigneeId') = 'number' THEN (detail ->> 'assigneeId')::bigint = $1 \
             ELSE detail ->> 'assigneeRole' = $2 END",
            [sea_orm::Value::from(self.user_id), sea_orm::Value::from(self.role)],
        );
        match self.also {
            Some((phase, kind)) => addressed.or(Expr::cust_with_values(
                "phase::text = $1 AND detail ->> 'kind' = $2",
                [sea_orm::Value::from(phase), sea_orm::Value::from(kind)],
            )),
            None => addressed,
        }
    }
}

const PHASE_KINDS: [&str; 5] = ["PHASE_STARTED", "PHASE_COMPLETED", "PHASE_SKIPPED", "PHASE_FAILED", "COMPENSATED"];
const TASK_KINDS: [&str; 3] = ["TASK_OPENED", "TASK_COMPLETED", "TASK_CANCELLED"];

impl EventFilter {
    fn matches(&self, event: &workflow_event::Model) -> bool {
        self.cycle_id.is_none_or(|c| event.cycle_id == c)
            && self.execution_id.is_none_or(|e| event.execution_id == Some(e))
            && (!self.phase_transitions_only || PHASE_KINDS.contains(&event.kind.as_str()))
            && self.tasks_of.is_none_or(|a| {
                TASK_KINDS.contains(&event.kind.as_str())
                    && a.addressed_by(event.phase.map(|p| p.as_str()), &event.detail)
            })
    }

    fn condition(&self) -> Condition {
        let mut condition = Condition::all();
        if let Some(cycle) = self.cycle_id {
            condition = condition.add(workflow_event::Column::CycleId.eq(cycle));
        }
        if let Some(execution) = self.execution_id {
            condition = condition.add(workflow_event::Column::ExecutionId.eq(execution));
        }
        if self.phase_transitions_only {
            condition = condition.add(workflow_event::Column::Kind.is_in(PHASE_KINDS));
        }
        if let Some(addressee) = self.tasks_of {
            condition = condition.add(workflow_event::Column::Kind.is_in(TASK_KINDS)).add(addressee.condition());
        }
        condition
    }
}

/// Why a stream ended early.
#[derive(Debug, Clone, thiserror::Error)]
pub enum EventStreamError {
    /// The database is unreachable: events cannot be guaranteed any more.
    #[error("live events are unavailable: the database cannot be reached")]
    Unavailable,
}

struct State {
    hub: Arc<EventHub>,
    live: broadcast::Receiver<Event>,
    listener: watch::Receiver<ListenerState>,
    filter: EventFilter,
    /// The last sequence number delivered (or skipped as before `afterSeq`).
    last: i64,
    backlog: VecDeque<Event>,
    /// The table holds matching events after `last` not yet read.
    catching_up: bool,
    ended: bool,
    _counted: SubscriptionCount,
}

/// Keeps the active-subscriptions gauge while the stream lives.
struct SubscriptionCount(Arc<EventHub>);

impl SubscriptionCount {
    fn new(hub: Arc<EventHub>) -> Self {
        hub.metrics.active_subscriptions.fetch_add(1, Ordering::Relaxed);
        Self(hub)
    }
}

impl Drop for SubscriptionCount {
    fn drop(&mut self) {
        self.0.metrics.active_subscriptions.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The events matching `filter`: first those after `after_seq` from the table (when given),
/// then live ones.
pub fn subscribe(
    hub: &Arc<EventHub>,
    filter: EventFilter,
    after_seq: Option<i64>,
) -> impl Stream<Item = Result<Event, EventStreamError>> + Send + 'static + use<> {
    // Subscribe to the broadcast before reading the backlog, so nothing falls between the two.
    let state = State {
        hub: hub.clone(),
        live: hub.sender.subscribe(),
        listener: hub.state.subscribe(),
        filter,
        last: after_seq.unwrap_or(0),
        backlog: VecDeque::new(),
        catching_up: after_seq.is_some(),
        ended: false,
        _counted: SubscriptionCount::new(hub.clone()),
    };
    futures::stream::unfold(state, next)
}

async fn next(mut state: State) -> Option<(Result<Event, EventStreamError>, State)> {
    if state.ended {
        return None;
    }
    loop {
        if let Some(event) = state.backlog.pop_front() {
            state.last = event.seq;
            state.hub.metrics.events_delivered.fetch_add(1, Ordering::Relaxed);
            return Some((Ok(event), state));
        }
        if state.catching_up {
            // Boxed: the query's future is large and rarely needed, and a stream parked on the
            // broadcast keeps the space for its biggest await point for as long as it is idle.
            match Box::pin(catch_up(&state)).await {
                Ok(events) => {
                    state.catching_up = events.len() as u64 == CATCH_UP_CHUNK;
                    state.backlog.extend(events);
                    continue;
                }
                // A failed read (a busy pool, a dropped session) is tried again for as long as the
                // database counts as reachable; only a database down for longer than
                // `DOWN_AFTER` ends the stream, as it ends every stream.
                Err(_) => {
                    if *state.listener.borrow() == ListenerState::Down {
                        return end(state);
                    }
                    if let Ok(Err(_)) = tokio::time::timeout(CATCH_UP_RETRY, state.listener.changed()).await {
                        return None;
                    }
                    continue;
                }
            }
        }
        if *state.listener.borrow() == ListenerState::Down {
            return end(state);
        }
        tokio::select! {
            received = state.live.recv() => match received {
                Ok(event) => {
                    if event.seq > state.last && state.filter.matches(&event) {
                        state.backlog.push_back(event);
                    }
                }
                // Fell behind the broadcast: the table has everything, read from there.
                Err(RecvError::Lagged(_)) => state.catching_up = true,
                Err(RecvError::Closed) => return None,
            },
            changed = state.listener.changed() => {
                if changed.is_err() {
                    return None;
                }
            }
        }
    }
}

fn end(mut state: State) -> Option<(Result<Event, EventStreamError>, State)> {
    state.ended = true;
    Some((Err(EventStreamError::Unavailable), state))
}

async fn catch_up(state: &State) -> Result<Vec<Event>, sea_orm::DbErr> {
    state.hub.metrics.catch_up_queries.fetch_add(1, Ordering::Relaxed);
    let rows = workflow_event::Entity::find()
        .filter(workflow_event::Column::Seq.gt(state.last))
        .filter(state.filter.condition())
        .order_by_asc(workflow_event::Column::Seq)
        .limit(CATCH_UP_CHUNK)
        .all(&state.hub.db)
        .await?;
    Ok(rows.into_iter().map(Arc::new).collect())
}
