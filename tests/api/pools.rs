//! The two kinds of pool: the worker's sessions plan each statement once, generically; the
//! API's keep PostgreSQL's default.

use sea_orm::DatabaseConnection;

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
