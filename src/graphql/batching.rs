//! Deterministic batching for the dataloader. A timer window (the stock way) splits a page's
//! loads into several batches whenever resolving the page takes longer than the window, which
//! is exactly when the server is busy. Instead, an HTTP request's loads are released when the
//! request can make no more progress on its own: every key its resolvers can ask for is then
//! queued, so one batch per relation per level, whatever the page size or the machine's load.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use async_graphql::dataloader::DataLoader;
use futures::future::BoxFuture;
use sea_orm::DatabaseConnection;

use super::loaders::DbLoader;

/// Batch loads waiting for their request to go idle.
#[derive(Clone, Default)]
pub struct BatchQueue(Arc<Mutex<Vec<BoxFuture<'static, ()>>>>);

impl BatchQueue {
    fn push(&self, task: BoxFuture<'static, ()>) {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(task);
    }

    fn release(&self) {
        let tasks = std::mem::take(&mut *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        for task in tasks {
            tokio::spawn(task);
        }
    }
}

/// A loader for one request whose batches wait in `queue` until [`run_batched`] releases them.
pub fn request_loader(db: DatabaseConnection, queue: &BatchQueue) -> Arc<DataLoader<DbLoader>> {
    let queue = queue.clone();
    Arc::new(DataLoader::new(DbLoader::new(db), move |task| queue.push(task)).delay(std::time::Duration::ZERO))
}

/// Runs `future`, releasing the queued batches each time it is pending without having woken
/// itself (a self-wake is a cooperative yield: more keys are still to come).
pub async fn run_batched<F: Future>(future: F, queue: &BatchQueue) -> F::Output {
    let mut future = std::pin::pin!(future);
    std::future::poll_fn(|cx| {
        let probe = Arc::new(WakeProbe { woken: AtomicBool::new(false), outer: cx.waker().clone() });
        let waker = Waker::from(probe.clone());
        match future.as_mut().poll(&mut Context::from_waker(&waker)) {
            Poll::Ready(output) => Poll::Ready(output),
            Poll::Pending => {
                if !probe.woken.load(Ordering::SeqCst) {
                    queue.release();
                }
                Poll::Pending
            }
        }
    })
    .await
}

/// Passes wake-ups on and remembers whether there was one.
struct WakeProbe {
    woken: AtomicBool,
    outer: Waker,
}

impl Wake for WakeProbe {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::SeqCst);
        self.outer.wake_by_ref();
    }
}
