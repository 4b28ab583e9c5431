//! The two kinds of pool: the worker's sessions plan each statement once, generically; the
//! API's keep PostgreSQL's default.

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use crate::harness::TestDb;

async fn plan_cache_mode(db: &DatabaseConnection) -> String {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), "SHOW plan_cache_mode"))
        .await
        .expect("query")
        .expect("row");
    row.try_get_by_index::<String>(0).expect("setting")
}

#[tokio::test]
async fn the_worker_pool_plans_generically_and_the_api_pool_by_default() {
    let database = TestDb::empty().await;
    let worker = synapse::db::connect_worker(&database.url).await.expect("worker pool");
    let api = synapse::db::connect(&database.url).await.expect("API pool");
    assert_eq!(plan_cache_mode(&worker).await, "force_generic_plan");
    assert_eq!(plan_cache_mode(&api).await, "auto");
}
