//! A graphql-transport-ws load client that drives any server speaking the protocol: it opens N
//! websocket connections (subprotocol `graphql-transport-ws`), sends `connection_init` with a
//! caller-chosen payload, waits for `connection_ack`, starts one subscription per connection and
//! then counts the `next` messages each connection receives.
//!
//! For every message it reads two caller-chosen JSON paths below the message's `payload`: the
//! event's identity (e.g. `data.workflowEvents.seq`), to count losses and duplicates per
//! subscriber, and optionally a commit timestamp (e.g.
//! `data.workflowEvents.detail.committedAtMicros`), to record the latency from commit to receipt
//! (the receipt time is taken as soon as the frame is read, before it is parsed). Clocks are the
//! wall clock of this machine, so the server that stamps the commit must share it.
//!
//! Built to hold many connections in one process: connections are opened with bounded
//! concurrency (so neither side's accept queue overflows), each one is a single tokio task with a
//! small read buffer, and the measurements are kept per connection and merged only at the end
//! (no lock on the receive path).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio::sync::{Semaphore, mpsc, watch};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// The id every connection gives its one subscription.
const SUBSCRIPTION_ID: &str = "1";

/// A dotted path below a message's `payload`: `data.workflowEvents.seq`; a numeric segment
/// indexes an array (`data.items.0.id`).
#[derive(Debug, Clone)]
pub struct JsonPath(Vec<String>);

impl JsonPath {
    /// Parses `a.b.c`; an empty path names the payload itself.
    pub fn parse(path: &str) -> Self {
        Self(path.split('.').filter(|s| !s.is_empty()).map(str::to_owned).collect())
    }

    /// The value at this path, if any.
    pub fn get<'a>(&self, mut value: &'a Value) -> Option<&'a Value> {
        for segment in &self.0 {
            value = match value {
                Value::Object(map) => map.get(segment)?,
                Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(value)
    }
}

impl std::fmt::Display for JsonPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("."))
    }
}

/// The unit of the commit timestamp found at [`LoadConfig::commit_path`] (since the Unix epoch).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Seconds,
    Millis,
    Micros,
    Nanos,
}

impl TimeUnit {
    /// `s`, `ms`, `us` or `ns`.
    pub fn parse(unit: &str) -> Option<Self> {
        match unit {
            "s" => Some(Self::Seconds),
            "ms" => Some(Self::Millis),
            "us" | "µs" => Some(Self::Micros),
            "ns" => Some(Self::Nanos),
            _ => None,
        }
    }

    fn to_micros(self, value: f64) -> f64 {
        match self {
            Self::Seconds => value * 1e6,
            Self::Millis => value * 1e3,
            Self::Micros => value,
            Self::Nanos => value / 1e3,
        }
    }
}

/// What to open and what to read.
#[derive(Debug, Clone)]
pub struct LoadConfig {
    /// `ws://host:port/path` (TLS is not compiled in).
    pub url: String,
    /// The websocket subprotocol to offer.
    pub subprotocol: String,
    /// The `connection_init` payload (e.g. `{"Authorization": "Bearer <jwt>"}`).
    pub init_payload: Value,
    /// The subscription document.
    pub query: String,
    /// Its variables.
    pub variables: Value,
    /// Connections to open, one subscription each.
    pub subscribers: usize,
    /// Connections being opened at once.
    pub open_concurrency: usize,
    /// Longest one connection may take from TCP connect to `connection_ack`.
    pub handshake_timeout: Duration,
    /// Where the event's identity is, below `payload`.
    pub id_path: Option<JsonPath>,
    /// Where the event's commit timestamp is, below `payload`.
    pub commit_path: Option<JsonPath>,
    /// The commit timestamp's unit.
    pub commit_unit: TimeUnit,
    /// Events every subscriber should receive: the wait ends once each has that many, and
    /// losses are counted against it.
    pub expect: Option<u64>,
}

impl LoadConfig {
    /// A configuration with the usual defaults: 200 connections opened at once, a 30 s
    /// handshake timeout, no identity or commit path, microseconds.
    pub fn new(url: &str, init_payload: Value, query: &str, variables: Value, subscribers: usize) -> Self {
        Self {
            url: url.to_owned(),
            subprotocol: "graphql-transport-ws".to_owned(),
            init_payload,
            query: query.to_owned(),
            variables,
            subscribers,
            open_concurrency: 200,
            handshake_timeout: Duration::from_secs(30),
            id_path: None,
            commit_path: None,
            commit_unit: TimeUnit::Micros,
            expect: None,
        }
    }
}

/// Microseconds since the Unix epoch, now.
pub fn now_micros() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX))
}

/// One `next` message as one subscriber received it.
#[derive(Debug, Clone, Copy)]
pub struct Receipt {
    /// The event's identity: its integer value, or a hash of any other JSON value; 0 without
    /// an identity path.
    pub key: u64,
    /// Receipt time minus commit time, in microseconds, when the payload carried one.
    pub latency_us: Option<i64>,
}

/// What one connection saw.
#[derive(Debug, Default)]
struct SubscriberLog {
    opened: bool,
    receipts: Vec<Receipt>,
    /// `next` messages carrying GraphQL errors, and `error` messages.
    errors: u32,
    /// The server sent `complete`, or closed the socket, before the run ended.
    ended_early: bool,
}

/// Counters shared by every connection.
#[derive(Debug, Default)]
struct Shared {
    received: AtomicU64,
    /// Subscribers that have received [`LoadConfig::expect`] messages.
    satisfied: AtomicUsize,
    opened: AtomicUsize,
    failed: AtomicUsize,
    first_error: Mutex<Option<String>>,
}

impl Shared {
    fn note_error(&self, error: String) {
        if let Ok(mut first) = self.first_error.lock()
            && first.is_none()
        {
            *first = Some(error);
        }
    }
}

/// N open subscriptions.
#[derive(Debug)]
pub struct Swarm {
    tasks: Vec<JoinHandle<SubscriberLog>>,
    stop: watch::Sender<bool>,
    shared: Arc<Shared>,
    expect: Option<u64>,
    /// Connections that reached `connection_ack` and sent their `subscribe`.
    pub opened: usize,
    /// Connections that failed to open.
    pub failed: usize,
    /// Wall time to open them all.
    pub open_time: Duration,
}

impl Swarm {
    /// Opens `config.subscribers` connections, `config.open_concurrency` at a time, and returns
    /// once every one has sent its `subscribe` or failed. The server may still be setting the
    /// subscriptions up when this returns: graphql-transport-ws does not acknowledge them.
    pub async fn open(config: &LoadConfig) -> Self {
        let started = Instant::now();
        let config = Arc::new(config.clone());
        let shared = Arc::new(Shared::default());
        let gate = Arc::new(Semaphore::new(config.open_concurrency.max(1)));
        let (stop, stop_rx) = watch::channel(false);
        let (done_tx, mut done_rx) = mpsc::unbounded_channel::<()>();
        let mut tasks = Vec::with_capacity(config.subscribers);
        for _ in 0..config.subscribers {
            let task = subscriber(config.clone(), shared.clone(), gate.clone(), done_tx.clone(), stop_rx.clone());
            tasks.push(tokio::spawn(task));
        }
        drop(done_tx);
        for _ in 0..config.subscribers {
            if done_rx.recv().await.is_none() {
                break;
            }
        }
        let opened = shared.opened.load(Ordering::Relaxed);
        let failed = shared.failed.load(Ordering::Relaxed);
        Self { tasks, stop, shared, expect: config.expect, opened, failed, open_time: started.elapsed() }
    }

    /// `next` messages received so far, over all connections.
    pub fn received(&self) -> u64 {
        self.shared.received.load(Ordering::Relaxed)
    }

    /// The first error any connection met (open, handshake or GraphQL), if any.
    pub fn first_error(&self) -> Option<String> {
        self.shared.first_error.lock().ok().and_then(|e| e.clone())
    }

    /// Subscribers that have received the expected number of messages.
    pub fn satisfied(&self) -> usize {
        self.shared.satisfied.load(Ordering::Relaxed)
    }

    /// Waits until every open subscriber has the expected number of messages (when one is
    /// expected), `deadline` passes, or, once at least one message arrived, nothing more
    /// arrived for `idle`. Prints progress to stderr every `progress` when given.
    pub async fn wait(&self, deadline: Instant, idle: Duration, progress: Option<Duration>) {
        let mut last_count = self.received();
        let mut last_change = Instant::now();
        let mut last_print = Instant::now();
        loop {
            let count = self.received();
            let all_there = self.expect.is_some() && self.opened > 0 && self.satisfied() >= self.opened;
            if all_there || Instant::now() >= deadline {
                return;
            }
            if count != last_count {
                last_count = count;
                last_change = Instant::now();
            } else if count > 0 && last_change.elapsed() >= idle {
                return;
            }
            if let Some(every) = progress
                && last_print.elapsed() >= every
            {
                eprintln!(
                    "  received {count}; {} of {} subscribers have all they expect",
                    self.satisfied(),
                    self.opened
                );
                last_print = Instant::now();
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Ends every subscription (`complete`, then a close frame) and merges what each saw.
    pub async fn finish(self) -> LoadReport {
        let _ = self.stop.send(true);
        let first_error = self.first_error();
        let mut logs = Vec::with_capacity(self.tasks.len());
        for task in self.tasks {
            logs.push(task.await.unwrap_or_default());
        }
        LoadReport::merge(&logs, self.opened, self.failed, self.expect, first_error, self.open_time)
    }
}

/// One connection's life: open, handshake, subscribe, then read until told to stop.
async fn subscriber(
    config: Arc<LoadConfig>,
    shared: Arc<Shared>,
    gate: Arc<Semaphore>,
    done: mpsc::UnboundedSender<()>,
    mut stop: watch::Receiver<bool>,
) -> SubscriberLog {
    let mut log = SubscriberLog::default();
    let permit = gate.acquire().await;
    let opened = tokio::time::timeout(config.handshake_timeout, handshake(&config)).await;
    drop(permit);
    let mut socket = match opened {
        Ok(Ok(socket)) => socket,
        Ok(Err(error)) => return failed(&shared, &done, log, error),
        Err(_) => return failed(&shared, &done, log, "no connection_ack in time".to_owned()),
    };
    log.opened = true;
    shared.opened.fetch_add(1, Ordering::Relaxed);
    let _ = done.send(());
    drop(done);
    loop {
        tokio::select! {
            frame = socket.next() => {
                let received_at = now_micros();
                let text = match frame {
                    Some(Ok(Message::Text(text))) => text,
                    Some(Ok(Message::Close(_)) | Err(_)) | None => {
                        log.ended_early = true;
                        break;
                    }
                    Some(Ok(_)) => continue,
                };
                let Ok(message) = serde_json::from_str::<Value>(text.as_str()) else {
                    log.errors += 1;
                    shared.note_error(format!("not JSON: {}", text.as_str()));
                    continue;
                };
                match message.get("type").and_then(Value::as_str) {
                    Some("next") => on_next(&config, &shared, &mut log, &message, received_at),
                    Some("ping") => {
                        let _ = socket.send(Message::text(json!({ "type": "pong" }).to_string())).await;
                    }
                    Some("error") => {
                        log.errors += 1;
                        log.ended_early = true;
                        shared.note_error(format!("subscription error: {message}"));
                        break;
                    }
                    Some("complete") => {
                        log.ended_early = true;
                        break;
                    }
                    _ => {}
                }
            }
            _ = stop.changed() => {
                let complete = json!({ "id": SUBSCRIPTION_ID, "type": "complete" }).to_string();
                let _ = socket.send(Message::text(complete)).await;
                break;
            }
        }
    }
    let _ = tokio::time::timeout(Duration::from_secs(2), socket.close(None)).await;
    log
}

fn failed(shared: &Shared, done: &mpsc::UnboundedSender<()>, log: SubscriberLog, error: String) -> SubscriberLog {
    shared.failed.fetch_add(1, Ordering::Relaxed);
    shared.note_error(error);
    let _ = done.send(());
    log
}

fn on_next(config: &LoadConfig, shared: &Shared, log: &mut SubscriberLog, message: &Value, received_at: i64) {
    let payload = &message["payload"];
    if payload.get("errors").is_some_and(|e| !e.is_null()) {
        log.errors += 1;
        shared.note_error(format!("GraphQL errors: {payload}"));
        return;
    }
    let key = config.id_path.as_ref().and_then(|p| p.get(payload)).map_or(0, identity);
    let latency_us = config
        .commit_path
        .as_ref()
        .and_then(|p| p.get(payload))
        .and_then(|v| v.as_f64().or_else(|| v.as_str().and_then(|s| s.parse().ok())))
        .map(|committed| received_at - config.commit_unit.to_micros(committed).round() as i64);
    log.receipts.push(Receipt { key, latency_us });
    shared.received.fetch_add(1, Ordering::Relaxed);
    if config.expect == Some(log.receipts.len() as u64) {
        shared.satisfied.fetch_add(1, Ordering::Relaxed);
    }
}

/// An event identity as a number: integers (or strings holding one) as themselves, anything else
/// hashed (FNV-1a over its JSON text).
fn identity(value: &Value) -> u64 {
    if let Some(n) = value.as_u64() {
        return n;
    }
    if let Some(n) = value.as_str().and_then(|s| s.parse::<u64>().ok()) {
        return n;
    }
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// TCP connect, websocket upgrade with the subprotocol, `connection_init`, `connection_ack`,
/// `subscribe`.
async fn handshake(config: &LoadConfig) -> Result<Socket, String> {
    let mut request = config.url.as_str().into_client_request().map_err(|e| format!("bad url: {e}"))?;
    let protocol = HeaderValue::from_str(&config.subprotocol).map_err(|e| format!("bad subprotocol: {e}"))?;
    request.headers_mut().insert("Sec-WebSocket-Protocol", protocol);
    // Small buffers: thousands of mostly idle connections live in this one process.
    let ws_config = WebSocketConfig::default().read_buffer_size(4096).write_buffer_size(0);
    let (mut socket, _) = tokio_tungstenite::connect_async_with_config(request, Some(ws_config), true)
        .await
        .map_err(|e| format!("connect: {e}"))?;
    let init = json!({ "type": "connection_init", "payload": config.init_payload });
    socket.send(Message::text(init.to_string())).await.map_err(|e| format!("send connection_init: {e}"))?;
    loop {
        let frame = socket.next().await.ok_or("closed before connection_ack")?.map_err(|e| format!("read: {e}"))?;
        let text = match frame {
            Message::Text(text) => text,
            Message::Close(frame) => return Err(format!("closed before connection_ack: {frame:?}")),
            _ => continue,
        };
        let message: Value = serde_json::from_str(text.as_str()).map_err(|e| format!("not JSON: {e}"))?;
        match message["type"].as_str() {
            Some("connection_ack") => break,
            Some("ping") => {
                let pong = json!({ "type": "pong" }).to_string();
                socket.send(Message::text(pong)).await.map_err(|e| format!("send pong: {e}"))?;
            }
            _ => return Err(format!("expected connection_ack, got {message}")),
        }
    }
    let subscribe = json!({
        "id": SUBSCRIPTION_ID,
        "type": "subscribe",
        "payload": { "query": config.query, "variables": config.variables },
    });
    socket.send(Message::text(subscribe.to_string())).await.map_err(|e| format!("send subscribe: {e}"))?;
    Ok(socket)
}

/// Nearest-rank percentile of a sorted slice.
pub fn percentile(sorted: &[i64], p: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// What the whole swarm saw.
#[derive(Debug)]
pub struct LoadReport {
    /// Connections asked for, opened, failed.
    pub subscribers: usize,
    pub opened: usize,
    pub failed: usize,
    pub open_time: Duration,
    /// `next` messages received over all connections (duplicates included).
    pub received: u64,
    /// Messages each subscriber should have received, when known.
    pub expected_per_subscriber: Option<u64>,
    /// Σ over opened subscribers of max(0, expected − distinct events received).
    pub lost: u64,
    /// Opened subscribers that received fewer distinct events than expected.
    pub short_subscribers: usize,
    /// Receipts of an event a subscriber had already received.
    pub duplicates: u64,
    /// GraphQL errors and `error` messages.
    pub errors: u64,
    /// Subscriptions the server completed or closed before the end.
    pub ended_early: usize,
    /// The first error, if any.
    pub first_error: Option<String>,
    /// Every receipt, in no particular order.
    pub receipts: Vec<Receipt>,
}

/// Latency percentiles in microseconds.
#[derive(Debug, Clone, Copy, Default)]
pub struct LatencySummary {
    /// Receipts with a commit time.
    pub samples: usize,
    pub p50_us: Option<i64>,
    pub p99_us: Option<i64>,
    pub max_us: Option<i64>,
    /// Events with a commit time.
    pub events: usize,
    /// Per event, the latency until its last receipt (the slowest subscriber): p50 and p99.
    pub last_p50_us: Option<i64>,
    pub last_p99_us: Option<i64>,
}

impl LoadReport {
    fn merge(
        logs: &[SubscriberLog],
        opened: usize,
        failed: usize,
        expected: Option<u64>,
        first_error: Option<String>,
        open_time: Duration,
    ) -> Self {
        let mut report = Self {
            subscribers: logs.len(),
            opened,
            failed,
            open_time,
            received: 0,
            expected_per_subscriber: expected,
            lost: 0,
            short_subscribers: 0,
            duplicates: 0,
            errors: 0,
            ended_early: 0,
            first_error,
            receipts: Vec::with_capacity(logs.iter().map(|l| l.receipts.len()).sum()),
        };
        for log in logs.iter().filter(|l| l.opened) {
            let mut keys: Vec<u64> = log.receipts.iter().map(|r| r.key).collect();
            keys.sort_unstable();
            keys.dedup();
            let distinct = keys.len() as u64;
            let total = log.receipts.len() as u64;
            report.received += total;
            report.duplicates += total - distinct;
            if let Some(expected) = expected
                && distinct < expected
            {
                report.lost += expected - distinct;
                report.short_subscribers += 1;
            }
            report.errors += u64::from(log.errors);
            report.ended_early += usize::from(log.ended_early);
            report.receipts.extend_from_slice(&log.receipts);
        }
        report
    }

    /// Latency percentiles, each receipt's latency first corrected by `adjust(event key)`
    /// microseconds (0 for the payload's own commit time).
    pub fn latency(&self, adjust: impl Fn(u64) -> i64) -> LatencySummary {
        let mut all = Vec::with_capacity(self.receipts.len());
        let mut last: HashMap<u64, i64> = HashMap::new();
        for receipt in &self.receipts {
            if let Some(latency) = receipt.latency_us {
                let latency = latency - adjust(receipt.key);
                all.push(latency);
                let slowest = last.entry(receipt.key).or_insert(i64::MIN);
                *slowest = (*slowest).max(latency);
            }
        }
        all.sort_unstable();
        let mut lasts: Vec<i64> = last.into_values().collect();
        lasts.sort_unstable();
        LatencySummary {
            samples: all.len(),
            p50_us: percentile(&all, 50.0),
            p99_us: percentile(&all, 99.0),
            max_us: all.last().copied(),
            events: lasts.len(),
            last_p50_us: percentile(&lasts, 50.0),
            last_p99_us: percentile(&lasts, 99.0),
        }
    }

    /// Distinct events seen by at least one subscriber.
    pub fn distinct_events(&self) -> usize {
        let mut keys: Vec<u64> = self.receipts.iter().map(|r| r.key).collect();
        keys.sort_unstable();
        keys.dedup();
        keys.len()
    }
}

/// Milliseconds, for printing.
pub fn ms(us: Option<i64>) -> String {
    us.map_or_else(|| "–".to_owned(), |us| format!("{:.1}", us as f64 / 1000.0))
}

/// The soft limit on open files of this process (Linux), when it can be read.
pub fn open_files_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    let soft = line.trim_start_matches("Max open files").split_whitespace().next()?;
    if soft == "unlimited" { Some(u64::MAX) } else { soft.parse().ok() }
}

/// Fails with advice when `connections` sockets would not fit under the open-files limit.
pub fn check_open_files(connections: usize) -> Result<(), String> {
    let needed = connections as u64 + 256;
    match open_files_limit() {
        Some(limit) if limit < needed => Err(format!(
            "the open-files limit is {limit}, {connections} connections need about {needed}: \
             raise it in this shell first, e.g. `ulimit -n 65536` (at most `ulimit -Hn`)"
        )),
        _ => Ok(()),
    }
}
