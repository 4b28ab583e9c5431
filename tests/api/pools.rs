//! The kinds of pool: the worker's sessions plan each statement once, generically, and its
//! phase-work sessions commit without waiting for the disk; the API's keep PostgreSQL's defaults.

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait};

use crate::harness::{TestDb, first_value};

async fn setting(db: &DatabaseConnection, name: &str) -> String {
    first_value(db, &format!("SHOW {name}")).await
}

#[tokio::test]
async fn the_worker_pools_plan_generically_and_the_api_pool_by_default() {
    let database = TestDb::empty().await;
    let worker = synapse::db::connect_worker(&database.url).await.expect("worker pools");
    let api = synapse::db::connect(&database.url).await.expect("API pool");
    assert_eq!(setting(&worker.tracking, "plan_cache_mode").await, "force_generic_plan");
    assert_eq!(setting(&worker.work, "plan_cache_mode").await, "force_generic_plan");
    assert_eq!(setting(&api, "plan_cache_mode").await, "auto");
}

#[tokio::test]
async fn only_phase_work_commits_without_waiting_for_the_disk() {
    let database = TestDb::empty().await;
    let worker = synapse::db::connect_worker(&database.url).await.expect("worker pools");
    let api = synapse::db::connect(&database.url).await.expect("API pool");
    assert_eq!(setting(&worker.work, "synchronous_commit").await, "off");
    assert_eq!(setting(&worker.tracking, "synchronous_commit").await, "on");
    assert_eq!(setting(&api, "synchronous_commit").await, "on");
}

#[tokio::test]
async fn appending_an_event_makes_its_commit_wait_for_the_disk_even_on_the_work_pool() {
    let database = TestDb::new().await;
    let worker = synapse::db::connect_worker(&database.url).await.expect("worker pools");
    let txn = worker.work.begin().await.expect("begin");
    let run = |sql: &str| Statement::from_string(txn.get_database_backend(), sql.to_owned());
    let inserted = txn
        .execute_raw(run("INSERT INTO workflow_event (cycle_id, kind, status, event_key)
                          SELECT id, 'WORKFLOW_STARTED', 'RUNNING', 'pools-test' FROM test_cycle ORDER BY id LIMIT 1"))
        .await
        .expect("append an event");
    assert_eq!(inserted.rows_affected(), 1, "the seeded database has a cycle to attach the event to");
    let before = txn.query_one_raw(run("SHOW synchronous_commit")).await.expect("show").expect("row");
    assert_eq!(before.try_get_by_index::<String>(0).expect("value"), "off");
    // The sequencing trigger is deferred to the commit; firing it now shows what the commit sees.
    txn.execute_raw(run("SET CONSTRAINTS workflow_event_sequence IMMEDIATE")).await.expect("fire the trigger");
    let during = txn.query_one_raw(run("SHOW synchronous_commit")).await.expect("show").expect("row");
    assert_eq!(during.try_get_by_index::<String>(0).expect("value"), "on");
    txn.commit().await.expect("commit");
    assert_eq!(setting(&worker.work, "synchronous_commit").await, "off", "the session's own setting is untouched");
}
