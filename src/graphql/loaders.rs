//! Batch loading of every relation resolved inside a list: one `WHERE col = ANY(...)` query per
//! relation per batch, whatever the page size. One loader type, one newtype key per relation.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::dataloader::Loader;
use entity::{
    app_user, attribute, cycle_report, data_owner_assignment, information_request, lob, report, sample,
    scoping_decision, source_record, test_cycle, workflow_activity_retry_log, workflow_compensation_log,
    workflow_execution, workflow_migration_history, workflow_step, workflow_transition,
};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::error::AppError;
use crate::services::views;

/// How long a batch collects keys before it runs, where requests are not batched by
/// [`super::batching`] (subscription events).
pub const BATCH_WINDOW: std::time::Duration = std::time::Duration::from_millis(2);

/// Loads rows for the GraphQL layer in batches.
pub struct DbLoader {
    db: DatabaseConnection,
}

impl DbLoader {
    /// A loader over `db`.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

/// The error of a batch, shared by every resolver that waited on it.
pub type LoadError = Arc<DbErr>;

impl From<LoadError> for AppError {
    fn from(err: LoadError) -> Self {
        match &*err {
            DbErr::Conn(_) | DbErr::ConnectionAcquire(_) => AppError::Unavailable("the database is unavailable".into()),
            other => AppError::Internal(anyhow::anyhow!("batch load failed: {other}")),
        }
    }
}

/// Declares a key newtype and its loader: `one` maps each key to the row with that id,
/// `many` maps each key to the rows whose column holds it, in the given order.
macro_rules! loader {
    (one $key:ident => $entity:ident by $col:ident) => {
        #[doc = concat!("Key: the id of one `", stringify!($entity), "` row.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $key(pub i64);

        impl Loader<$key> for DbLoader {
            type Value = $entity::Model;
            type Error = LoadError;

            async fn load(&self, keys: &[$key]) -> Result<HashMap<$key, Self::Value>, Self::Error> {
                let rows = $entity::Entity::find()
                    .filter($entity::Column::$col.is_in(keys.iter().map(|k| k.0)))
                    .all(&self.db)
                    .await?;
                Ok(rows.into_iter().map(|row| ($key(row.id), row)).collect())
            }
        }
    };
    (many $key:ident => $entity:ident by $col:ident $(where $extra:expr)?, order $($order:ident $dir:ident),+) => {
        #[doc = concat!("Key: the `", stringify!($col), "` shared by a group of `", stringify!($entity), "` rows.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $key(pub i64);

        impl Loader<$key> for DbLoader {
            type Value = Vec<$entity::Model>;
            type Error = LoadError;

            async fn load(&self, keys: &[$key]) -> Result<HashMap<$key, Self::Value>, Self::Error> {
                let select = $entity::Entity::find()
                    .filter($entity::Column::$col.is_in(keys.iter().map(|k| k.0)))
                    $(.filter($extra))?
                    $(.$dir($entity::Column::$order))+;
                let mut groups: HashMap<$key, Self::Value> = keys.iter().map(|k| (*k, Vec::new())).collect();
                for row in select.all(&self.db).await? {
                    // The filter above guarantees the column holds one of the keys.
                    let key = sea_orm::ModelTrait::get(&row, $entity::Column::$col);
                    if let sea_orm::Value::BigInt(Some(id)) = key {
                        groups.entry($key(id)).or_default().push(row);
                    }
                }
                Ok(groups)
            }
        }
    };
}

loader!(one UserId => app_user by Id);
loader!(one LobId => lob by Id);
loader!(one ReportId => report by Id);
loader!(one CycleId => test_cycle by Id);
loader!(one CycleReportId => cycle_report by Id);
loader!(one RequestId => information_request by Id);
loader!(one AttributeId => attribute by Id);
loader!(one SourceRecordId => source_record by Id);
loader!(many AttributesOfCycleReport => attribute by CycleReportId, order Version order_by_asc, Id order_by_asc);
loader!(many ScopingOfAttribute => scoping_decision by AttributeId, order Version order_by_asc);
loader!(many SamplesOfCycleReport => sample by CycleReportId, order Version order_by_asc, Id order_by_asc);
loader!(many AssignmentsOfCycleReport => data_owner_assignment by CycleReportId, order Id order_by_asc);
loader!(one ExecutionId => workflow_execution by Id);
loader!(many ReportsOfCycle => cycle_report by CycleId, order Id order_by_asc);
loader!(many ExecutionsOfCycle => workflow_execution by CycleId
    where workflow_execution::Column::ParentExecutionId.is_null(), order Id order_by_desc);
loader!(many ChildrenOfExecution => workflow_execution by ParentExecutionId,
    order Id order_by_asc);
loader!(many StepsOfExecution => workflow_step by ExecutionId, order StartedAt order_by_asc, Id order_by_asc);
loader!(many TransitionsOfExecution => workflow_transition by ExecutionId,
    order OccurredAt order_by_asc, Id order_by_asc);
loader!(many CompensationsOfExecution => workflow_compensation_log by ExecutionId,
    order StartedAt order_by_asc, Id order_by_asc);
loader!(many RetriesOfExecution => workflow_activity_retry_log by ExecutionId,
    order FailedAt order_by_asc, Id order_by_asc);
loader!(many MigrationsOfExecution => workflow_migration_history by ExecutionId,
    order RequestedAt order_by_asc, Id order_by_asc);

/// The grouping key of a view row: a nullable column, or a method giving one.
macro_rules! view_key {
    ($row:ident, cycle_id_opt) => {
        $row.cycle_id_opt()
    };
    ($row:ident, $field:ident) => {
        $row.$field
    };
}

/// Declares a key newtype whose loader groups a joined read model by one of its fields.
macro_rules! view_loader {
    ($key:ident => $view:ty, $load:path, $field:ident) => {
        #[doc = concat!("Key: the `", stringify!($field), "` of a group of `", stringify!($view), "`.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $key(pub i64);

        impl Loader<$key> for DbLoader {
            type Value = Vec<$view>;
            type Error = LoadError;

            async fn load(&self, keys: &[$key]) -> Result<HashMap<$key, Self::Value>, Self::Error> {
                let rows = $load(&self.db, keys.iter().map(|k| k.0).collect()).await.map_err(|err| match err {
                    AppError::Internal(cause) => Arc::new(DbErr::Custom(cause.to_string())),
                    other => Arc::new(DbErr::Custom(other.message())),
                })?;
                let mut groups: HashMap<$key, Self::Value> = keys.iter().map(|k| (*k, Vec::new())).collect();
                for row in rows {
                    if let Some(key) = view_key!(row, $field).map($key) {
                        groups.entry(key).or_default().push(row);
                    }
                }
                Ok(groups)
            }
        }
    };
}

view_loader!(TestCasesOfRequest => views::TestCaseView, views::test_cases_of_requests, information_request_id);
view_loader!(ObservationsOfCycle => views::ObservationView, views::observations_of_cycles, cycle_id_opt);
view_loader!(TestReportsOfCycle => views::TestReportView, views::test_reports_of_cycles, cycle_id_opt);
