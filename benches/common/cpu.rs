//! CPU time spent by the processes a batch keeps busy, read from Linux's `/proc`: the Temporal dev
//! server, PostgreSQL's backends, this process (the bench and its workers) and everything else.
//! On a machine whose cores are all busy, a batch's wall time follows the CPU time its parts
//! need, and these figures say which part a change made cheaper, with less noise than the wall
//! time. Elsewhere than Linux every figure is zero.

use std::ops::Sub;

/// CPU seconds by process group, cumulative since each process started.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CpuTime {
    pub temporal: f64,
    pub postgres: f64,
    pub bench: f64,
    pub other: f64,
}

impl CpuTime {
    /// The CPU time every running process has used so far.
    pub fn now() -> Self {
        let mut total = Self::default();
        let own = std::process::id();
        let Ok(entries) = std::fs::read_dir("/proc") else { return total };
        for entry in entries.flatten() {
            let Some(pid) = entry.file_name().to_str().and_then(|name| name.parse::<u32>().ok()) else { continue };
            let Some((command, seconds)) = process_time(pid) else { continue };
            let group = if pid == own {
                &mut total.bench
            } else if command.starts_with("temporal") {
                &mut total.temporal
            } else if command.starts_with("postgres") {
                &mut total.postgres
            } else {
                &mut total.other
            };
            *group += seconds;
        }
        total
    }
}

impl Sub for CpuTime {
    type Output = Self;

    fn sub(self, earlier: Self) -> Self {
        // A process that ended in between takes its time with it: never report less than nothing.
        let less = |a: f64, b: f64| (a - b).max(0.0);
        Self {
            temporal: less(self.temporal, earlier.temporal),
            postgres: less(self.postgres, earlier.postgres),
            bench: less(self.bench, earlier.bench),
            other: less(self.other, earlier.other),
        }
    }
}

/// A process's command name and its user plus system CPU seconds (all its threads).
pub fn process_time(pid: u32) -> Option<(String, f64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // `pid (comm) state ppid …`: the name may hold spaces and parentheses, so split at the last ')'.
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let command = stat.get(open + 1..close)?.to_owned();
    let fields: Vec<&str> = stat.get(close + 2..)?.split_whitespace().collect();
    // After the name, utime and stime are the 12th and 13th fields (stat(5) numbers them 14, 15).
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some((command, ticks as f64 / CLOCK_TICKS_PER_SECOND))
}

/// `sysconf(_SC_CLK_TCK)`: 100 on every Linux architecture this runs on.
const CLOCK_TICKS_PER_SECOND: f64 = 100.0;
