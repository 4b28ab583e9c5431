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
// The grouping of CPU time by process is for cycle_throughput; this bench reads single processes.
#[allow(dead_code)]
#[path = "common/cpu.rs"]
mod cpu;
#[path = "subscriptions/publisher.rs"]
mod publisher;
#[path = "subscriptions/report.rs"]
mod report;
#[path = "common/scratch_db.rs"]
mod scratch_db;
#[path = "subscriptions/server.rs"]
mod server;
#[path = "common/settings.rs"]
mod settings;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use serde_json::json;

// The CLI (`benches/ws_load.rs`) uses the parts of the client this bench does not.
#[allow(dead_code)]
#[path = "ws_load/client.rs"]
mod client;

use client::{JsonPath, LoadConfig, Swarm, now_micros};
use publisher::publish;
use report::{Report, Row};
use server::{BenchDatabase, Server, proc_status_kib};

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
// One run
// ---------------------------------------------------------------------------------------------

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
    let (server_cpu_before, client_cpu_before) = (cpu_seconds(pid), cpu_seconds(std::process::id()));
    let window = Instant::now();
    let tag = format!("bench-ws-{}-{n}-{}", std::process::id(), now_micros());
    let published = publish(database.url.clone(), database.cycle_id, settings.rate, settings.events(), tag).await?;
    let expected_total = published.len() as u64 * swarm.opened as u64;
    swarm.wait(Instant::now() + DRAIN_TIMEOUT, Duration::from_secs(15), None).await;
    let event_window_s = window.elapsed().as_secs_f64();
    let (server_cpu_s, client_cpu_s) =
        (cpu_seconds(pid) - server_cpu_before, cpu_seconds(std::process::id()) - client_cpu_before);
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

/// A process's CPU seconds so far (zero once it has ended).
fn cpu_seconds(pid: u32) -> f64 {
    cpu::process_time(pid).map_or(0.0, |(_, seconds)| seconds)
}
