//! The API's way to Temporal: one client per process, connected on first use so that the API
//! serves reads while Temporal is down, and every failure to reach it reads as UNAVAILABLE.

use temporalio_client::Client;
use tokio::sync::OnceCell;
use worker::runner::{TemporalTarget, connect};

use crate::config::Config;
use crate::error::{AppError, AppResult};

/// A lazily connected Temporal client plus where workflows go.
#[derive(Debug)]
pub struct Gateway {
    target: TemporalTarget,
    client: OnceCell<Client>,
    /// Task queue the worker polls.
    pub task_queue: String,
    /// Prefix of workflow ids.
    pub id_prefix: String,
}

impl Gateway {
    /// A gateway to the Temporal of `config` (not yet connected).
    pub fn new(config: &Config) -> Self {
        Self {
            target: TemporalTarget { host: config.temporal_host.clone(), namespace: config.temporal_namespace.clone() },
            client: OnceCell::new(),
            task_queue: config.temporal_task_queue.clone(),
            id_prefix: config.temporal_workflow_id_prefix.clone(),
        }
    }

    /// The client, connecting now if this is the first use; UNAVAILABLE when Temporal is not
    /// reachable (and the next call tries again).
    pub async fn client(&self) -> AppResult<&Client> {
        self.client
            .get_or_try_init(|| async {
                connect(&self.target).await.map_err(|err| {
                    tracing::warn!(error = %err, "Temporal is unreachable");
                    AppError::Unavailable("the workflow engine is unavailable".to_owned())
                })
            })
            .await
    }
}
