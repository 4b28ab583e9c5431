//! The one LISTEN connection of the process. A notification carries only a sequence number;
//! the listener reads every event after the last one it broadcast, in one range query per burst
//! (notifications for numbers already read cost nothing). A health probe every half second
//! notices a dead database within a second even when no notification is due; after any loss the
//! listener reconnects with backoff and reads the gap from the table before going on.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use entity::workflow_event;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use sqlx::postgres::{PgListener, PgPoolOptions};
use tokio::sync::watch;

use super::{DOWN_AFTER, EventHub, ListenerState};

/// Most events read in one range query.
const RANGE_LIMIT: u64 = 1000;
/// Interval of the health probe.
const PROBE_EVERY: Duration = Duration::from_millis(500);
/// Longest one connection attempt may take: long enough for a database busy with many sessions
/// to fork one more, short enough that a refused attempt retried inside the driver still ends
/// within `DOWN_AFTER`.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(4);
/// Longest a probe may take before the database counts as unreachable.
const PROBE_TIMEOUT: Duration = Duration::from_millis(900);

/// Runs for the life of the process.
pub async fn run(hub: Arc<EventHub>, database_url: String) {
    // Unknown until the first connection: events before this process started are not replayed.
    let mut last_seq: Option<i64> = None;
    let mut backoff = Duration::from_millis(100);
    let mut lost_since: Option<Instant> = None;
    let mut connected_once = false;
    loop {
        // sqlx keeps retrying a failed connect for its pool's whole acquire timeout; bound it so
        // the state (and so the streams) follow the database closely.
        let connected = match tokio::time::timeout(CONNECT_TIMEOUT, connect(&database_url)).await {
            Ok(Ok(mut listener)) => listener.listen(worker::events::CHANNEL).await.map(|()| listener).ok(),
            Ok(Err(_)) | Err(_) => None,
        };
        if let Some(mut listener) = connected {
            if connected_once {
                hub.metrics.listener_reconnects.fetch_add(1, Ordering::Relaxed);
            }
            connected_once = true;
            // Whatever was committed while we were away comes from the table first.
            let caught_up = match last_seq {
                Some(seq) => read_after(&hub, seq).await,
                None => current_max(&hub).await,
            };
            match caught_up {
                Ok(seq) => {
                    hub.set_state(ListenerState::Listening);
                    tracing::info!(last_seq = seq, "listening for workflow events");
                    lost_since = None;
                    backoff = Duration::from_millis(100);
                    let last = listen(&hub, &mut listener, seq).await;
                    last_seq = Some(last);
                    tracing::warn!(last_seq = last, "the LISTEN connection was lost");
                }
                Err(err) => tracing::warn!(error = %err, "reading missed events failed"),
            }
        }
        let since = *lost_since.get_or_insert_with(Instant::now);
        hub.set_state(if since.elapsed() >= DOWN_AFTER { ListenerState::Down } else { ListenerState::Reconnecting });
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(2));
    }
}

/// A listening session on a pool of its own (the driver reconnects through it), with the
/// options every session of this process gets.
async fn connect(database_url: &str) -> Result<PgListener, sqlx::Error> {
    let options = crate::db::session_options(database_url)?;
    let pool =
        PgPoolOptions::new().max_connections(1).max_lifetime(None).idle_timeout(None).connect_with(options).await?;
    PgListener::connect_with(&pool).await
}

/// Serves notifications until the connection or the database fails; returns the last sequence
/// number broadcast.
async fn listen(hub: &Arc<EventHub>, listener: &mut PgListener, mut last_seq: i64) -> i64 {
    let (dead_tx, mut dead_rx) = watch::channel(false);
    let probe = tokio::spawn(probe(hub.clone(), dead_tx));
    loop {
        tokio::select! {
            received = listener.try_recv() => match received {
                Ok(Some(notification)) => {
                    let seq: i64 = notification.payload().parse().unwrap_or(i64::MAX);
                    if seq > last_seq {
                        match read_after(hub, last_seq).await {
                            Ok(read) => last_seq = read,
                            Err(err) => {
                                tracing::warn!(error = %err, "reading new events failed");
                                break;
                            }
                        }
                    }
                }
                // None: the connection was lost; sqlx would reconnect silently, we want to know.
                Ok(None) | Err(_) => break,
            },
            _ = dead_rx.changed() => break,
        }
    }
    probe.abort();
    last_seq
}

/// Pings the database every [`PROBE_EVERY`]; flags the connection dead when a ping fails.
async fn probe(hub: Arc<EventHub>, dead: watch::Sender<bool>) {
    let mut every = tokio::time::interval(PROBE_EVERY);
    loop {
        every.tick().await;
        let alive = matches!(tokio::time::timeout(PROBE_TIMEOUT, hub.db.ping()).await, Ok(Ok(())));
        if !alive {
            let _ = dead.send(true);
            return;
        }
    }
}

async fn current_max(hub: &EventHub) -> Result<i64, sea_orm::DbErr> {
    let max: Option<Option<i64>> = workflow_event::Entity::find()
        .select_only()
        .column_as(workflow_event::Column::Seq.max(), "max")
        .into_tuple()
        .one(&hub.db)
        .await?;
    Ok(max.flatten().unwrap_or(0))
}

/// Broadcasts every event after `after`, in order; returns the last sequence number read.
async fn read_after(hub: &EventHub, mut after: i64) -> Result<i64, sea_orm::DbErr> {
    loop {
        hub.metrics.listener_queries.fetch_add(1, Ordering::Relaxed);
        let rows = workflow_event::Entity::find()
            .filter(workflow_event::Column::Seq.gt(after))
            .order_by_asc(workflow_event::Column::Seq)
            .limit(RANGE_LIMIT)
            .all(&hub.db)
            .await?;
        let full = rows.len() as u64 == RANGE_LIMIT;
        for row in rows {
            after = row.seq;
            let lag = chrono::Utc::now().signed_duration_since(row.occurred_at).num_milliseconds();
            hub.metrics.fanout_lag_ms.store(lag, Ordering::Relaxed);
            hub.metrics.events_broadcast.fetch_add(1, Ordering::Relaxed);
            // No receivers is fine: nobody is watching right now.
            let _ = hub.sender.send(Arc::new(row));
        }
        if !full {
            return Ok(after);
        }
    }
}
