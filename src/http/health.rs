//! Liveness (`/healthz`: the process answers) and readiness (`/readyz`: it can reach the database).

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use serde_json::{Value, json};

use super::AppState;
use crate::events::ListenerState;

/// The process is up.
pub async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// The process can serve: the database answers and live events flow.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let listener = state.hub.state();
    let database = state.db.ping().await;
    if let Err(err) = &database {
        tracing::warn!(error = %err, "readiness check: database unreachable");
    }
    let ready = database.is_ok() && listener == ListenerState::Listening;
    let body = json!({
        "status": if ready { "ready" } else { "unavailable" },
        "database": if database.is_ok() { "up" } else { "down" },
        "listener": listener.as_str(),
    });
    (if ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE }, Json(body))
}

/// Prometheus metrics of the live pipeline.
pub async fn metrics(State(state): State<AppState>) -> ([(header::HeaderName, &'static str); 1], String) {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], state.hub.metrics().render())
}
