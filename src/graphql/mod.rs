//! The GraphQL schema: one folder per domain, merged into the roots here. Limits on depth,
//! complexity and page size keep one request from costing the server more than it should.

pub mod alerts;
pub mod batching;
pub mod connection;
pub mod context;
pub mod cycles;
pub mod enums;
pub mod loaders;
pub mod notifications;
pub mod reports;
pub mod scalars;
pub mod settings;
pub mod tasks;
pub mod users;
pub mod workflow;

use std::sync::Arc;

use async_graphql::dataloader::DataLoader;
use async_graphql::{MergedObject, MergedSubscription, Schema, SchemaBuilder};
use sea_orm::DatabaseConnection;

use crate::auth::jwt::JwtKeys;
use crate::config::Config;
use crate::events::EventHub;
use crate::temporal::Gateway;

/// Deepest nesting a query may have.
pub const MAX_DEPTH: usize = 12;
/// Most a query may cost (each field 1, lists multiplied by their page size).
pub const MAX_COMPLEXITY: usize = 50_000;

/// Every query.
#[derive(MergedObject, Default)]
pub struct Query(
    users::query::UserQuery,
    cycles::query::CycleQuery,
    reports::query::ReportQuery,
    workflow::query::WorkflowQuery,
    tasks::query::TaskQuery,
    notifications::query::NotificationQuery,
    settings::query::SettingsQuery,
    alerts::query::AlertQuery,
);

/// Every mutation.
#[derive(MergedObject, Default)]
pub struct Mutation(
    users::mutation::UserMutation,
    cycles::mutation::CycleMutation,
    workflow::mutation::WorkflowMutation,
    tasks::mutation::TaskMutation,
    notifications::mutation::NotificationMutation,
    settings::mutation::SettingsMutation,
    alerts::mutation::AlertMutation,
);

/// Every subscription.
#[derive(MergedSubscription, Default)]
pub struct Subscription(workflow::subscription::WorkflowSubscription, tasks::subscription::TaskSubscription);

/// The schema type.
pub type AppSchema = Schema<Query, Mutation, Subscription>;

/// The schema's types and limits, with no data attached: enough to print the SDL.
pub fn schema_builder() -> SchemaBuilder<Query, Mutation, Subscription> {
    Schema::build(Query::default(), Mutation::default(), Subscription::default())
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
}

/// The schema serving requests over `db`.
pub fn schema(
    db: DatabaseConnection,
    keys: JwtKeys,
    config: Config,
    gateway: Arc<Gateway>,
    hub: Arc<EventHub>,
) -> AppSchema {
    let loader = DataLoader::new(loaders::DbLoader::new(db.clone()), tokio::spawn).delay(loaders::BATCH_WINDOW);
    schema_builder().data(db).data(Arc::new(loader)).data(keys).data(config).data(gateway).data(hub).finish()
}

/// The SDL of the schema, as written to `schema.graphql`.
pub fn sdl() -> String {
    schema_builder().finish().sdl()
}
