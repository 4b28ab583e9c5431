//! Migrations go up, all the way down, and up again; the seed can run twice.

use crate::harness::{DEMO_PASSWORD, TestDb, first_value};

async fn table_count(db: &sea_orm::DatabaseConnection) -> i64 {
    first_value(
        db,
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'seaql_migrations'",
    )
    .await
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
            out.push((table, first_value::<i64>(&db, &format!("SELECT count(*) FROM {table}")).await));
        }
        let checksum = "SELECT md5(string_agg(record_key || reported_values::text || system_values::text, ',' ORDER BY record_key))::text FROM source_record";
        (out, first_value::<String>(&db, checksum).await)
    };
    let before = counts(db.clone()).await;
    let records = before.0.iter().find(|(t, _)| *t == "source_record").map(|(_, n)| *n);
    assert!(records.is_some_and(|n| n >= 2000), "a few thousand source records: {before:?}");
    synapse::seed::run(&db, DEMO_PASSWORD).await.expect("seed again");
    assert_eq!(counts(db.clone()).await, before, "a second seed changes nothing");
    db.close().await.expect("close");
}
