//! A small graphql-transport-ws client for tests: connect, init with a token, subscribe, read.

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::{self, Message, protocol::CloseFrame};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// One websocket connection speaking graphql-transport-ws.
pub struct WsClient {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl WsClient {
    /// Opens the socket (no `connection_init` yet).
    pub async fn open(port: u16) -> Self {
        Self::open_offering(port, "graphql-transport-ws").await.expect("websocket connects")
    }

    /// Opens the socket offering `protocols` (a `Sec-WebSocket-Protocol` value).
    pub async fn open_offering(port: u16, protocols: &'static str) -> Result<Self, tungstenite::Error> {
        let mut request = format!("ws://127.0.0.1:{port}/graphql/ws").into_client_request().expect("request");
        request.headers_mut().insert("Sec-WebSocket-Protocol", HeaderValue::from_static(protocols));
        let (socket, _) = tokio_tungstenite::connect_async(request).await?;
        Ok(Self { socket })
    }

    /// Opens the socket and completes the handshake with `token`.
    pub async fn connect(port: u16, token: &str) -> Self {
        let mut client = Self::open(port).await;
        client
            .send(json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } }))
            .await;
        let ack = client.next_message().await.expect("an answer to connection_init");
        assert_eq!(ack["type"], "connection_ack", "{ack}");
        client
    }

    /// Sends a protocol message.
    pub async fn send(&mut self, message: Value) {
        self.socket.send(Message::text(message.to_string())).await.expect("send");
    }

    /// Starts a subscription under `id`.
    pub async fn subscribe(&mut self, id: &str, query: &str, variables: Value) {
        self.send(json!({ "id": id, "type": "subscribe", "payload": { "query": query, "variables": variables } }))
            .await;
    }

    /// The next protocol message (pings answered, pongs skipped); `None` when the socket closed.
    pub async fn next_message(&mut self) -> Option<Value> {
        loop {
            let frame =
                tokio::time::timeout(Duration::from_secs(60), self.socket.next()).await.expect("a message in time")?;
            match frame.ok()? {
                Message::Text(text) => {
                    let value: Value = serde_json::from_str(text.as_str()).expect("json");
                    match value["type"].as_str() {
                        Some("ping") => self.send(json!({ "type": "pong" })).await,
                        Some("pong") => {}
                        _ => return Some(value),
                    }
                }
                Message::Close(_) => return None,
                _ => {}
            }
        }
    }

    /// The `data` of the next `next` message of subscription `id`.
    pub async fn next_data(&mut self, id: &str) -> Value {
        loop {
            let message = self.next_message().await.expect("the subscription goes on");
            if message["id"] == id && message["type"] == "next" {
                assert!(message["payload"]["errors"].is_null(), "{message}");
                return message["payload"]["data"].clone();
            }
            assert!(message["type"] != "error" && message["type"] != "complete", "{message}");
        }
    }

    /// The close code the server ended the connection with.
    pub async fn close_code(&mut self) -> Option<u16> {
        loop {
            let frame =
                tokio::time::timeout(Duration::from_secs(15), self.socket.next()).await.expect("a close in time");
            match frame {
                Some(Ok(Message::Close(Some(CloseFrame { code, .. })))) => return Some(u16::from(code)),
                Some(Ok(Message::Close(None))) | None | Some(Err(_)) => return None,
                Some(Ok(_)) => {}
            }
        }
    }

    /// Closes the connection from the client side.
    pub async fn close(mut self) {
        let _ = self.socket.close(Some(CloseFrame { code: CloseCode::Normal, reason: "bye".into() })).await;
    }
}
