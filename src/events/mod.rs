//! Live events: the one LISTEN task of the process ([`listener`]) reads new `workflow_event`
//! rows by sequence range and broadcasts them in memory; each subscription ([`subscribe`]) is a
//! filter over that broadcast, preceded by a backlog from the table when it resumes, and caught
//! up from the table when it falls behind. An idle subscriber costs no query.

mod listener;
mod subscription;

use std::sync::Arc;
use std::time::Duration;

use entity::workflow_event;
use sea_orm::DatabaseConnection;
use tokio::sync::{broadcast, watch};

pub use subscription::{Addressee, EventFilter, EventStreamError, subscribe};

use crate::metrics::Metrics;

/// An event as read from the table.
pub type Event = Arc<workflow_event::Model>;

/// Where the LISTEN connection stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListenerState {
    /// Not connected yet.
    Starting,
    /// Connected and listening.
    Listening,
    /// Lost, trying again.
    Reconnecting,
    /// Unreachable for longer than [`DOWN_AFTER`]: open streams end with an error.
    Down,
}

impl ListenerState {
    /// Lower-case name for `/readyz`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Starting => "starting",
            Self::Listening => "listening",
            Self::Reconnecting => "reconnecting",
            Self::Down => "down",
        }
    }
}

/// How long the database may stay unreachable before open streams end with an error.
pub const DOWN_AFTER: Duration = Duration::from_secs(5);
/// Events kept for slow subscribers before they must catch up from the table.
const BROADCAST_CAPACITY: usize = 4096;

/// The process's event fan-out.
#[derive(Debug)]
pub struct EventHub {
    db: DatabaseConnection,
    sender: broadcast::Sender<Event>,
    state: watch::Sender<ListenerState>,
    metrics: Arc<Metrics>,
}

impl EventHub {
    /// A hub reading through `db`; call [`EventHub::start`] to begin listening.
    pub fn new(db: DatabaseConnection, metrics: Arc<Metrics>) -> Arc<Self> {
        let (sender, _) = broadcast::channel(BROADCAST_CAPACITY);
        let (state, _) = watch::channel(ListenerState::Starting);
        Arc::new(Self { db, sender, state, metrics })
    }

    /// Starts the LISTEN task on its own connection to `database_url`.
    pub fn start(self: &Arc<Self>, database_url: String) -> tokio::task::JoinHandle<()> {
        tokio::spawn(listener::run(self.clone(), database_url))
    }

    /// Where the LISTEN connection stands.
    pub fn state(&self) -> ListenerState {
        *self.state.borrow()
    }

    /// The process metrics.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    fn set_state(&self, state: ListenerState) {
        self.state.send_if_modified(|current| {
            let changed = *current != state;
            *current = state;
            changed
        });
        let up = i64::from(state == ListenerState::Listening);
        self.metrics.listener_up.store(up, std::sync::atomic::Ordering::Relaxed);
    }
}
