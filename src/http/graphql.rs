//! GraphQL over HTTP, and GraphiQL. POST bodies are parsed here rather than by the stock
//! extractor so that a malformed body gets a GraphQL error with a code, and every error leaves
//! with a code.

use async_graphql::http::GraphiQLSource;
use async_graphql::{BatchRequest, BatchResponse, ErrorExtensions, ServerError};
use async_graphql_axum::GraphQLResponse;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use super::AppState;
use crate::auth::Identity;
use crate::graphql::batching::{BatchQueue, request_loader, run_batched};

/// `POST /graphql`: one request or a batch, authenticated by the `Authorization` header.
pub async fn execute(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let request: BatchRequest = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(err) => return malformed(&err.to_string()),
    };
    let authorization = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    let identity: Identity = state.keys.identify(authorization);
    let queue = BatchQueue::default();
    let request = request.data(identity).data(request_loader(state.db.clone(), &queue));
    let mut response = run_batched(state.schema.execute_batch(request), &queue).await;
    with_codes(&mut response);
    GraphQLResponse::from(response).into_response()
}

/// GraphiQL, pointed at this server's endpoints.
pub async fn graphiql() -> Html<String> {
    Html(GraphiQLSource::build().endpoint("/graphql").subscription_endpoint("/graphql/ws").title("Synapse DT").finish())
}

/// The answer to a body that is not a GraphQL request.
fn malformed(detail: &str) -> Response {
    let error = ServerError::new(format!("the request body is not a valid GraphQL request: {detail}"), None)
        .extend_with(|_, ext| ext.set("code", "BAD_USER_INPUT"));
    let body = serde_json::json!({ "errors": [error] });
    (StatusCode::BAD_REQUEST, axum::Json(body)).into_response()
}

/// Parse, validation and limit errors come from async-graphql without a code; they are all the
/// client's doing, so they get BAD_USER_INPUT. Resolver errors already carry theirs.
fn with_codes(response: &mut BatchResponse) {
    let responses: Vec<&mut async_graphql::Response> = match response {
        BatchResponse::Single(one) => vec![one],
        BatchResponse::Batch(many) => many.iter_mut().collect(),
    };
    for response in responses {
        for error in &mut response.errors {
            let has_code = error.extensions.as_ref().is_some_and(|ext| ext.get("code").is_some());
            if !has_code {
                error.extensions.get_or_insert_with(Default::default).set("code", "BAD_USER_INPUT");
            }
        }
    }
}
