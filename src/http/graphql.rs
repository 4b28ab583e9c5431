//! GraphQL transports. POST bodies are parsed here rather than by the stock extractor so that a
//! malformed body gets a GraphQL error with a code, and every error leaves with a code.

use async_graphql::http::{ALL_WEBSOCKET_PROTOCOLS, GraphiQLSource};
use async_graphql::{BatchRequest, BatchResponse, Data, ErrorExtensions, ServerError};
use async_graphql_axum::{GraphQLProtocol, GraphQLResponse, GraphQLWebSocket};
use axum::body::Bytes;
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use axum::extract::{State, WebSocketUpgrade};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{MethodRouter, get};
use futures::stream::SplitSink;
use futures::{SinkExt, StreamExt};

use super::AppState;
use crate::auth::Identity;
use crate::graphql::batching::{BatchQueue, request_loader, run_batched};
use crate::metrics::GaugeGuard;

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

/// `GET /graphql/ws`: subscriptions over graphql-transport-ws, authenticated by the
/// `connection_init` payload `{"Authorization": "Bearer <jwt>"}`.
pub fn subscriptions(state: &AppState) -> MethodRouter {
    let state = state.clone();
    get(move |protocol: GraphQLProtocol, headers: HeaderMap, upgrade: WebSocketUpgrade| async move {
        // The extractor keeps the negotiated protocol to itself; the header says which it was.
        let offered = headers.get(header::SEC_WEBSOCKET_PROTOCOL).and_then(|v| v.to_str().ok()).unwrap_or_default();
        let transport_ws = offered.split(',').any(|p| p.trim() == "graphql-transport-ws");
        // Subscribers mostly sit idle: small buffers keep an open socket cheap (the defaults
        // reserve 128 KiB each way), and eager writes deliver an event the moment it is ready.
        upgrade
            .protocols(ALL_WEBSOCKET_PROTOCOLS)
            .read_buffer_size(SOCKET_BUFFER)
            .write_buffer_size(0)
            .max_message_size(MAX_CLIENT_MESSAGE)
            .on_upgrade(move |socket| serve_socket(state, protocol, transport_ws, socket))
    })
}

/// Read buffer of one websocket: clients send little (a subscribe, pings), and a longer message
/// is simply read in several steps.
const SOCKET_BUFFER: usize = 1024;
/// Largest message a client may send (subscribe requests are small).
const MAX_CLIENT_MESSAGE: usize = 64 * 1024;

/// How long a client has to send `connection_init`.
const INIT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Checks the handshake the way graphql-transport-ws asks (4408 no init in time, 4401 a
/// subscribe before init, 4403 a bad token), then hands the socket to async-graphql with the
/// caller's identity, replaying the accepted `connection_init`.
async fn serve_socket(state: AppState, protocol: GraphQLProtocol, transport_ws: bool, socket: WebSocket) {
    let _open = GaugeGuard::new(&state.hub.metrics().ws_connections);
    let (mut sink, mut stream) = socket.split();
    if !transport_ws {
        // The legacy subscriptions-transport-ws protocol reports refusals as connection_error.
        let keys = state.keys.clone();
        GraphQLWebSocket::new_with_pair(sink, stream, state.schema.clone(), protocol)
            .on_connection_init(move |payload| async move {
                let viewer =
                    keys.identify(authorization(&payload)).map_err(|err| async_graphql::Error::new(err.to_string()))?;
                let mut data = Data::default();
                data.insert::<Identity>(Ok(viewer));
                Ok(data)
            })
            .serve()
            .await;
        return;
    }
    let first = match tokio::time::timeout(INIT_TIMEOUT, stream.next()).await {
        Ok(Some(Ok(Message::Text(text)))) => text,
        Ok(Some(Ok(Message::Close(_)) | Err(_)) | None) => return,
        Ok(Some(Ok(_))) => return close(&mut sink, 4400, "Invalid message").await,
        Err(_) => return close(&mut sink, 4408, "Connection initialisation timeout").await,
    };
    // Checked in a scope of its own so the parsed message is not kept for the socket's lifetime.
    let identified = {
        let message: serde_json::Value = serde_json::from_str(first.as_str()).unwrap_or_default();
        match message["type"].as_str() {
            Some("connection_init") => Ok(state.keys.identify(authorization(&message["payload"]))),
            Some("subscribe") => Err((4401, "Unauthorized")),
            _ => Err((4400, "Invalid message")),
        }
    };
    let viewer = match identified {
        Ok(Ok(viewer)) => viewer,
        Ok(Err(_)) => return close(&mut sink, 4403, "Forbidden").await,
        Err((code, reason)) => return close(&mut sink, code, reason).await,
    };
    let mut data = Data::default();
    data.insert::<Identity>(Ok(viewer));
    let replayed = futures::stream::once(std::future::ready(Ok(Message::Text(first)))).chain(stream);
    GraphQLWebSocket::new_with_pair(sink, replayed, state.schema.clone(), protocol).with_data(data).serve().await;
}

/// The `Authorization` value of a `connection_init` payload.
fn authorization(payload: &serde_json::Value) -> Option<&str> {
    payload.get("Authorization").or_else(|| payload.get("authorization")).and_then(|v| v.as_str())
}

async fn close(sink: &mut SplitSink<WebSocket, Message>, code: u16, reason: &'static str) {
    let frame = CloseFrame { code, reason: reason.into() };
    let _ = sink.send(Message::Close(Some(frame))).await;
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
