//! The two kinds of pool: the worker's sessions plan each statement once, generically; the
//! API's keep PostgreSQL's default. An activity attempt holds one of the worker's sessions for
//! all its statements; its end never waits for another, nor is undone by the RUNNING row of a
//! slow attempt landing late. No session to this machine, pooled or the event listener's, pays for TLS.

use std::time::Duration;

use sea_orm::{ConnectionTrait, DatabaseConnection};
use worker::activities::progress::while_showing;
use worker::session::Session;
use worker::tracking::{ActivityAttempt, ExecutionScope, activity_completed, activity_started};

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

/// More slow attempts than the worker has sessions, each shown RUNNING through the pool while
/// it holds a session of its own: were the end of an attempt to wait for that write, every
/// session would be held by an attempt waiting for another, and all would stall until the
/// pool's acquire timeout (10 s). Here each ends as soon as its work has.
#[tokio::test]
async fn a_pool_full_of_slow_attempts_never_stalls_on_showing_them_running() {
    let database = TestDb::empty().await;
    let worker = synapse::db::connect_worker(&database.url).await.expect("worker pool");
    let pool = worker.get_postgres_connection_pool().clone();
    let attempts = (0..pool.options().get_max_connections() * 2).map(|_| {
        let (worker, session) = (worker.clone(), Session::new(pool.clone()));
        async move {
            let work = async {
                backend(&*session).await;
                tokio::time::sleep(Duration::from_millis(400)).await;
            };
            let show = async { worker.execute_unprepared("SELECT 1").await.map(drop) };
            while_showing(work, Duration::from_millis(250), show).await;
            // The attempt's end is written on its own session, then the session goes back.
            let ended = session.execute_unprepared("SELECT 1").await;
            session.release().await;
            ended
        }
    });
    let ended = tokio::time::timeout(Duration::from_secs(8), futures::future::join_all(attempts))
        .await
        .expect("every attempt ended well before the pool's acquire timeout");
    assert!(ended.iter().all(Result::is_ok), "no attempt failed: {ended:?}");
}

/// That RUNNING write is not waited for, so it may land after the attempt's end was recorded:
/// it must not undo it, and it still marks a later attempt running.
#[tokio::test]
async fn a_running_write_that_lands_late_never_undoes_the_attempts_end() {
    let database = TestDb::new().await;
    let worker = synapse::db::connect_worker(&database.url).await.expect("worker pool");
    let execution: i64 = first_value(
        &worker,
        "INSERT INTO workflow_execution (workflow_id, run_id, workflow_type, cycle_id, version, status)
         SELECT 'test-cycle-' || min(id), 'run', 'EnhancedTestCycleWorkflow', min(id), '1.1.0', 'RUNNING'
         FROM test_cycle RETURNING id",
    )
    .await;
    let scope = ExecutionScope { execution_id: execution, cycle_id: 0, report_id: None, cycle_report_id: None };
    let attempt = |n: u32| ActivityAttempt {
        scope: scope.clone(),
        phase: None,
        workflow_id: "test-cycle".into(),
        run_id: "run".into(),
        activity_id: "3".into(),
        activity_type: "TrackingActivities::record_phase".into(),
        kind: "DATABASE",
        attempt: n,
    };
    let step = "SELECT status || ' ' || attempt FROM workflow_step WHERE step_key = 'activity:3'";

    activity_completed(&worker, &attempt(1), Duration::from_millis(300)).await.expect("end recorded");
    activity_started(&worker, &attempt(1)).await.expect("late write");
    assert_eq!(first_value::<String>(&worker, step).await, "COMPLETED 1");

    activity_started(&worker, &attempt(2)).await.expect("a later attempt");
    assert_eq!(first_value::<String>(&worker, step).await, "RUNNING 2");
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
