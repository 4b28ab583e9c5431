//! The two kinds of pool: the worker's sessions plan each statement once, generically; the
//! API's keep PostgreSQL's default. An activity attempt holds one of the worker's sessions for
//! all its statements.

use std::time::Duration;

use sea_orm::{ConnectionTrait, DatabaseConnection};
use worker::session::Session;

use crate::harness::{TestDb, first_value};

async fn plan_cache_mode(db: &DatabaseConnection) -> String {
    first_value(db, "SHOW plan_cache_mode").await
}

#[tokio::test]
async fn the_worker_pool_plans_generically_and_the_api_pool_by_default() {
    let database = TestDb::empty().await;
    let worker = synapse::db::connect_worker(&database.url).await.expect("worker pool");
    let api = synapse::db::connect(&database.url).await.expect("API pool");
    assert_eq!(plan_cache_mode(&worker).await, "force_generic_plan");
    assert_eq!(plan_cache_mode(&api).await, "auto");
}

/// The PostgreSQL backend a statement runs on.
async fn backend(db: &impl ConnectionTrait) -> i32 {
    first_value(db, "SELECT pg_backend_pid()").await
}

#[tokio::test]
async fn an_attempt_keeps_one_worker_session_until_it_gives_it_back() {
    let database = TestDb::empty().await;
    let worker = synapse::db::connect_worker(&database.url).await.expect("worker pool");
    let pool = worker.get_postgres_connection_pool().clone();
    let session = Session::new(pool.clone());
    let first = backend(&*session).await;
    // Meanwhile the pool lends its other sessions, never the one held.
    let elsewhere = backend(&worker).await;
    assert_eq!(backend(&*session).await, first, "every statement of an attempt on one session");
    assert_ne!(elsewhere, first, "a held session is not lent out");

    session.release().await;
    let returned = tokio::time::timeout(Duration::from_secs(5), async {
        while pool.num_idle() < pool.size() as usize {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
    assert!(returned.is_ok(), "the released session went back to the pool");
    // The next statement takes a session again.
    backend(&*session).await;
}
