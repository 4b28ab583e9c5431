//! The two kinds of pool: the worker's sessions plan each statement once, generically; the
//! API's keep PostgreSQL's default. An activity attempt holds one of the worker's sessions for
//! all its statements. No session to this machine, pooled or the event listener's, pays for TLS.

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

/// Every session the app holds to a database on this machine, the event listener's included,
/// goes without TLS (the server here offers it, so a session that asked for it would have it).
#[tokio::test]
async fn sessions_to_this_machine_go_without_tls_the_listeners_too() {
    let app = crate::harness::TestApp::spawn().await;
    app.wait_listening().await;
    let sessions = "FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.datname = current_database()";
    assert_eq!(app.scalar(&format!("SELECT count(*) {sessions} AND a.query LIKE 'LISTEN%'")).await, 1);
    assert_eq!(app.scalar(&format!("SELECT count(*) {sessions} AND s.ssl")).await, 0);
}
