//! `GET /graphql/ws`: subscriptions over graphql-transport-ws (and the legacy
//! subscriptions-transport-ws), authenticated by the `connection_init` payload
//! `{"Authorization": "Bearer <jwt>"}`. The handshake is checked here, async-graphql runs the
//! protocol after it, and [`pump`] writes what it produces.

use std::str::FromStr;

use async_graphql::Data;
use async_graphql::http::{ALL_WEBSOCKET_PROTOCOLS, WebSocket as Protocol, WebSocketProtocols, WsMessage};
use axum::extract::WebSocketUpgrade;
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{MethodRouter, get};
use futures::stream::SplitSink;
use futures::{FutureExt, SinkExt, Stream, StreamExt};

use super::AppState;
use crate::auth::Identity;
use crate::metrics::GaugeGuard;

/// Read buffer of one websocket: clients send little (a subscribe, pings), and a longer message
/// is simply read in several steps.
const READ_BUFFER: usize = 1024;
/// Frames written before the buffer is flushed regardless: [`pump`] flushes after every batch,
/// so this is only a ceiling; the buffer grows only as far as a batch needs.
const WRITE_BUFFER: usize = 64 * 1024;
/// Largest message a client may send (subscribe requests are small).
const MAX_CLIENT_MESSAGE: usize = 64 * 1024;
/// How long a client has to send `connection_init`.
const INIT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// The `/graphql/ws` route.
pub fn subscriptions(state: &AppState) -> MethodRouter {
    let state = state.clone();
    get(move |upgrade: WebSocketUpgrade| async move {
        let Some(protocol) = negotiate(&upgrade) else {
            return (StatusCode::BAD_REQUEST, "offer graphql-transport-ws or graphql-ws").into_response();
        };
        // Subscribers mostly sit idle: a small read buffer keeps an open socket cheap (the
        // default reserves 128 KiB).
        upgrade
            .protocols(ALL_WEBSOCKET_PROTOCOLS)
            .read_buffer_size(READ_BUFFER)
            .write_buffer_size(WRITE_BUFFER)
            .max_message_size(MAX_CLIENT_MESSAGE)
            .on_upgrade(move |socket| serve_socket(state, protocol, socket))
    })
}

/// The protocol `protocols(ALL_WEBSOCKET_PROTOCOLS)` will answer with: graphql-transport-ws when
/// offered, else the legacy one.
fn negotiate(upgrade: &WebSocketUpgrade) -> Option<WebSocketProtocols> {
    let offered: Vec<&str> = upgrade
        .requested_protocols()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect();
    ALL_WEBSOCKET_PROTOCOLS.iter().find(|p| offered.contains(p)).and_then(|p| WebSocketProtocols::from_str(p).ok())
}

/// Checks the handshake the way graphql-transport-ws asks (4408 no init in time, 4401 a
/// subscribe before init, 4403 a bad token), then runs the protocol with the caller's identity,
/// replaying the accepted `connection_init`.
async fn serve_socket(state: AppState, protocol: WebSocketProtocols, socket: WebSocket) {
    let _open = GaugeGuard::new(&state.hub.metrics().ws_connections);
    let (mut sink, mut stream) = socket.split();
    if protocol == WebSocketProtocols::SubscriptionsTransportWS {
        // The legacy protocol reports refusals as connection_error, which async-graphql does.
        let keys = state.keys.clone();
        let messages = Protocol::new(state.schema.clone(), payloads(stream), protocol).on_connection_init(
            move |payload| async move {
                let viewer =
                    keys.identify(authorization(&payload)).map_err(|err| async_graphql::Error::new(err.to_string()))?;
                Ok(identity_data(viewer))
            },
        );
        return pump(sink, messages).await;
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
    let data = identity_data(viewer);
    let replayed = futures::stream::once(std::future::ready(Ok(Message::Text(first)))).chain(stream);
    let messages = Protocol::new(state.schema.clone(), payloads(replayed), protocol).connection_data(data);
    pump(sink, messages).await;
}

/// The connection's context data: the signed-in caller every operation on it runs as.
fn identity_data(viewer: crate::auth::Viewer) -> Data {
    let mut data = Data::default();
    data.insert::<Identity>(Ok(viewer));
    data
}

/// The client's text and binary messages, until the socket fails or closes.
fn payloads(socket: impl Stream<Item = Result<Message, axum::Error>>) -> impl Stream<Item = axum::body::Bytes> {
    socket.take_while(|received| std::future::ready(received.is_ok())).filter_map(|received| {
        std::future::ready(match received {
            Ok(message @ (Message::Text(_) | Message::Binary(_))) => Some(message.into_data()),
            _ => None,
        })
    })
}

/// Writes the protocol's messages to the socket. Every message ready at the same moment goes
/// out with one flush, so one write: a subscriber that fell behind while the machine was busy
/// catches up at the kernel cost of a single send instead of one per event.
async fn pump(mut sink: SplitSink<WebSocket, Message>, messages: impl Stream<Item = WsMessage>) {
    let mut frames = std::pin::pin!(
        messages
            .map(|message| match message {
                WsMessage::Text(text) => Message::Text(text.into()),
                WsMessage::Close(code, reason) => Message::Close(Some(CloseFrame { code, reason: reason.into() })),
            })
            .fuse()
    );
    while let Some(first) = frames.next().await {
        let mut frame = first;
        loop {
            if sink.feed(frame).await.is_err() {
                return;
            }
            // Whatever else is ready now joins this write; the next `next().await` polls afresh.
            match frames.next().now_or_never() {
                Some(Some(more)) => frame = more,
                Some(None) | None => break,
            }
        }
        if sink.flush().await.is_err() {
            return;
        }
    }
}

/// The `Authorization` value of a `connection_init` payload.
fn authorization(payload: &serde_json::Value) -> Option<&str> {
    payload.get("Authorization").or_else(|| payload.get("authorization")).and_then(|v| v.as_str())
}

async fn close(sink: &mut SplitSink<WebSocket, Message>, code: u16, reason: &'static str) {
    let frame = CloseFrame { code, reason: reason.into() };
    let _ = sink.send(Message::Close(Some(frame))).await;
}
