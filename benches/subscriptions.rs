//! Subscription fan-out: N live `workflowEvents` subscribers on one `synapse serve` process while
//! events are committed at a steady rate.
//!
//! For each N of `BENCH_SUBSCRIBERS` (default 1,000, 5,000 and 10,000) the bench
//!
//! 1. starts one `synapse serve` (the binary of this build, i.e. release) on a free port, over a
//!    fresh, migrated and seeded database `synapse_bench_ws_<pid>` (shared by the N runs, dropped
//!    at the end), with the Temporal worker off;
//! 2. signs in as `test-manager` through the `login` mutation and reads the server's resident
//!    memory (`VmRSS` of `/proc/<pid>/status`) idle;
//! 3. opens N graphql-transport-ws connections with the load client of `benches/ws_load/client.rs`
//!    (the one `cargo bench --bench ws_load` drives any server with), 200 at a time, each
//!    subscribing to `workflowEvents(cycleId: <the demo cycle>)`; waits until the server's
//!    `synapse_active_subscriptions` says all N streams are live, then reads the memory again
//!    (and once more after the events, all N still open: the steady state the per-subscriber
//!    figure is taken from);
//! 4. commits `BENCH_EVENTS_PER_SECOND` events per second (default 10) for `BENCH_SECONDS`
//!    (default 20) with `worker::events::append`, each in its own transaction, from a thread and
//!    runtime of its own; each event's `detail.committedAtMicros` holds the wall clock taken just
//!    before its append, and the publisher also notes when its COMMIT returned;
//! 5. waits until every subscriber has every event (or 60 s), and reads `/metrics` before and
//!    after the events: `synapse_listener_queries_total` and `synapse_catch_up_queries_total`
//!    give the database queries the server made per event.
//!
//! Latency is measured per delivery, from the moment the publisher's COMMIT returned to the
//! moment the subscriber's socket yielded the frame: the client computes receipt time minus
//! `committedAtMicros`, and the bench subtracts the event's append-and-commit time, which it
//! knows. The "last receipt" columns give, per event, the latency until its slowest subscriber
//! had it. Everything runs on this one machine: PostgreSQL, the server, the N clients (JSON
//! parsing included) and the publisher share its cores, so the client's work inflates the
//! figures rather than flattering them.
//!
//! Targets (2 cores): p99 ≤ 50 ms at 1,000 subscribers, ≤ 250 ms at 5,000, ≤ 500 ms at 10,000;
//! no delivery lost; one listener query per event whatever N; ≤ 20 KB of server memory per idle
//! subscriber. The table is printed and appended to `docs/BENCHMARKS.md`.
//!
//! Needs PostgreSQL (no Temporal) and an open-files limit above N + 256 in the shell that runs it
//! (client and server each hold N sockets):
//!
//! ```sh
//! ulimit -n 65536     # or as high as `ulimit -Hn` allows
//! CARGO_TARGET_DIR=$HOME/.cache/synapse/target cargo bench --bench subscriptions
//! BENCH_SUBSCRIBERS=1000,5000 BENCH_EVENTS_PER_SECOND=10 BENCH_SECONDS=20 cargo bench --bench subscriptions
//! cargo bench --bench subscriptions -- --subscribers 1000 --rate 10 --seconds 20
//! ```
//!
//! `DATABASE_URL` names the PostgreSQL server (a database name in it is ignored; default
//! `postgres://postgres@127.0.0.1:5432`).

#[path = "common/commit.rs"]
mod commit;
#[path = "common/scratch_db.rs"]
mod scratch_db;
#[path = "common/settings.rs"]
mod settings;

use std::collections::HashMap;
use std::io::Write;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};
use serde_json::json;
use worker::events::{EventKind, NewEvent};

// The CLI (`benches/ws_load.rs`) uses the parts of the client this bench does not.
#[allow(dead_code)]
#[path = "ws_load/client.rs"]
mod client;

use client::{JsonPath, LatencySummary, LoadConfig, Swarm, ms, now_micros};

use scratch_db::ScratchDatabase;

/// The demo password the bench database is seeded with.
const DEMO_PASSWORD: &str = "synapse-demo";
/// The JWT secret of the bench server.
const JWT_SECRET: &str = "bench-secret-of-sufficient-length";
/// The seed's demo cycle.
const DEMO_CYCLE: &str = "2026 Q4 Regulatory Testing";
/// What every subscriber runs.
const QUERY: &str = "subscription($c: ID!) { workflowEvents(cycleId: $c) { seq kind detail } }";
/// Target: at most this much server memory per idle subscriber (KB = 1,000 bytes).
const TARGET_KB_PER_SUBSCRIBER: f64 = 20.0;
/// How long to wait for the last deliveries after the last commit.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(60);

/// The p99 target in milliseconds for `n` subscribers: 50 up to 1,000, 250 up to 5,000, 500 up
/// to 10,000; none above.
fn target_p99_ms(n: usize) -> Option<f64> {
    match n {
        0..=1000 => Some(50.0),
        1001..=5000 => Some(250.0),
        5001..=10000 => Some(500.0),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Settings {
    subscribers: Vec<usize>,
    rate: f64,
    seconds: f64,
    server_url: String,
}

impl Settings {
    /// From the command line (`--subscribers 1000,5000`, `--rate 10`, `--seconds 20`), then the
    /// environment (`BENCH_SUBSCRIBERS`, `BENCH_EVENTS_PER_SECOND`, `BENCH_SECONDS`), then defaults.
    fn load() -> anyhow::Result<Self> {
        let args: Vec<String> = std::env::args().collect();
        let raw = settings::setting(&args, "--subscribers", "BENCH_SUBSCRIBERS")
            .unwrap_or_else(|| "1000,5000,10000".to_owned());
        let subscribers = raw
            .split(',')
            .map(|s| s.trim().replace('_', ""))
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<usize>().ok().filter(|n| *n > 0).ok_or_else(|| anyhow!("bad subscriber count {s:?}")))
            .collect::<anyhow::Result<Vec<_>>>()?;
        if subscribers.is_empty() {
            bail!("--subscribers / BENCH_SUBSCRIBERS names no count");
        }
        let rate =
            positive(settings::setting(&args, "--rate", "BENCH_EVENTS_PER_SECOND"), 10.0, "BENCH_EVENTS_PER_SECOND")?;
        let seconds = positive(settings::setting(&args, "--seconds", "BENCH_SECONDS"), 20.0, "BENCH_SECONDS")?;
        Ok(Self { subscribers, rate, seconds, server_url: settings::database_server() })
    }

    fn events(&self) -> usize {
        (self.rate * self.seconds).round().max(1.0) as usize
    }
}

fn positive(raw: Option<String>, default: f64, name: &str) -> anyhow::Result<f64> {
    match raw {
        None => Ok(default),
        Some(raw) => match raw.trim().parse::<f64>() {
            Ok(v) if v > 0.0 && v.is_finite() => Ok(v),
            _ => bail!("{name} must be a positive number, not {raw:?}"),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

fn main() -> anyhow::Result<()> {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` does not, and must not start a
    // minute-long benchmark against live services.
    if !std::env::args().any(|arg| arg == "--bench") {
        eprintln!("subscriptions: a benchmark; run it with `cargo bench --bench subscriptions`");
        return Ok(());
    }
    let settings = Settings::load()?;
    let most = settings.subscribers.iter().copied().max().unwrap_or(0);
    client::check_open_files(most).map_err(anyhow::Error::msg)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting tokio")?;
    runtime.block_on(run(&settings))
}

async fn run(settings: &Settings) -> anyhow::Result<()> {
    let database = BenchDatabase::create(&settings.server_url).await?;
    let mut rows = Vec::new();
    let mut failure = None;
    for &n in &settings.subscribers {
        println!("\n== {n} subscribers, {} events at {}/s", settings.events(), settings.rate);
        match measure(settings, &database, n).await {
            Ok(row) => {
                row.print_detail();
                rows.push(row);
            }
            Err(err) => {
                eprintln!("the run with {n} subscribers failed: {err:#}");
                failure = Some(err.context(format!("{n} subscribers")));
                break;
            }
        }
    }
    database.drop_now().await;
    if !rows.is_empty() {
        let report = Report { rows, rate: settings.rate, seconds: settings.seconds };
        report.print();
        let path = report.append_markdown()?;
        println!("\nappended to {}", path.display());
    }
    failure.map_or(Ok(()), Err)
}

// ---------------------------------------------------------------------------------------------
// Database, server, HTTP
// ---------------------------------------------------------------------------------------------

/// The bench's own database, migrated and seeded, and the demo cycle the events belong to.
struct BenchDatabase {
    scratch: ScratchDatabase,
    url: String,
    cycle_id: i64,
}

impl BenchDatabase {
    async fn create(server_url: &str) -> anyhow::Result<Self> {
        let scratch = ScratchDatabase::create(server_url, "synapse_bench_ws", DEMO_PASSWORD).await?;
        let db = synapse::db::connect(&scratch.url).await?;
        let row = db
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT id FROM test_cycle WHERE name = $1",
                [DEMO_CYCLE.into()],
            ))
            .await?
            .ok_or_else(|| anyhow!("the seed made no cycle named {DEMO_CYCLE:?}"))?;
        let cycle_id: i64 = row.try_get_by_index(0)?;
        db.close().await?;
        Ok(Self { url: scratch.url.clone(), scratch, cycle_id })
    }

    /// Drops the database; a failure is only reported.
    async fn drop_now(&self) {
        self.scratch.drop_now().await;
    }
}

/// One `synapse serve` process, killed when dropped.
struct Server {
    child: std::process::Child,
    port: u16,
}

impl Server {
    fn start(database_url: &str) -> anyhow::Result<Self> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_synapse"))
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("JWT_SECRET", JWT_SECRET)
            .env("TEMPORAL_WORKER_ENABLED", "false")
            .env("SYNAPSE_TESTING_FAULTS", "false")
            .env("FRONTEND_DIST", "/nonexistent")
            .env("RUST_LOG", "warn")
            .env("LOG_FORMAT", "text")
            .stdout(std::process::Stdio::null())
            .spawn()
            .context("starting the synapse binary")?;
        Ok(Self { child, port })
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits until `/readyz` answers 200 (database up, listener listening).
    async fn wait_ready(&mut self, within: Duration) -> anyhow::Result<()> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!("the server exited before it was ready: {status}");
            }
            if matches!(http(self.port, "GET", "/readyz", None).await, Ok((200, _))) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                bail!("the server on port {} was not ready within {within:?}", self.port);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Signs in as `username` through the `login` mutation.
    async fn login(&self, username: &str) -> anyhow::Result<String> {
        let body = json!({
            "query": "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
            "variables": { "u": username, "p": DEMO_PASSWORD },
        });
        let (_, text) = http(self.port, "POST", "/graphql", Some(&body.to_string())).await?;
        let answer: serde_json::Value = serde_json::from_str(&text).with_context(|| format!("login: {text}"))?;
        answer["data"]["login"]["token"].as_str().map(str::to_owned).ok_or_else(|| anyhow!("login failed: {answer}"))
    }

    /// The server's metrics, by name.
    async fn metrics(&self) -> anyhow::Result<HashMap<String, f64>> {
        let (status, text) = http(self.port, "GET", "/metrics", None).await?;
        if status != 200 {
            bail!("/metrics answered {status}");
        }
        Ok(text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once(' '))
            .filter_map(|(name, value)| Some((name.to_owned(), value.trim().parse().ok()?)))
            .collect())
    }

    /// Waits until the server streams to `count` subscriptions.
    async fn wait_subscriptions(&self, count: usize, within: Duration) -> anyhow::Result<()> {
        let deadline = Instant::now() + within;
        loop {
            let active = self.metrics().await?.get("synapse_active_subscriptions").copied().unwrap_or(0.0);
            if active >= count as f64 {
                return Ok(());
            }
            if Instant::now() >= deadline {
                bail!("only {active} of {count} subscriptions became active within {within:?}");
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A minimal HTTP/1.1 exchange with a server on loopback: `(status, body)`.
async fn http(port: u16, method: &str, path: &str, body: Option<&str>) -> anyhow::Result<(u16, String)> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
    let body = body.unwrap_or("");
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await?;
    let mut response = String::new();
    tokio::time::timeout(Duration::from_secs(30), stream.read_to_string(&mut response)).await??;
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    Ok((status, body))
}

/// A figure of `/proc/<pid>/status` in KiB (`VmRSS`, `VmHWM`).
fn proc_status_kib(pid: u32, field: &str) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).context("reading /proc/<pid>/status")?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .ok_or_else(|| anyhow!("no {field} in /proc/{pid}/status"))
}

/// User plus system CPU time of a process, in seconds (`/proc/<pid>/stat`, 100 ticks a second).
fn cpu_seconds(pid: &str) -> f64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { return 0.0 };
    // The command name may hold spaces; the fields after it are fixed.
    let Some((_, rest)) = stat.rsplit_once(')') else { return 0.0 };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // After the name: state is field 0, utime 11, stime 12.
    (ticks(11) + ticks(12)) / 100.0
}

// ---------------------------------------------------------------------------------------------
// Publisher
// ---------------------------------------------------------------------------------------------

/// One committed event.
#[derive(Debug, Clone, Copy)]
struct Published {
    seq: i64,
    /// The wall clock written into `detail.committedAtMicros`, taken just before the append.
    stamped_us: i64,
    /// The wall clock when COMMIT returned.
    committed_us: i64,
}

/// Commits `count` events at `rate` per second on a thread and runtime of its own (so that the
/// load client's work does not delay the commits), each in its own transaction.
async fn publish(url: String, cycle_id: i64, rate: f64, count: usize, tag: String) -> anyhow::Result<Vec<Published>> {
    tokio::task::spawn_blocking(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        runtime.block_on(async move {
            let db = synapse::db::connect(&url).await?;
            let mut published = Vec::with_capacity(count);
            let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
            for i in 0..count {
                tick.tick().await;
                let txn = db.begin().await?;
                let stamped_us = now_micros();
                let event = NewEvent {
                    cycle_id,
                    report_id: None,
                    execution_id: None,
                    phase: None,
                    kind: EventKind::AlertRaised,
                    status: "BENCH".to_owned(),
                    detail: json!({ "committedAtMicros": stamped_us, "bench": i }),
                    key: format!("{tag}-{i}"),
                };
                let key = event.key.clone();
                if !worker::events::append(&txn, event).await? {
                    bail!("event key {key} reused");
                }
                txn.commit().await?;
                let committed_us = now_micros();
                // The number is handed out at commit; read it back (outside the timed span).
                let seq = worker::events::committed_seq(&db, &key).await?.ok_or_else(|| anyhow!("{key} not stored"))?;
                published.push(Published { seq, stamped_us, committed_us });
            }
            db.close().await?;
            anyhow::Ok(published)
        })
    })
    .await?
}

// ---------------------------------------------------------------------------------------------
// One run
// ---------------------------------------------------------------------------------------------

/// What one N measured.
#[derive(Debug)]
struct Row {
    subscribers: usize,
    opened: usize,
    open_secs: f64,
    events: usize,
    expected: u64,
    received: u64,
    lost: u64,
    duplicates: u64,
    errors: u64,
    ended_early: usize,
    first_error: Option<String>,
    /// From COMMIT returning to receipt.
    latency: LatencySummary,
    /// From the payload's stamp (before the append) to receipt.
    stamped: LatencySummary,
    /// Append plus commit time of the publisher: p50 and p99, µs.
    commit_p50_us: Option<i64>,
    commit_p99_us: Option<i64>,
    listener_queries: f64,
    catch_up_queries: f64,
    broadcast: f64,
    delivered: f64,
    rss_idle_kib: u64,
    rss_open_kib: u64,
    rss_after_kib: u64,
    hwm_kib: u64,
    server_cpu_s: f64,
    client_cpu_s: f64,
    event_window_s: f64,
}

async fn measure(settings: &Settings, database: &BenchDatabase, n: usize) -> anyhow::Result<Row> {
    let mut server = Server::start(&database.url)?;
    server.wait_ready(Duration::from_secs(60)).await?;
    let token = server.login("test-manager").await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let pid = server.pid();
    let rss_idle_kib = proc_status_kib(pid, "VmRSS")?;

    let url = format!("ws://127.0.0.1:{}/graphql/ws", server.port);
    let init = json!({ "Authorization": format!("Bearer {token}") });
    let mut config = LoadConfig::new(&url, init, QUERY, json!({ "c": database.cycle_id.to_string() }), n);
    config.id_path = Some(JsonPath::parse("data.workflowEvents.seq"));
    config.commit_path = Some(JsonPath::parse("data.workflowEvents.detail.committedAtMicros"));
    config.expect = Some(settings.events() as u64);
    let swarm = Swarm::open(&config).await;
    println!(
        "opened {} of {n} in {:.1} s{}",
        swarm.opened,
        swarm.open_time.as_secs_f64(),
        swarm.first_error().map(|e| format!(" (first error: {e})")).unwrap_or_default()
    );
    server.wait_subscriptions(swarm.opened, Duration::from_secs(120)).await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let rss_open_kib = proc_status_kib(pid, "VmRSS")?;
    println!("server RSS idle {} MiB, with {} open {} MiB", rss_idle_kib / 1024, swarm.opened, rss_open_kib / 1024);

    let before = server.metrics().await?;
    let (server_cpu_before, client_cpu_before) = (cpu_seconds(&pid.to_string()), cpu_seconds("self"));
    let window = Instant::now();
    let tag = format!("bench-ws-{}-{n}-{}", std::process::id(), now_micros());
    let published = publish(database.url.clone(), database.cycle_id, settings.rate, settings.events(), tag).await?;
    let expected_total = published.len() as u64 * swarm.opened as u64;
    swarm.wait(Instant::now() + DRAIN_TIMEOUT, Duration::from_secs(15), None).await;
    let event_window_s = window.elapsed().as_secs_f64();
    let (server_cpu_s, client_cpu_s) =
        (cpu_seconds(&pid.to_string()) - server_cpu_before, cpu_seconds("self") - client_cpu_before);
    let after = server.metrics().await?;
    let rss_after_kib = proc_status_kib(pid, "VmRSS")?;
    let hwm_kib = proc_status_kib(pid, "VmHWM")?;
    let report = swarm.finish().await;
    drop(server);

    let offsets: HashMap<u64, i64> =
        published.iter().map(|p| (u64::try_from(p.seq).unwrap_or(0), p.committed_us - p.stamped_us)).collect();
    let mut commit_times: Vec<i64> = published.iter().map(|p| p.committed_us - p.stamped_us).collect();
    commit_times.sort_unstable();
    let delta = |name: &str| after.get(name).copied().unwrap_or(0.0) - before.get(name).copied().unwrap_or(0.0);
    Ok(Row {
        subscribers: n,
        opened: report.opened,
        open_secs: report.open_time.as_secs_f64(),
        events: published.len(),
        expected: expected_total,
        received: report.received,
        lost: report.lost + (n - report.opened) as u64 * published.len() as u64,
        duplicates: report.duplicates,
        errors: report.errors,
        ended_early: report.ended_early,
        first_error: report.first_error.clone(),
        latency: report.latency(|seq| offsets.get(&seq).copied().unwrap_or(0)),
        stamped: report.latency(|_| 0),
        commit_p50_us: client::percentile(&commit_times, 50.0),
        commit_p99_us: client::percentile(&commit_times, 99.0),
        listener_queries: delta("synapse_listener_queries_total"),
        catch_up_queries: delta("synapse_catch_up_queries_total"),
        broadcast: delta("synapse_events_broadcast_total"),
        delivered: delta("synapse_events_delivered_total"),
        rss_idle_kib,
        rss_open_kib,
        rss_after_kib,
        hwm_kib,
        server_cpu_s,
        client_cpu_s,
        event_window_s,
    })
}

impl Row {
    fn queries_per_event(&self) -> f64 {
        (self.listener_queries + self.catch_up_queries) / self.events.max(1) as f64
    }

    /// Server memory per open subscriber, in KB (1,000 bytes), in the steady state: read after
    /// the events, with all N still open, once the allocator has handed back what the connect
    /// burst (N handshakes and N visibility checks at once) used only for a moment.
    fn kb_per_subscriber(&self) -> f64 {
        (self.rss_after_kib as f64 - self.rss_idle_kib as f64) * 1024.0 / 1000.0 / self.opened.max(1) as f64
    }

    /// The same figure read just after the N connected, transient burst memory included.
    fn kb_per_subscriber_at_open(&self) -> f64 {
        (self.rss_open_kib as f64 - self.rss_idle_kib as f64) * 1024.0 / 1000.0 / self.opened.max(1) as f64
    }

    fn p99_ms(&self) -> Option<f64> {
        self.latency.p99_us.map(|us| us as f64 / 1000.0)
    }

    /// The targets this run missed, in words; empty when all are met.
    fn misses(&self) -> Vec<String> {
        let mut misses = Vec::new();
        if let (Some(target), Some(p99)) = (target_p99_ms(self.subscribers), self.p99_ms())
            && p99 > target
        {
            misses.push(format!("p99 {p99:.1} ms > {target:.0} ms (+{:.0} %)", (p99 / target - 1.0) * 100.0));
        }
        if self.p99_ms().is_none() {
            misses.push("no latency measured".to_owned());
        }
        if self.lost > 0 {
            misses.push(format!("{} deliveries lost", self.lost));
        }
        if self.queries_per_event() > 1.0 {
            misses.push(format!("{:.2} queries per event", self.queries_per_event()));
        }
        if self.kb_per_subscriber() > TARGET_KB_PER_SUBSCRIBER {
            misses.push(format!("{:.1} KB per subscriber > {TARGET_KB_PER_SUBSCRIBER:.0}", self.kb_per_subscriber()));
        }
        misses
    }

    fn verdict(&self) -> String {
        let misses = self.misses();
        if misses.is_empty() { "met".to_owned() } else { format!("missed: {}", misses.join("; ")) }
    }

    fn print_detail(&self) {
        println!(
            "received {} of {} ({} lost, {} duplicates, {} errors, {} ended early)",
            self.received, self.expected, self.lost, self.duplicates, self.errors, self.ended_early
        );
        if let Some(error) = &self.first_error {
            println!("first error: {error}");
        }
        println!(
            "latency from commit: p50 {} ms, p99 {} ms, max {} ms; last receipt per event p50 {} ms, p99 {} ms",
            ms(self.latency.p50_us),
            ms(self.latency.p99_us),
            ms(self.latency.max_us),
            ms(self.latency.last_p50_us),
            ms(self.latency.last_p99_us)
        );
        println!(
            "latency from the stamp before the append: p50 {} ms, p99 {} ms (append + commit p50 {} ms, p99 {} ms)",
            ms(self.stamped.p50_us),
            ms(self.stamped.p99_us),
            ms(self.commit_p50_us),
            ms(self.commit_p99_us)
        );
        println!(
            "server: {} listener queries, {} catch-up queries, {} broadcast, {} delivered to streams",
            self.listener_queries, self.catch_up_queries, self.broadcast, self.delivered
        );
        println!(
            "CPU over the {:.1} s event window: server {:.1} s, bench process (client + publisher) {:.1} s",
            self.event_window_s, self.server_cpu_s, self.client_cpu_s
        );
        println!(
            "server RSS: idle {} KiB, {} open {} KiB, after the events {} KiB, peak {} KiB",
            self.rss_idle_kib, self.opened, self.rss_open_kib, self.rss_after_kib, self.hwm_kib
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

struct Report {
    rows: Vec<Row>,
    rate: f64,
    seconds: f64,
}

const HEADER: &str = "| subscribers | opened | events | p50 (ms) | p99 (ms) | p99 target (ms) | last receipt p99 (ms) \
| lost | queries/event | RSS idle (MiB) | RSS just opened (MiB) | RSS open, after the events (MiB) \
| KB/subscriber at open | KB/subscriber | server CPU (s) | client CPU (s) | verdict |";

impl Report {
    fn table_row(row: &Row) -> String {
        format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {:.2} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {} |",
            row.subscribers,
            row.opened,
            row.events,
            ms(row.latency.p50_us),
            ms(row.latency.p99_us),
            target_p99_ms(row.subscribers).map_or_else(|| "–".to_owned(), |t| format!("{t:.0}")),
            ms(row.latency.last_p99_us),
            row.lost,
            row.queries_per_event(),
            row.rss_idle_kib as f64 / 1024.0,
            row.rss_open_kib as f64 / 1024.0,
            row.rss_after_kib as f64 / 1024.0,
            row.kb_per_subscriber_at_open(),
            row.kb_per_subscriber(),
            row.server_cpu_s,
            row.client_cpu_s,
            row.verdict()
        )
    }

    fn print(&self) {
        println!("\n{HEADER}");
        for row in &self.rows {
            println!("{}", Self::table_row(row));
        }
    }

    fn markdown(&self) -> String {
        let cores = std::thread::available_parallelism().map_or(0, std::num::NonZeroUsize::get);
        let date = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC");
        let commit = commit::git_commit().map(|c| format!(", commit `{c}`")).unwrap_or_default();
        let mut text = format!(
            "\n## {date} · {cores} cores · subscriptions: `workflowEvents` fan-out, {} events/s for {} s{commit}\n\n\
             {HEADER}\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n",
            self.rate, self.seconds
        );
        for row in &self.rows {
            text.push_str(&Self::table_row(row));
            text.push('\n');
        }
        text.push('\n');
        for row in &self.rows {
            text.push_str(&format!(
                "- {} subscribers: received {} of {} deliveries ({} duplicates, {} errors); \
                 {} listener + {} catch-up queries for {} events; latency from the stamp before the append \
                 p50 {} / p99 {} ms (append + commit p50 {} / p99 {} ms); peak RSS {:.1} MiB; \
                 opening took {:.1} s.{}\n",
                row.subscribers,
                row.received,
                row.expected,
                row.duplicates,
                row.errors,
                row.listener_queries,
                row.catch_up_queries,
                row.events,
                ms(row.stamped.p50_us),
                ms(row.stamped.p99_us),
                ms(row.commit_p50_us),
                ms(row.commit_p99_us),
                row.hwm_kib as f64 / 1024.0,
                row.open_secs,
                row.first_error.as_ref().map(|e| format!(" First error: `{e}`.")).unwrap_or_default()
            ));
        }
        text
    }

    /// Appends the section to `docs/BENCHMARKS.md`, with this bench's introduction the first time.
    fn append_markdown(&self) -> anyhow::Result<std::path::PathBuf> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join("BENCHMARKS.md");
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let existing = std::fs::read_to_string(&path).unwrap_or_default();
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&path)?;
        if existing.is_empty() {
            file.write_all(b"# Benchmarks\n\nResults of the benches in `benches/`, one dated section per run.\n")?;
        }
        if !existing.contains(INTRO_MARKER) {
            file.write_all(INTRO.as_bytes())?;
        }
        file.write_all(self.markdown().as_bytes())?;
        Ok(path)
    }
}

const INTRO_MARKER: &str = "cargo bench --bench subscriptions";

/// What the subscription sections measure, written once.
const INTRO: &str = "\n## Subscription fan-out: `cargo bench --bench subscriptions`\n\n\
N graphql-transport-ws subscribers to `workflowEvents(cycleId)` on one `synapse serve` process \
(release build, Temporal worker off), while events are committed with `worker::events::append`, \
one transaction each, at a steady rate (default 10 per second for 20 s). Run with \
`ulimit -n 65536` (or as high as `ulimit -Hn` allows: client and server each hold N sockets), then \
`cargo bench --bench subscriptions` (`BENCH_SUBSCRIBERS=1000,5000,10000`, \
`BENCH_EVENTS_PER_SECOND=10`, `BENCH_SECONDS=20`). The load client is `benches/ws_load/client.rs`, \
also runnable against any graphql-transport-ws server with `cargo bench --bench ws_load -- --url ws://… \
--token … --query '…' --variables '{…}' --subscribers N --expect M --id-path … --commit-path …`.\n\n\
*p50/p99*: over every delivery, from the publisher's COMMIT returning to the subscriber's socket \
yielding the frame; *last receipt*: per event, until its slowest subscriber had it. *lost*: \
expected − distinct events received, summed over subscribers. *queries/event*: the server's \
listener range queries plus catch-up queries (`/metrics`) during the events, per event. *KB/subscriber*: \
(server RSS with N open − RSS idle) / N, KB = 1,000 bytes, read in the steady state, after the \
events with all N still open; *at open*: read 2 s after the N connected, with what the connect \
burst used for a moment (N handshakes and visibility checks at once) not yet handed back. *CPU*: seconds used during the event \
window by the server and by the bench process (the N clients' websocket and JSON work, and the \
publisher); PostgreSQL, server and clients share the machine's cores. Targets on 2 cores: p99 ≤ 50 ms \
at 1,000, ≤ 250 ms at 5,000, ≤ 500 ms at 10,000; nothing lost; one query per event whatever N; \
≤ 20 KB per idle subscriber.\n";
