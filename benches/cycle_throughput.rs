//! Cycle throughput: what tracking and real phase work cost against Temporal's own limit.
//!
//! Runs batches of `BENCH_CYCLES` test cycles of `BENCH_REPORTS` reports each, all at once, in AUTO
//! approval mode, on the same Temporal dev server, in two shapes:
//!
//! * **real**: the product's `EnhancedTestCycleWorkflow`, started through the real service
//!   (`synapse::services::workflows::start`) and run by the real worker (`run_worker`) against a
//!   fresh, migrated and seeded PostgreSQL database;
//! * **no-op**: a copy of the same workflow shape (`cycle_throughput/noop.rs`: a parent starting
//!   one child per report; a child running the eight phases, 3 and 4 side by side, with as many
//!   activity calls per phase as the real one makes in AUTO mode) whose activities return at once
//!   and touch no database. That is what the engine, the SDK and this machine manage on their own.
//!
//! For each it reports cycles per minute (completed cycles over the wall time from the first
//! start to the last completion) and the p50/p95 of each cycle's start-to-complete time (from the
//! start call to the parent workflow's result). The real/no-op throughput ratio is the figure of
//! merit: the target is that tracking and phase work cost at most 25 %, i.e. real ≥ 75 % of no-op.
//! The dev server's own speed drifts from minute to minute (a no-op batch alone varies by a third
//! from run to run, and the server slows as its histories pile up), so `BENCH_ROUNDS` rounds
//! (default 5) each measure a no-op batch and then a real one, one more no-op batch closes the
//! last round, and each real batch is weighed against the mean of the no-op batches just before
//! and just after it, which cancels a steady drift in either direction. The verdict is on the
//! median round's ratio; beside it the bench prints every batch of each kind pooled (all their
//! cycles over all their wall time), a steadier figure that does not cancel drift. Each batch also
//! reports the CPU seconds the dev server, PostgreSQL and this process spent (`common/cpu.rs`):
//! the machine is saturated in both runs, so these say where the real run's extra time goes.
//! The result is printed and appended to `docs/BENCHMARKS.md`. Each run is preceded by an
//! unmeasured warm-up batch of the same N concurrent cycles on the same path, so the measured batch
//! meets the steady state of a long-running worker: its pool's connections open, each with its
//! prepared statements and PostgreSQL's per-connection caches, rather than paying once more for
//! opening them (a one-time cost per process, not a cost per cycle).
//!
//! Needs PostgreSQL and a Temporal dev server: `./start_all_services.sh`, or
//! `. scripts/lib.sh && ensure_postgres && ensure_temporal`. Then:
//!
//! ```sh
//! CARGO_TARGET_DIR=$HOME/.cache/synapse/target cargo bench --bench cycle_throughput
//! BENCH_CYCLES=50 BENCH_REPORTS=3 cargo bench --bench cycle_throughput      # or:
//! cargo bench --bench cycle_throughput -- --cycles 50 --reports 3
//! ```
//!
//! Settings: `BENCH_CYCLES` (default 20), `BENCH_REPORTS` (default 2, at most the 5 seeded
//! reports), `BENCH_ROUNDS` (default 5), `DATABASE_URL` (the server; a database name in it is ignored; default
//! `postgres://postgres@127.0.0.1:5432`), `TEMPORAL_HOST` (default `localhost:7233`). The bench
//! creates the database `synapse_bench_<pid>` and drops it at the end. `RUST_LOG` turns on logs.

#[path = "common/commit.rs"]
mod commit;
#[path = "common/cpu.rs"]
mod cpu;
#[path = "cycle_throughput/noop.rs"]
mod noop;
#[path = "cycle_throughput/report.rs"]
mod report;
#[path = "common/scratch_db.rs"]
mod scratch_db;
#[path = "common/settings.rs"]
mod settings;

// Both workers run in this process, as the real one runs in `synapse worker`: with its allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::BTreeSet;
use std::future::Future;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use entity::enums::{ApprovalMode, Role};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use synapse::auth::Viewer;
use synapse::config::Config;
use synapse::db::statement;
use synapse::services::workflows::{self, StartRequest};
use synapse::temporal::Gateway;
use temporalio_client::{
    Client, UntypedWorkflow, WorkflowFetchHistoryOptions, WorkflowGetResultOptions, WorkflowStartOptions,
};
use temporalio_common::protos::temporal::api::history::v1::history_event::Attributes;
use temporalio_sdk::{Runtime, Worker, WorkerOptions};
use worker::messages::{StartCycle, cycle_workflow_id, report_workflow_id};
use worker::runner::{TemporalTarget, WorkerConfig, connect, run_worker};
use worker::settings::WorkflowSettings;
use worker::workflows::EnhancedTestCycleWorkflow;

use cpu::CpuTime;
use noop::{NoopActivities, NoopCycle, NoopCycleWorkflow, NoopReportWorkflow};
use report::{Report, Round, RunStats};
use scratch_db::ScratchDatabase;

/// The demo password the bench database is seeded with.
const DEMO_PASSWORD: &str = "synapse-demo";
/// The target: real throughput at least this share of the no-op throughput.
const TARGET_RATIO: f64 = 0.75;

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

/// What one bench run measures and where.
#[derive(Debug, Clone)]
struct Settings {
    /// Cycles started at once per run.
    cycles: usize,
    /// Alternating no-op and real batches measured; the verdict is on the median ratio.
    rounds: usize,
    /// Reports per cycle.
    reports: usize,
    /// PostgreSQL server URL without a database name.
    server_url: String,
}

impl Settings {
    /// From the command line (`--cycles N`, `--reports N`, `--rounds N`), then the environment,
    /// then defaults.
    fn load() -> anyhow::Result<Self> {
        let args: Vec<String> = std::env::args().collect();
        let cycles = count_setting(&args, "--cycles", "BENCH_CYCLES", 20)?;
        let reports = count_setting(&args, "--reports", "BENCH_REPORTS", 2)?;
        let rounds = count_setting(&args, "--rounds", "BENCH_ROUNDS", 5)?;
        Ok(Self { cycles, rounds, reports, server_url: settings::database_server() })
    }
}

/// A positive count from `--flag N` / `--flag=N`, else `$var`, else `default`.
fn count_setting(args: &[String], flag: &str, var: &str, default: usize) -> anyhow::Result<usize> {
    let raw = match settings::setting(args, flag, var) {
        Some(raw) => raw,
        None => return Ok(default),
    };
    match raw.trim().parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => bail!("{flag} / {var} must be a positive integer, not {raw:?}"),
    }
}

/// The app's configuration (from the environment, like the server reads it) pointed at the
/// bench database, with a task queue and workflow ids no other user of the dev server has.
fn bench_config(database_url: &str, run_tag: &str) -> anyhow::Result<Config> {
    use clap::Parser;
    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        config: Config,
    }
    let mut config = Wrapper::try_parse_from(["cycle_throughput"]).context("reading the configuration")?.config;
    config.database_url = database_url.to_owned();
    config.temporal_task_queue = format!("{run_tag}real");
    config.temporal_workflow_id_prefix = run_tag.to_owned();
    config.testing_faults = false;
    Ok(config)
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

fn main() -> anyhow::Result<()> {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` does not, and must not start a
    // minutes-long benchmark against live services.
    if !std::env::args().any(|arg| arg == "--bench") {
        eprintln!("cycle_throughput: a benchmark; run it with `cargo bench --bench cycle_throughput`");
        return Ok(());
    }
    if std::env::var_os("RUST_LOG").is_some() {
        synapse::telemetry::init();
    }
    let settings = Settings::load()?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting tokio")?;
    runtime.block_on(run(&settings))
}

/// Creates the database, measures both runs, always drops the database, then reports.
async fn run(settings: &Settings) -> anyhow::Result<()> {
    let database = BenchDatabase::create(&settings.server_url, "synapse_bench", DEMO_PASSWORD).await?;
    let outcome = measure_both(settings, &database).await;
    database.drop_now().await;
    let report = outcome?;
    report.print();
    let path = report.append_markdown()?;
    println!("\nappended to {}", path.display());
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Database and fixtures
// ---------------------------------------------------------------------------------------------

/// The bench's own database, migrated and seeded.
type BenchDatabase = ScratchDatabase;

async fn scalar(db: &DatabaseConnection, sql: &str, values: Vec<sea_orm::Value>) -> anyhow::Result<i64> {
    let row = db.query_one_raw(statement(sql, values)).await?.ok_or_else(|| anyhow!("no row from: {sql}"))?;
    Ok(row.try_get_by_index::<i64>(0)?)
}

async fn integers(db: &DatabaseConnection, sql: &str, values: Vec<sea_orm::Value>) -> anyhow::Result<Vec<i64>> {
    let rows = db.query_all_raw(statement(sql, values)).await?;
    rows.iter().map(|row| row.try_get_by_index::<i64>(0).map_err(Into::into)).collect()
}

/// The cycles to start: each ACTIVE, owned by `test-manager`, with the first seeded reports,
/// tested by `tester` (inserted directly: the API's own create is not what is measured).
struct Fixture {
    cycle_ids: Vec<i64>,
    report_ids: Vec<i64>,
    manager_id: i64,
}

impl Fixture {
    async fn create(db: &DatabaseConnection, cycles: usize, reports: usize) -> anyhow::Result<Self> {
        let manager_id = scalar(db, "SELECT id FROM app_user WHERE username = 'test-manager'", vec![]).await?;
        let tester_id = scalar(db, "SELECT id FROM app_user WHERE username = 'tester'", vec![]).await?;
        let limit = i64::try_from(reports)?;
        let report_ids = integers(db, "SELECT id FROM report ORDER BY id LIMIT $1", vec![limit.into()]).await?;
        if report_ids.len() < reports {
            bail!("BENCH_REPORTS is {reports} but the seed has only {} reports", report_ids.len());
        }
        let mut cycle_ids = Vec::with_capacity(cycles);
        for i in 0..cycles {
            let cycle_id = scalar(
                db,
                "INSERT INTO test_cycle (name, description, test_manager_id, start_date, end_date, status)
                 VALUES ($1, 'Throughput benchmark', $2, DATE '2026-10-01', DATE '2026-12-31', 'ACTIVE') RETURNING id",
                vec![format!("Bench cycle {i}").into(), manager_id.into()],
            )
            .await?;
            db.execute_raw(statement(
                "INSERT INTO cycle_report (cycle_id, report_id, tester_id) SELECT $1, unnest($2::bigint[]), $3",
                vec![cycle_id.into(), report_ids.clone().into(), tester_id.into()],
            ))
            .await?;
            cycle_ids.push(cycle_id);
        }
        Ok(Self { cycle_ids, report_ids, manager_id })
    }
}

/// The reports whose real run opened an owner-assignment task in phase 4 (it does when some
/// attribute/LOB pair has no data owner), so the no-op child makes that call for them too.
async fn reports_with_owner_tasks(db: &DatabaseConnection, cycle_id: i64) -> anyhow::Result<BTreeSet<i64>> {
    let ids = integers(
        db,
        "SELECT DISTINCT cr.report_id FROM human_task ht JOIN cycle_report cr ON cr.id = ht.cycle_report_id
         WHERE ht.cycle_id = $1 AND ht.phase::text = 'DATA_OWNER_IDENTIFICATION'",
        vec![cycle_id.into()],
    )
    .await?;
    Ok(ids.into_iter().collect())
}

// ---------------------------------------------------------------------------------------------
// Workers
// ---------------------------------------------------------------------------------------------

/// The real worker on a thread of its own (`Worker::run` is not `Send`), with its own
/// connection pool, as `synapse worker` runs it; it lives until the process ends.
fn spawn_real_worker(database_url: String, config: WorkerConfig) {
    spawn_worker_thread("real", move || async move {
        let db = synapse::db::connect_worker(&database_url).await?;
        run_worker(db, config).await
    });
}

/// The no-op worker, on a thread and runtime of the same size as the real one.
fn spawn_noop_worker(target: TemporalTarget, task_queue: String) {
    spawn_worker_thread("no-op", move || async move {
        let client = connect(&target).await?;
        let runtime = Runtime::from_current_tokio(Default::default()).context("starting the Temporal runtime")?;
        let options = WorkerOptions::new(task_queue)
            .register_workflow::<NoopCycleWorkflow>()?
            .register_workflow::<NoopReportWorkflow>()?
            .register_activities(NoopActivities)
            .build();
        let mut worker = Worker::new(&runtime, client, options).context("creating the no-op worker")?;
        worker.run().await.context("running the no-op worker")
    });
}

/// Runs the future `make` builds on a new thread with a two-thread runtime (the test harness's
/// size; the machine has two cores anyway). The future is made on that thread because a
/// worker's future is not `Send`.
fn spawn_worker_thread<F, Fut>(label: &'static str, make: F)
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = anyhow::Result<()>>,
{
    std::thread::spawn(move || {
        let outcome = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .context("starting the worker's runtime")
            .and_then(|runtime| runtime.block_on(make()));
        if let Err(err) = outcome {
            eprintln!("{label} worker stopped: {err:#}");
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Starting and awaiting one cycle
// ---------------------------------------------------------------------------------------------

/// Starts real cycles the way `startWorkflow` does, and awaits each one's result.
struct RealCycles {
    db: DatabaseConnection,
    gateway: Gateway,
    config: Config,
    viewer: Viewer,
    client: Client,
}

impl RealCycles {
    async fn run(&self, cycle_id: i64) -> anyhow::Result<()> {
        let request = StartRequest { approval_mode: Some(ApprovalMode::Auto), ..StartRequest::default() };
        let execution = workflows::start(&self.db, &self.gateway, &self.config, &self.viewer, cycle_id, request)
            .await
            // `AppError` is deliberately not `Display` (see src/error.rs).
            .map_err(|err| anyhow!("starting cycle {cycle_id}: {err:?}"))?;
        self.client
            .get_workflow_handle::<EnhancedTestCycleWorkflow>(execution.workflow_id)
            .get_result(WorkflowGetResultOptions::default())
            .await
            .with_context(|| format!("real cycle {cycle_id}"))?;
        Ok(())
    }

    fn workflow_id(&self, cycle_id: i64) -> String {
        cycle_workflow_id(&self.gateway.id_prefix, cycle_id)
    }
}

/// Starts no-op cycles with the input a real start would send, and awaits each one's result.
struct NoopCycles {
    client: Client,
    task_queue: String,
    id_prefix: String,
    input: NoopCycle,
    timeout: Duration,
}

impl NoopCycles {
    async fn run(&self, index: usize) -> anyhow::Result<()> {
        let mut input = self.input.clone();
        input.start.cycle_id = i64::try_from(index)?;
        let options = WorkflowStartOptions::new(self.task_queue.clone(), self.workflow_id(index))
            .execution_timeout(self.timeout)
            .build();
        let handle = self.client.start_workflow(NoopCycleWorkflow::run, input, options).await?;
        handle.get_result(WorkflowGetResultOptions::default()).await.with_context(|| format!("no-op cycle {index}"))?;
        Ok(())
    }

    fn workflow_id(&self, index: usize) -> String {
        format!("{}noop-cycle-{index}", self.id_prefix)
    }
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

/// Starts `count` cycles at once through `run_one` and times each and all of them.
async fn measure<F, Fut>(label: &'static str, count: usize, run_one: F) -> RunStats
where
    F: Fn(usize) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let cpu_before = CpuTime::now();
    let began = Instant::now();
    let timed = (0..count).map(|i| {
        let cycle = run_one(i);
        async move {
            let start = Instant::now();
            (cycle.await, start.elapsed())
        }
    });
    let outcomes = futures::future::join_all(timed).await;
    let wall = began.elapsed();
    let cpu = CpuTime::now() - cpu_before;
    let mut latencies = Vec::with_capacity(count);
    let mut first_error = None;
    for (outcome, latency) in outcomes {
        match outcome {
            Ok(()) => latencies.push(latency),
            Err(err) => {
                first_error.get_or_insert_with(|| format!("{err:#}"));
            }
        }
    }
    latencies.sort_unstable();
    RunStats {
        label,
        started: count,
        completed: latencies.len(),
        wall,
        latencies,
        first_error,
        activities_per_cycle: 0,
        cpu,
    }
}

/// Activities scheduled by a parent workflow and its children, from Temporal's histories: the
/// check that the no-op shape makes as many calls as the real one.
async fn scheduled_activities(client: &Client, parent_id: &str, report_ids: &[i64]) -> anyhow::Result<usize> {
    let ids = std::iter::once(parent_id.to_owned()).chain(report_ids.iter().map(|&r| report_workflow_id(parent_id, r)));
    let mut total = 0;
    for id in ids {
        let events = client
            .get_workflow_handle::<UntypedWorkflow>(id.clone())
            .fetch_history(WorkflowFetchHistoryOptions::default())
            .into_events()
            .await
            .with_context(|| format!("history of {id}"))?;
        total += events
            .iter()
            .filter(|event| matches!(event.attributes, Some(Attributes::ActivityTaskScheduledEventAttributes(_))))
            .count();
    }
    Ok(total)
}

/// Sets up both workers, warms each path up with a batch like the measured one, then measures
/// no-op and real.
async fn measure_both(settings: &Settings, database: &BenchDatabase) -> anyhow::Result<Report> {
    let db = synapse::db::connect(&database.url).await?;
    let fixture = Fixture::create(&db, (settings.rounds + 1) * settings.cycles, settings.reports).await?;
    let (warm_up, measured) = fixture.cycle_ids.split_at(settings.cycles);
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_secs();
    let run_tag = format!("bench-{}-{seconds}-", std::process::id());
    let config = bench_config(&database.url, &run_tag)?;
    let worker_config = config.worker_config();
    let client = connect(&worker_config.target).await?;

    let noop_queue = format!("{run_tag}noop");
    spawn_noop_worker(worker_config.target.clone(), noop_queue.clone());
    spawn_real_worker(database.url.clone(), worker_config);

    let viewer = Viewer { user_id: fixture.manager_id, role: Role::TestManager };
    let warm_up_cycle = warm_up[0];
    let settings_snapshot = WorkflowSettings::load(&db, Some(warm_up_cycle), config.temporal_activity_timeout).await?;
    let real = RealCycles { db: db.clone(), gateway: Gateway::new(&config), config: config.clone(), viewer, client };
    // The warm-up also tells which reports open an owner-assignment task, for the no-op shape.
    let warmed = measure("real warm-up", settings.cycles, |i| real.run(warm_up[i])).await;
    warmed.require_all().context("the real warm-up batch")?;
    let owner_tasks = reports_with_owner_tasks(&db, warm_up_cycle).await?;
    let noop = NoopCycles {
        client: real.client.clone(),
        task_queue: noop_queue,
        id_prefix: run_tag.clone(),
        input: NoopCycle {
            start: StartCycle {
                cycle_id: 0,
                report_ids: fixture.report_ids.clone(),
                skip_phases: Vec::new(),
                approval_mode: ApprovalMode::Auto,
                started_by: fixture.manager_id,
                settings: settings_snapshot,
                faults: Vec::new(),
                version: worker::versions::WorkflowVersion::CURRENT,
                start_at: None,
            },
            owner_tasks,
        },
        timeout: config.workflow_timeout(),
    };
    // No-op cycles are numbered by batch: the warm-up takes 1 … N, round r the next N.
    let n = settings.cycles;
    let warmed = measure("no-op warm-up", n, |i| noop.run(i + 1)).await;
    warmed.require_all().context("the no-op warm-up batch")?;

    // Rounds alternate the two paths, and one more no-op batch closes the last round: each real
    // batch is weighed against the no-op batches just before and just after it, so a steady drift
    // of the dev server over the minutes of the bench (it slows as its histories pile up) weighs
    // on neither side. The verdict is on the median round.
    let first_noop = |batch: usize| (batch + 1) * n + 1;
    let mut rounds = Vec::with_capacity(settings.rounds);
    for (round, real_cycles) in measured.chunks(n).enumerate() {
        println!("round {}: {n} no-op, then {n} real cycles of {} reports …", round + 1, settings.reports);
        let mut noop_stats = measure("no-op", n, |i| noop.run(first_noop(round) + i)).await;
        let mut real_stats = measure("real", n, |i| real.run(real_cycles[i])).await;
        if round == 0 {
            noop_stats.activities_per_cycle =
                scheduled_activities(&real.client, &noop.workflow_id(first_noop(round)), &fixture.report_ids).await?;
            real_stats.activities_per_cycle =
                scheduled_activities(&real.client, &real.workflow_id(real_cycles[0]), &fixture.report_ids).await?;
        }
        rounds.push(Round { noop: noop_stats, real: real_stats });
    }
    println!("closing: {n} no-op cycles …");
    let closing = rounds.len();
    let closing_noop = measure("no-op", n, |i| noop.run(first_noop(closing) + i)).await;
    db.close().await?;
    Ok(Report { cycles: n, reports: settings.reports, rounds, closing_noop })
}
