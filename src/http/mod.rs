//! The HTTP surface: GraphQL over POST and websocket, GraphiQL, health and readiness, and the
//! built frontend. `app` builds the whole router from state, so tests need no socket.

mod graphql;
mod health;
mod rest;
mod websocket;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{get, post};
use sea_orm::DatabaseConnection;
use tower_http::cors::CorsLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::auth::jwt::JwtKeys;
use crate::config::Config;
use crate::events::EventHub;
use crate::graphql::AppSchema;
use crate::temporal::Gateway;

/// Longest a request may take before the server gives up on it.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Largest request body accepted.
const MAX_BODY_BYTES: usize = 1024 * 1024;

/// What the handlers share.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub schema: AppSchema,
    pub keys: JwtKeys,
    pub gateway: Arc<Gateway>,
    pub hub: Arc<EventHub>,
    pub config: Arc<Config>,
}

/// The router serving `state`; `frontend_dist` is served at `/` when the folder exists.
pub fn app(state: AppState, frontend_dist: Option<&str>) -> Router {
    let api = Router::new()
        .route("/graphql", post(graphql::execute).get(graphql::graphiql))
        .route("/graphiql", get(graphql::graphiql))
        .route_service("/graphql/ws", websocket::subscriptions(&state))
        .route("/api/v1/workflow/start/{cycle_id}", post(rest::start_workflow))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .with_state(state);
    let router = match frontend_dist.filter(|dir| std::path::Path::new(dir).join("index.html").exists()) {
        // Client-side routes (e.g. /workflow-monitoring) fall back to the single-page app.
        Some(dir) => api.fallback_service(ServeDir::new(dir).fallback(ServeFile::new(format!("{dir}/index.html")))),
        None => api,
    };
    router
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(CorsLayer::permissive())
        .layer(TraceLayer::new_for_http())
}
