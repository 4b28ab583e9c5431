//! The seed's REST call, `POST /api/v1/workflow/start/{cycle_id}` with
//! `{"report_ids": [...], "skip_phases": [...]}`, for scripts written against the seed. It runs
//! the same service as `startWorkflow` and answers errors with the same codes. The body is read
//! as JSON whatever its declared type (`curl -d` declares a form) and may be empty; a body or a
//! cycle id that cannot be read is BAD_USER_INPUT, in the same JSON shape as every other error.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use entity::enums::{ApprovalMode, Phase};
use serde::Deserialize;
use serde_json::{Value, json};

use super::AppState;
use crate::error::AppError;
use crate::services::workflows::{self, StartRequest};

/// The seed's request body.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartBody {
    report_ids: Option<Vec<i64>>,
    #[serde(default)]
    skip_phases: Vec<Phase>,
    approval_mode: Option<ApprovalMode>,
    /// A scheduled start (RFC 3339); at once when absent.
    start_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Starts a cycle's workflow.
pub async fn start_workflow(
    State(state): State<AppState>,
    Path(cycle_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, Json<Value>) {
    let authorization = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    let viewer = match state.keys.identify(authorization) {
        Ok(viewer) => viewer,
        Err(err) => return error(&err.into()),
    };
    let Ok(cycle_id) = cycle_id.parse::<i64>() else {
        let message = "the cycle id must be a whole number".to_owned();
        return error(&AppError::BadInput { field: Some("cycle_id"), message });
    };
    let body: StartBody = if body.iter().all(u8::is_ascii_whitespace) {
        StartBody::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(body) => body,
            Err(err) => return error(&AppError::BadInput { field: None, message: format!("invalid body: {err}") }),
        }
    };
    let request = StartRequest {
        report_ids: body.report_ids,
        skip_phases: body.skip_phases,
        approval_mode: body.approval_mode,
        start_at: body.start_at,
        ..StartRequest::default()
    };
    match workflows::start(&state.db, &state.gateway, &state.config, &viewer, cycle_id, request).await {
        Ok(execution) => (
            StatusCode::CREATED,
            Json(json!({ "execution_id": execution.id, "workflow_id": execution.workflow_id,
                         "run_id": execution.run_id, "status": execution.status.as_str() })),
        ),
        Err(err) => error(&err),
    }
}

fn error(err: &AppError) -> (StatusCode, Json<Value>) {
    if let AppError::Internal(cause) = err {
        tracing::error!(error = ?cause, "internal error");
    }
    let status = match err {
        AppError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
        AppError::Forbidden(_) => StatusCode::FORBIDDEN,
        AppError::BadInput { .. } => StatusCode::BAD_REQUEST,
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    (status, Json(json!({ "error": { "code": err.code(), "message": err.message() } })))
}
