//! What one N measured, printed as detail lines and as the table appended to docs/BENCHMARKS.md.

use std::io::Write;

use super::client::{LatencySummary, ms};
use super::commit;
use super::{TARGET_KB_PER_SUBSCRIBER, target_p99_ms};

/// What one N measured.
#[derive(Debug)]
pub struct Row {
    pub subscribers: usize,
    pub opened: usize,
    pub open_secs: f64,
    pub events: usize,
    pub expected: u64,
    pub received: u64,
    pub lost: u64,
    pub duplicates: u64,
    pub errors: u64,
    pub ended_early: usize,
    pub first_error: Option<String>,
    /// From COMMIT returning to receipt.
    pub latency: LatencySummary,
    /// From the payload's stamp (before the append) to receipt.
    pub stamped: LatencySummary,
    /// Append plus commit time of the publisher: p50 and p99, µs.
    pub commit_p50_us: Option<i64>,
    pub commit_p99_us: Option<i64>,
    pub listener_queries: f64,
    pub catch_up_queries: f64,
    pub broadcast: f64,
    pub delivered: f64,
    pub rss_idle_kib: u64,
    pub rss_open_kib: u64,
    pub rss_after_kib: u64,
    pub hwm_kib: u64,
    pub server_cpu_s: f64,
    pub client_cpu_s: f64,
    pub event_window_s: f64,
}

impl Row {
    pub fn queries_per_event(&self) -> f64 {
        (self.listener_queries + self.catch_up_queries) / self.events.max(1) as f64
    }

    /// Server memory per open subscriber, in KB (1,000 bytes), in the steady state: read after
    /// the events, with all N still open, once the allocator has handed back what the connect
    /// burst (N handshakes and N visibility checks at once) used only for a moment.
    pub fn kb_per_subscriber(&self) -> f64 {
        (self.rss_after_kib as f64 - self.rss_idle_kib as f64) * 1024.0 / 1000.0 / self.opened.max(1) as f64
    }

    /// The same figure read just after the N connected, transient burst memory included.
    pub fn kb_per_subscriber_at_open(&self) -> f64 {
        (self.rss_open_kib as f64 - self.rss_idle_kib as f64) * 1024.0 / 1000.0 / self.opened.max(1) as f64
    }

    pub fn p99_ms(&self) -> Option<f64> {
        self.latency.p99_us.map(|us| us as f64 / 1000.0)
    }

    /// The targets this run missed, in words; empty when all are met.
    pub fn misses(&self) -> Vec<String> {
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

    pub fn verdict(&self) -> String {
        let misses = self.misses();
        if misses.is_empty() { "met".to_owned() } else { format!("missed: {}", misses.join("; ")) }
    }

    pub fn print_detail(&self) {
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

pub struct Report {
    pub rows: Vec<Row>,
    pub rate: f64,
    pub seconds: f64,
}

const HEADER: &str = "| subscribers | opened | events | p50 (ms) | p99 (ms) | p99 target (ms) | last receipt p99 (ms) \
| lost | queries/event | RSS idle (MiB) | RSS just opened (MiB) | RSS open, after the events (MiB) \
| KB/subscriber at open | KB/subscriber | server CPU (s) | client CPU (s) | verdict |";

/// The Markdown table's delimiter row for `header`: figures right-aligned, the closing verdict not.
/// Derived from the header so the two always have as many cells (a mismatch stops it being a table).
fn delimiter_row(header: &str) -> String {
    let columns = header.matches('|').count().saturating_sub(1);
    format!("|{}---|", "---:|".repeat(columns.saturating_sub(1)))
}

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

    pub fn print(&self) {
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
             {HEADER}\n{}\n",
            self.rate,
            self.seconds,
            delimiter_row(HEADER)
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
    pub fn append_markdown(&self) -> anyhow::Result<std::path::PathBuf> {
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
