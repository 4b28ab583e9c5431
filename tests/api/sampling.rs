//! Source records carry the sampling category worked out when they were stored, and a draw gives
//! the same sample whether it reads the stored categories or works them out from the values.

use sea_orm::{DatabaseConnection, FromQueryResult, Statement};
use worker::phases::PhaseInput;
use worker::phases::sampling;
use worker::rules::categorize;

use crate::harness::{TestDb, exec, first_value};

#[derive(Debug, FromQueryResult)]
struct StoredRecord {
    report_number: String,
    category: Option<String>,
    reported_values: serde_json::Value,
}

#[derive(Debug, PartialEq, Eq, FromQueryResult)]
struct Drawn {
    source_record_id: i64,
    category: String,
}

async fn drawn(db: &DatabaseConnection, cycle_report_id: i64) -> Vec<Drawn> {
    let sql = format!(
        "SELECT source_record_id, category FROM sample WHERE cycle_report_id = {cycle_report_id} ORDER BY source_record_id"
    );
    Drawn::find_by_statement(Statement::from_string(db.get_database_backend(), sql)).all(db).await.expect("samples")
}

#[tokio::test]
async fn seeded_records_carry_the_category_their_values_give() {
    let database = TestDb::new().await;
    let db = synapse::db::connect(&database.url).await.expect("connect");
    let records = StoredRecord::find_by_statement(Statement::from_string(
        db.get_database_backend(),
        "SELECT r.report_number, sr.category, sr.reported_values FROM source_record sr JOIN report r ON r.id = sr.report_id",
    ))
    .all(&db)
    .await
    .expect("records");
    assert!(records.len() >= 2000, "the seeded records: {}", records.len());
    let mut categories = std::collections::BTreeSet::new();
    for record in &records {
        let spec = worker::catalog::find(&record.report_number).expect("a catalogue report");
        let values = record.reported_values.as_object().expect("values by attribute");
        let expected = categorize(spec, values).as_str();
        assert_eq!(record.category.as_deref(), Some(expected), "{record:?}");
        categories.insert(expected);
    }
    assert_eq!(categories.len(), 3, "every category occurs: {categories:?}");
    db.close().await.expect("close");
}

#[tokio::test]
async fn a_draw_works_out_categories_that_were_not_stored() {
    let database = TestDb::new().await;
    let db = synapse::db::connect(&database.url).await.expect("connect");
    let cycle_report_id: i64 = first_value(&db, "SELECT min(id) FROM cycle_report").await;
    let report_id: i64 =
        first_value(&db, &format!("SELECT report_id FROM cycle_report WHERE id = {cycle_report_id}")).await;
    let input = PhaseInput { cycle_report_id, report_id, round: 1, revision: None };

    let size = sampling::select(&db, &input, 25).await.expect("a draw with stored categories");
    let with_stored = drawn(&db, cycle_report_id).await;
    assert_eq!(with_stored.len(), size);
    assert!(size > 0);

    exec(&db, &format!("DELETE FROM sample WHERE cycle_report_id = {cycle_report_id}")).await;
    exec(&db, &format!("UPDATE source_record SET category = NULL WHERE report_id = {report_id}")).await;
    sampling::select(&db, &input, 25).await.expect("a draw working categories out");
    assert_eq!(drawn(&db, cycle_report_id).await, with_stored, "the same records in the same categories");
    db.close().await.expect("close");
}
