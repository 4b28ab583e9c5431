//! `synapse serve`: the API server on the configured address until Ctrl-C or SIGTERM.

use std::time::Duration;

use anyhow::Context;
use rand::RngCore;
use secrecy::SecretString;

use crate::auth::jwt::JwtKeys;
use crate::config::Config;
use crate::http::{AppState, app};

/// The state the server runs on: a pool, the schema and the signing keys.
pub async fn state(config: &Config) -> anyhow::Result<AppState> {
    let db = crate::db::connect(&config.database_url).await?;
    let secret = config.jwt_secret.clone().unwrap_or_else(|| {
        tracing::warn!("JWT_SECRET is not set: using a random secret; tokens end with this process");
        random_secret()
    });
    let keys = JwtKeys::new(&secret, Duration::from_secs(config.jwt_ttl_seconds));
    let schema = crate::graphql::schema(db.clone(), keys.clone(), config.clone());
    Ok(AppState { db, schema, keys })
}

/// Serves until a shutdown signal.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let state = state(&config).await?;
    let listener = tokio::net::TcpListener::bind(config.bind_addr)
        .await
        .with_context(|| format!("binding {}", config.bind_addr))?;
    tracing::info!(addr = %config.bind_addr, "serving GraphQL at /graphql, GraphiQL at /graphiql");
    axum::serve(listener, app(state, Some(&config.frontend_dist)))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("serving HTTP")
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
