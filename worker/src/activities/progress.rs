//! Showing a long attempt as running without ever making it wait for that.
//!
//! An attempt holds one of the worker's pooled sessions while it works ([`crate::session`]), and
//! the RUNNING row of a slow one is written through the pool. If the attempt's end waited for
//! that write, an attempt would hold its session while waiting for another: with every session
//! held that way (a batch of attempts slowed by a busy machine), none would come back until the
//! pool's acquire timeout, and every activity of the worker would stall for that long. So the
//! RUNNING write goes on beside the work, and once the work ends it is dropped if unfinished:
//! the row the attempt's end writes says more anyway.

use std::future::Future;
use std::time::Duration;

/// Runs `work`; when it is still running after `after`, runs `show` beside it. Returns the
/// work's outcome as soon as it has one: `show` is dropped if it has not finished by then, and
/// its failure is only logged (it shows progress; it is not the attempt's work).
pub async fn while_showing<T, E: std::fmt::Display>(
    work: impl Future<Output = T>,
    after: Duration,
    show: impl Future<Output = Result<(), E>>,
) -> T {
    tokio::pin!(work);
    tokio::select! {
        biased;
        outcome = &mut work => return outcome,
        () = tokio::time::sleep(after) => {}
    }
    tokio::pin!(show);
    tokio::select! {
        biased;
        outcome = &mut work => outcome,
        shown = &mut show => {
            if let Err(err) = shown {
                tracing::warn!(error = %err, "could not show a slow attempt as running");
            }
            work.await
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::*;

    const AFTER: Duration = Duration::from_millis(50);

    /// A `show` that records that it ran, then answers `outcome`.
    fn show(
        ran: &Arc<AtomicBool>,
        outcome: Result<(), &'static str>,
    ) -> impl Future<Output = Result<(), &'static str>> {
        let ran = ran.clone();
        async move {
            ran.store(true, Ordering::SeqCst);
            outcome
        }
    }

    #[tokio::test]
    async fn a_quick_attempt_is_never_shown() {
        let ran = Arc::new(AtomicBool::new(false));
        assert_eq!(while_showing(async { 7 }, AFTER, show(&ran, Ok(()))).await, 7);
        assert!(!ran.load(Ordering::SeqCst));
    }

    #[tokio::test]
    async fn a_slow_attempt_is_shown_while_it_works() {
        let ran = Arc::new(AtomicBool::new(false));
        let work = async {
            tokio::time::sleep(AFTER * 3).await;
            7
        };
        assert_eq!(while_showing(work, AFTER, show(&ran, Ok(()))).await, 7);
        assert!(ran.load(Ordering::SeqCst));
    }

    /// The property that keeps a busy pool from stalling: the end of the work is not held up by
    /// a RUNNING write that cannot get a session.
    #[tokio::test]
    async fn the_end_of_the_work_never_waits_for_the_running_write() {
        let work = async {
            tokio::time::sleep(AFTER * 2).await;
            7
        };
        let stuck = std::future::pending::<Result<(), &'static str>>();
        let outcome = tokio::time::timeout(Duration::from_secs(5), while_showing(work, AFTER, stuck)).await;
        assert_eq!(outcome.ok(), Some(7), "the outcome came without the write");
    }

    #[tokio::test]
    async fn a_failed_running_write_does_not_fail_the_attempt() {
        let ran = Arc::new(AtomicBool::new(false));
        let work = async {
            tokio::time::sleep(AFTER * 3).await;
            7
        };
        assert_eq!(while_showing(work, AFTER, show(&ran, Err("no session"))).await, 7);
        assert!(ran.load(Ordering::SeqCst));
    }
}
