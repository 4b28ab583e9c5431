//! What a bench run found: each batch's figures, the rounds' ratios and the verdict, printed and
//! appended to `docs/BENCHMARKS.md`.

use std::io::Write;
use std::time::Duration;

use anyhow::bail;

use super::TARGET_RATIO;
use super::commit::git_commit;
use super::cpu::CpuTime;

/// One run's figures.
#[derive(Debug, Clone)]
pub struct RunStats {
    pub label: &'static str,
    pub started: usize,
    pub completed: usize,
    pub wall: Duration,
    /// Start-to-complete of the completed cycles, sorted.
    pub latencies: Vec<Duration>,
    pub first_error: Option<String>,
    /// Activities scheduled by one cycle (parent and children), read from Temporal's history;
    /// counted in the first round only (0: not counted).
    pub activities_per_cycle: usize,
    /// CPU time each part of the machine spent during the run.
    pub cpu: CpuTime,
}

impl RunStats {
    /// The run's figures as a table row shows them, after the round: label, cycles started and
    /// completed, wall seconds, cycles per minute, p50 and p95 seconds, activities, CPU seconds.
    fn cells(&self) -> [String; 9] {
        [
            self.label.to_owned(),
            self.started.to_string(),
            self.completed.to_string(),
            format!("{:.2}", self.wall.as_secs_f64()),
            format!("{:.1}", self.per_minute()),
            format!("{:.2}", self.percentile(50.0)),
            format!("{:.2}", self.percentile(95.0)),
            self.activities(),
            self.cpu_text(),
        ]
    }

    /// The activity count for a table: a dash where it was not counted.
    fn activities(&self) -> String {
        if self.activities_per_cycle == 0 { "–".to_owned() } else { self.activities_per_cycle.to_string() }
    }

    /// The run's CPU seconds by part: the dev server, PostgreSQL, this process, the rest.
    fn cpu_text(&self) -> String {
        let cpu = &self.cpu;
        format!("{:.1} / {:.1} / {:.1} / {:.1}", cpu.temporal, cpu.postgres, cpu.bench, cpu.other)
    }

    /// `Ok` when every cycle of the run completed, else its first error.
    pub fn require_all(&self) -> anyhow::Result<()> {
        match &self.first_error {
            None => Ok(()),
            Some(error) => {
                bail!("{} of {} cycles failed, the first: {error}", self.started - self.completed, self.started)
            }
        }
    }

    fn per_minute(&self) -> f64 {
        let secs = self.wall.as_secs_f64();
        if secs > 0.0 { self.completed as f64 * 60.0 / secs } else { 0.0 }
    }

    /// Nearest-rank percentile, in seconds.
    fn percentile(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let rank = (p / 100.0 * self.latencies.len() as f64).ceil() as usize;
        self.latencies[rank.clamp(1, self.latencies.len()) - 1].as_secs_f64()
    }
}

/// One round: a no-op batch, then a real one.
pub struct Round {
    pub noop: RunStats,
    pub real: RunStats,
}

/// Every round's figures, and the no-op batch after the last round.
pub struct Report {
    pub cycles: usize,
    pub reports: usize,
    pub rounds: Vec<Round>,
    pub closing_noop: RunStats,
}

impl Report {
    /// Round `index`'s real throughput over the mean no-op throughput of the batches before and
    /// after its real batch.
    fn round_ratio(&self, index: usize) -> f64 {
        let Some(round) = self.rounds.get(index) else { return f64::NAN };
        let after = self.rounds.get(index + 1).map_or(&self.closing_noop, |next| &next.noop);
        let limit = (round.noop.per_minute() + after.per_minute()) / 2.0;
        if limit > 0.0 { round.real.per_minute() / limit } else { f64::NAN }
    }

    /// Every round's ratio, in order.
    fn ratios(&self) -> Vec<f64> {
        (0..self.rounds.len()).map(|index| self.round_ratio(index)).collect()
    }

    /// The median of the rounds' ratios (the lower middle one for an even count).
    fn ratio(&self) -> f64 {
        let mut ratios = self.ratios();
        ratios.sort_by(f64::total_cmp);
        ratios.get(ratios.len().saturating_sub(1) / 2).copied().unwrap_or(f64::NAN)
    }

    /// Real over no-op throughput with every batch of each kind pooled (all their cycles over all
    /// their wall time): steadier than any one round, beside the median the verdict is on.
    fn pooled_ratio(&self) -> f64 {
        let pooled = |runs: Vec<&RunStats>| {
            let cycles: usize = runs.iter().map(|run| run.completed).sum();
            let secs: f64 = runs.iter().map(|run| run.wall.as_secs_f64()).sum();
            if secs > 0.0 { cycles as f64 / secs } else { f64::NAN }
        };
        let noop = pooled(self.rounds.iter().map(|r| &r.noop).chain([&self.closing_noop]).collect());
        let real = pooled(self.rounds.iter().map(|r| &r.real).collect());
        real / noop
    }

    fn target_met(&self) -> bool {
        self.ratio() >= TARGET_RATIO && self.rounds.iter().all(|r| r.real.completed == r.real.started)
    }

    fn verdict(&self) -> &'static str {
        if self.target_met() { "met" } else { "NOT met" }
    }

    /// Every batch in the order it ran, by round; the closing no-op batch counts as one more.
    fn runs(&self) -> impl Iterator<Item = (usize, &RunStats)> {
        let closing = std::iter::once((self.rounds.len() + 1, &self.closing_noop));
        self.rounds.iter().enumerate().flat_map(|(i, r)| [(i + 1, &r.noop), (i + 1, &r.real)]).chain(closing)
    }

    pub fn print(&self) {
        println!();
        println!(
            "{:<5} {:<6} {:>7} {:>9} {:>8} {:>11} {:>7} {:>7} {:>15} {:>28}",
            "round",
            "run",
            "cycles",
            "completed",
            "wall s",
            "cycles/min",
            "p50 s",
            "p95 s",
            "activities/cycle",
            "CPU s: Temporal/PG/bench/other"
        );
        for (round, run) in self.runs() {
            let [label, started, completed, wall, per_minute, p50, p95, activities, cpu] = run.cells();
            println!(
                "{round:<5} {label:<6} {started:>7} {completed:>9} {wall:>8} {per_minute:>11} {p50:>7} {p95:>7} {activities:>15} {cpu:>28}"
            );
        }
        for (round, run) in self.runs() {
            if let Some(error) = &run.first_error {
                println!("round {round}, {} failures, the first: {error}", run.label);
            }
        }
        let each: Vec<String> = self.ratios().iter().map(|ratio| format!("{:.1} %", ratio * 100.0)).collect();
        println!(
            "\nreal / no-op throughput by round (each real batch against the no-op batches before and after it): {}; median {:.1} %; all rounds pooled {:.1} %; target (real ≥ {:.0} % of no-op, on the median): {}",
            each.join(", "),
            self.ratio() * 100.0,
            self.pooled_ratio() * 100.0,
            TARGET_RATIO * 100.0,
            self.verdict()
        );
    }

    /// The dated Markdown section of this result.
    fn markdown(&self) -> String {
        let cores = std::thread::available_parallelism().map_or(0, std::num::NonZeroUsize::get);
        let date = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC");
        let commit = git_commit().map(|c| format!(", commit `{c}`")).unwrap_or_default();
        let mut text = format!(
            "\n## {date} · {cores} cores · {} concurrent AUTO cycles × {} reports, {} rounds{commit}\n\n\
             | round | run | cycles | completed | wall (s) | cycles/min | p50 (s) | p95 (s) | activities/cycle \
             | CPU s: Temporal / PG / bench / other |\n\
             |---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
            self.cycles,
            self.reports,
            self.rounds.len()
        );
        for (round, run) in self.runs() {
            text.push_str(&format!("| {round} | {} |\n", run.cells().join(" | ")));
        }
        let each: Vec<String> = self.ratios().iter().map(|ratio| format!("{:.1} %", ratio * 100.0)).collect();
        text.push_str(&format!(
            "\nReal / no-op throughput by round (each real batch against the no-op batches before and after it): {}; median **{:.1} %**; all rounds pooled (every batch's cycles over their wall time) {:.1} % (target ≥ {:.0} % on the median: **{}**).\n",
            each.join(", "),
            self.ratio() * 100.0,
            self.pooled_ratio() * 100.0,
            TARGET_RATIO * 100.0,
            self.verdict()
        ));
        for (round, run) in self.runs() {
            if let Some(error) = &run.first_error {
                text.push_str(&format!(
                    "\nRound {round}, {} failures ({} of {}), the first: `{error}`\n",
                    run.label,
                    run.started - run.completed,
                    run.started
                ));
            }
        }
        text
    }

    /// Appends the section to `docs/BENCHMARKS.md`, creating it with its preamble if needed.
    pub fn append_markdown(&self) -> anyhow::Result<std::path::PathBuf> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join("BENCHMARKS.md");
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let fresh = !path.exists();
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&path)?;
        if fresh {
            file.write_all(PREAMBLE.as_bytes())?;
        }
        file.write_all(self.markdown().as_bytes())?;
        Ok(path)
    }
}

/// The head of `docs/BENCHMARKS.md`.
const PREAMBLE: &str = "# Benchmarks\n\n\
Results of `cargo bench --bench cycle_throughput` (see the header of `benches/cycle_throughput.rs`), \
appended one dated section per run. Each section's heading names the machine's core count: the \
reference machine has 2 cores, shared by PostgreSQL, the Temporal dev server, both workers and the \
bench. *no-op* is the same workflow shape with activities that return at once (the engine's own \
limit on this machine); *real* is the product's workflow with its tracking and phase work. The \
target is real ≥ 75 % of no-op throughput.\n";
