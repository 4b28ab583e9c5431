//! The publisher: events committed at a steady rate, each in its own transaction, each stamped
//! before its append and timed until its COMMIT returned.

use std::time::Duration;

use anyhow::{anyhow, bail};
use sea_orm::TransactionTrait;
use serde_json::json;
use worker::events::{EventKind, NewEvent};

use super::client::now_micros;

/// One committed event.
#[derive(Debug, Clone, Copy)]
pub struct Published {
    pub seq: i64,
    /// The wall clock written into `detail.committedAtMicros`, taken just before the append.
    pub stamped_us: i64,
    /// The wall clock when COMMIT returned.
    pub committed_us: i64,
}

/// Commits `count` events at `rate` per second on a thread and runtime of its own (so that the
/// load client's work does not delay the commits), each in its own transaction.
pub async fn publish(
    url: String,
    cycle_id: i64,
    rate: f64,
    count: usize,
    tag: String,
) -> anyhow::Result<Vec<Published>> {
    tokio::task::spawn_blocking(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        runtime.block_on(async move {
            let db = synapse::db::connect(&url).await?;
            let mut published = Vec::with_capacity(count);
            let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
            for i in 0..count {
                tick.tick().await;
                let txn = db.begin().await?;
                let stamped_us = now_micros();
                let event = NewEvent {
                    cycle_id,
                    report_id: None,
                    execution_id: None,
                    phase: None,
                    kind: EventKind::AlertRaised,
                    status: "BENCH".to_owned(),
                    detail: json!({ "committedAtMicros": stamped_us, "bench": i }),
                    key: format!("{tag}-{i}"),
                };
                let key = event.key.clone();
                if !worker::events::append(&txn, event).await? {
                    bail!("event key {key} reused");
                }
                txn.commit().await?;
                let committed_us = now_micros();
                // The number is handed out at commit; read it back (outside the timed span).
                let seq = worker::events::committed_seq(&db, &key).await?.ok_or_else(|| anyhow!("{key} not stored"))?;
                published.push(Published { seq, stamped_us, committed_us });
            }
            db.close().await?;
            anyhow::Ok(published)
        })
    })
    .await?
}
