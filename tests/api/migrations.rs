//! Migrations go up, all the way down, and up again; the seed can run twice.

use sea_orm::{ConnectionTrait, Statement};

use crate::harness::{DEMO_PASSWORD, TestDb};

async fn table_count(db: &sea_orm::DatabaseConnection) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'seaql_migrations'",
        ))
        .await
        .expect("query")
        .expect("row");
    row.try_get_by_index::<i64>(0).expect("count")
}

#[tokio::test]
async fn every_migration_goes_down_and_up_again() {
    let database = TestDb::empty().await;
    let db = synapse::db::connect(&database.url).await.expect("connect");
    synapse::db::migrate_up(&db).await.expect("up");
    let status = synapse::db::migration_status(&db).await.expect("status");
    assert!(status.iter().all(|(_, applied)| *applied), "{status:?}");
    let tables = table_count(&db).await;
    assert!(tables >= 32, "the domain, workflow and config tables: {tables}");

    synapse::db::migrate_down(&db, status.len() as u32).await.expect("down");
    assert_eq!(table_count(&db).await, 0, "down removes every table");
    let status = synapse::db::migration_status(&db).await.expect("status");
    assert!(status.iter().all(|(_, applied)| !*applied));

    synapse::db::migrate_up(&db).await.expect("up again");
    assert_eq!(table_count(&db).await, tables);
    db.close().await.expect("close");
}

#[tokio::test]
async fn the_seed_is_idempotent_and_reproducible() {
    let database = TestDb::new().await;
    let db = synapse::db::connect(&database.url).await.expect("connect");
    let counts = |db: sea_orm::DatabaseConnection| async move {
        let mut out = Vec::new();
        for table in ["lob", "app_user", "report", "source_record", "test_cycle", "cycle_report"] {
            let sql = format!("SELECT count(*) FROM {table}");
            let row =
                db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await.expect("q").expect("r");
            out.push((table, row.try_get_by_index::<i64>(0).expect("count")));
        }
        let checksum = "SELECT md5(string_agg(record_key || reported_values::text || system_values::text, ',' ORDER BY record_key))::text FROM source_record";
        let row =
            db.query_one_raw(Statement::from_string(db.get_database_backend(), checksum)).await.expect("q").expect("r");
        (out, row.try_get_by_index::<String>(0).expect("md5"))
    };
    let before = counts(db.clone()).await;
    let records = before.0.iter().find(|(t, _)| *t == "source_record").map(|(_, n)| *n);
    assert!(records.is_some_and(|n| n >= 2000), "a few thousand source records: {before:?}");
    synapse::seed::run(&db, DEMO_PASSWORD).await.expect("seed again");
    assert_eq!(counts(db.clone()).await, before, "a second seed changes nothing");
    db.close().await.expect("close");
}
