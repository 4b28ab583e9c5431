//! `ws_load`: a graphql-transport-ws load client for any server, so that Synapse and another
//! implementation can be measured side by side with the same client.
//!
//! Opens `--subscribers` websocket connections to `--url` (subprotocol `graphql-transport-ws`),
//! 200 at a time, sends `connection_init` (payload `{"Authorization": "Bearer <token>"}` with
//! `--token`, or any `--init-payload`), starts `--query` with `--variables` on each, waits
//! `--settle` seconds (the protocol does not acknowledge a subscribe) and prints `ready`; from
//! then on it counts the `next` messages of every subscriber until each has `--expect` of them,
//! `--timeout` passes, nothing arrived for `--idle` seconds, or Ctrl-C. Events are produced by
//! whatever drives the server meanwhile. It prints: connections opened, messages received, deliveries lost
//! (expected − distinct events received, per subscriber, summed), duplicates, errors, and, when
//! the payload carries a commit timestamp (`--commit-path`), the p50/p99 of the latency from
//! commit to receipt over every delivery and of each event's last receipt.
//!
//! ```sh
//! ulimit -n 65536     # or at least N + 256 (`ulimit -Hn` is the most a shell may raise it to)
//! CARGO_TARGET_DIR=$HOME/.cache/synapse/target cargo bench --bench ws_load -- \
//!   --url ws://127.0.0.1:8000/graphql/ws --token "$TOKEN" \
//!   --query 'subscription($c: ID!) { workflowEvents(cycleId: $c) { seq detail } }' \
//!   --variables '{"c": "1"}' --subscribers 1000 --expect 200 \
//!   --id-path data.workflowEvents.seq --commit-path data.workflowEvents.detail.committedAtMicros
//! ```
//!
//! The orchestrated Synapse benchmark (`benches/subscriptions.rs`) uses the same client code.

use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Parser;
use serde_json::{Value, json};

#[path = "ws_load/client.rs"]
mod client;

use client::{JsonPath, LoadConfig, Swarm, TimeUnit, ms};

/// A graphql-transport-ws load client.
#[derive(Debug, Parser)]
#[command(name = "ws_load")]
struct Args {
    /// The websocket endpoint, e.g. ws://127.0.0.1:8000/graphql/ws.
    #[arg(long)]
    url: Option<String>,
    /// A bearer token: sent as `{"Authorization": "Bearer <token>"}` in `connection_init`.
    #[arg(long)]
    token: Option<String>,
    /// The whole `connection_init` payload as JSON (instead of --token).
    #[arg(long)]
    init_payload: Option<String>,
    /// The subscription document.
    #[arg(long)]
    query: Option<String>,
    /// Its variables, as a JSON object.
    #[arg(long, default_value = "{}")]
    variables: String,
    /// Connections to open, one subscription each.
    #[arg(long, default_value_t = 100)]
    subscribers: usize,
    /// Events every subscriber should receive; the run ends when all have them.
    #[arg(long)]
    expect: Option<u64>,
    /// Dotted path below `payload` to the event's identity (e.g. data.workflowEvents.seq).
    #[arg(long)]
    id_path: Option<String>,
    /// Dotted path below `payload` to the commit timestamp since the epoch.
    #[arg(long)]
    commit_path: Option<String>,
    /// The commit timestamp's unit: s, ms, us or ns.
    #[arg(long, default_value = "us")]
    commit_unit: String,
    /// Connections opened at once.
    #[arg(long, default_value_t = 200)]
    open_concurrency: usize,
    /// The websocket subprotocol offered.
    #[arg(long, default_value = "graphql-transport-ws")]
    subprotocol: String,
    /// Seconds to wait for the expected messages once everything is subscribed.
    #[arg(long, default_value_t = 120)]
    timeout: u64,
    /// Seconds to wait after subscribing before reporting ready (subscribes are not acknowledged).
    #[arg(long, default_value_t = 2)]
    settle: u64,
    /// Seconds without any message, after the first, that end the run.
    #[arg(long, default_value_t = 10)]
    idle: u64,
    /// Passed by `cargo bench`.
    #[arg(long = "bench", hide = true)]
    _bench: bool,
}

fn main() -> anyhow::Result<()> {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` does not and runs nothing here
    // (whatever else a test runner passes).
    if !std::env::args().any(|arg| arg == "--bench") {
        eprintln!("ws_load: a load client; run it with `cargo bench --bench ws_load -- --url ws://… --query '…'`");
        return Ok(());
    }
    let args = Args::parse();
    let config = config(&args)?;
    client::check_open_files(config.subscribers).map_err(anyhow::Error::msg)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting tokio")?;
    runtime.block_on(run(&args, &config))
}

fn config(args: &Args) -> anyhow::Result<LoadConfig> {
    let Some(url) = &args.url else { bail!("--url is required (ws://host:port/path)") };
    let Some(query) = &args.query else { bail!("--query is required (a subscription document)") };
    let variables: Value = serde_json::from_str(&args.variables).context("--variables is not JSON")?;
    let init_payload = match (&args.init_payload, &args.token) {
        (Some(payload), _) => serde_json::from_str(payload).context("--init-payload is not JSON")?,
        (None, Some(token)) => {
            let value = if token.starts_with("Bearer ") { token.clone() } else { format!("Bearer {token}") };
            json!({ "Authorization": value })
        }
        (None, None) => json!({}),
    };
    let Some(commit_unit) = TimeUnit::parse(&args.commit_unit) else {
        bail!("--commit-unit must be s, ms, us or ns, not {:?}", args.commit_unit)
    };
    if args.subscribers == 0 {
        bail!("--subscribers must be positive");
    }
    let mut config = LoadConfig::new(url, init_payload, query, variables, args.subscribers);
    config.subprotocol.clone_from(&args.subprotocol);
    config.open_concurrency = args.open_concurrency.max(1);
    config.id_path = args.id_path.as_deref().map(JsonPath::parse);
    config.commit_path = args.commit_path.as_deref().map(JsonPath::parse);
    config.commit_unit = commit_unit;
    config.expect = args.expect;
    Ok(config)
}

async fn run(args: &Args, config: &LoadConfig) -> anyhow::Result<()> {
    eprintln!("opening {} subscribers to {} ({} at a time)…", config.subscribers, config.url, config.open_concurrency);
    let swarm = Swarm::open(config).await;
    eprintln!(
        "{} subscribed, {} failed, in {:.1} s{}",
        swarm.opened,
        swarm.failed,
        swarm.open_time.as_secs_f64(),
        swarm.first_error().map(|e| format!("; first error: {e}")).unwrap_or_default()
    );
    // graphql-transport-ws does not acknowledge a subscribe: give the server a moment to set
    // the subscriptions up before saying so.
    tokio::time::sleep(Duration::from_secs(args.settle)).await;
    match args.expect {
        Some(expect) => eprintln!("ready: waiting for {expect} events per subscriber (Ctrl-C ends the run)"),
        None => eprintln!("ready: counting events until {} s pass or Ctrl-C", args.timeout),
    }
    let deadline = Instant::now() + Duration::from_secs(args.timeout);
    tokio::select! {
        () = swarm.wait(deadline, Duration::from_secs(args.idle), Some(Duration::from_secs(5))) => {}
        _ = tokio::signal::ctrl_c() => eprintln!("interrupted"),
    }
    let report = swarm.finish().await;
    let latency = report.latency(|_| 0);
    println!("url                  {}", config.url);
    println!("subscribers          {} asked, {} opened, {} failed", report.subscribers, report.opened, report.failed);
    println!("open time            {:.1} s", report.open_time.as_secs_f64());
    println!("messages received    {} ({} distinct events)", report.received, report.distinct_events());
    match report.expected_per_subscriber {
        Some(expect) => println!(
            "deliveries lost      {} of {} ({} subscribers short)",
            report.lost,
            expect * report.opened as u64,
            report.short_subscribers
        ),
        None => println!("deliveries lost      unknown (no --expect)"),
    }
    println!("duplicates           {}", report.duplicates);
    println!("errors               {}", report.errors);
    println!("ended by the server  {}", report.ended_early);
    if let Some(error) = &report.first_error {
        println!("first error          {error}");
    }
    if latency.samples > 0 {
        println!(
            "latency (ms)         p50 {}  p99 {}  max {}  over {} deliveries",
            ms(latency.p50_us),
            ms(latency.p99_us),
            ms(latency.max_us),
            latency.samples
        );
        println!(
            "last receipt (ms)    p50 {}  p99 {}  over {} events (commit to the slowest subscriber)",
            ms(latency.last_p50_us),
            ms(latency.last_p99_us),
            latency.events
        );
    } else if let Some(path) = &config.commit_path {
        println!("latency              no message carried a commit time at {path}");
    }
    Ok(())
}
