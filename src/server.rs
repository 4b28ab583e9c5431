//! `synapse serve`: the API server on the configured address until Ctrl-C or SIGTERM.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::serve::ListenerExt;
use rand::RngCore;
use secrecy::SecretString;

use crate::auth::jwt::JwtKeys;
use crate::config::Config;

use crate::events::EventHub;
use crate::http::{AppState, app};
use crate::metrics::Metrics;
use crate::temporal::Gateway;

/// The state the server runs on: a pool, the schema and the signing keys.
pub async fn state(config: &Config) -> anyhow::Result<AppState> {
    let db = crate::db::connect(&config.database_url).await?;
    let secret = config.jwt_secret.clone().unwrap_or_else(|| {
        tracing::warn!("JWT_SECRET is not set: using a random secret; tokens end with this process");
        random_secret()
    });
    let keys = JwtKeys::new(&secret, Duration::from_secs(config.jwt_ttl_seconds));
    let gateway = Arc::new(Gateway::new(config));
    let hub = EventHub::new(db.clone(), Arc::new(Metrics::default()));
    hub.start(config.database_url.clone());
    let schema = crate::graphql::schema(db.clone(), keys.clone(), config.clone(), gateway.clone(), hub.clone());
    Ok(AppState { db, schema, keys, gateway, hub, config: Arc::new(config.clone()) })
}

/// Serves until a shutdown signal; with TEMPORAL_WORKER_ENABLED the worker runs in this process
/// too (on this task, since the worker's future is not `Send`; HTTP goes to a spawned task).
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let state = state(&config).await?;
    let listener = tokio::net::TcpListener::bind(config.bind_addr)
        .await
        .with_context(|| format!("binding {}", config.bind_addr))?;
    tracing::info!(addr = %config.bind_addr, "serving GraphQL at /graphql, GraphiQL at /graphiql");
    // Live events are small frames that must leave at once: no Nagle delay behind an unacknowledged one.
    let listener = listener.tap_io(|tcp| {
        if let Err(err) = tcp.set_nodelay(true) {
            tracing::debug!(error = %err, "could not set TCP_NODELAY");
        }
    });
    let http = axum::serve(listener, app(state, Some(&config.frontend_dist))).with_graceful_shutdown(shutdown_signal());
    if !config.temporal_worker_enabled {
        return http.await.context("serving HTTP");
    }
    let server = tokio::spawn(async move { http.await });
    tokio::select! {
        served = server => served.context("the HTTP task panicked")?.context("serving HTTP"),
        worked = run_worker(&config) => worked,
    }
}

/// Runs the Temporal worker alone until a shutdown signal.
pub async fn worker(config: Config) -> anyhow::Result<()> {
    tokio::select! {
        worked = run_worker(&config) => worked,
        () = shutdown_signal() => Ok(()),
    }
}

/// The worker, on a pool of its own (the API's queries are planned differently).
async fn run_worker(config: &Config) -> anyhow::Result<()> {
    let db = crate::db::connect_worker(&config.database_url).await?;
    worker::runner::run_worker(db, config.worker_config()).await
}

fn random_secret() -> SecretString {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    SecretString::from(bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
