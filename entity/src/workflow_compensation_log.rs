//! One compensation run for a failed phase: strategy, what was undone, kept and notified, and any operator action.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use crate::enums::{CompensationAction, Phase};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "workflow_compensation_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub execution_id: i64,
    /// Idempotency key.
    #[sea_orm(unique)]
    pub compensation_key: String,
    pub phase: Phase,
    pub strategy: CompensationAction,
    /// One of `STARTED`, `COMPLETED`, `FAILED`, `AWAITING_OPERATOR`, `RESOLVED`.
    pub status: String,
    pub failure: Option<String>,
    #[sea_orm(column_type = "JsonBinary")]
    pub undone: Json,
    #[sea_orm(column_type = "JsonBinary")]
    pub kept: Json,
    #[sea_orm(column_type = "JsonBinary")]
    pub notified: Json,
    /// One of `RESUME`, `RETRY`, `SKIP`, `ABORT`.
    pub operator_action: Option<String>,
    pub operator_id: Option<i64>,
    pub started_at: DateTimeWithTimeZone,
    pub completed_at: Option<DateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `execution_id` -> `workflow_execution.id`
    #[sea_orm(
        belongs_to = "super::workflow_execution::Entity",
        from = "Column::ExecutionId",
        to = "super::workflow_execution::Column::Id",
        on_delete = "Cascade"
    )]
    WorkflowExecution,
    /// `operator_id` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::OperatorId", to = "super::app_user::Column::Id")]
    AppUser,
}

impl Related<super::workflow_execution::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::WorkflowExecution.def()
    }
}

impl Related<super::app_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AppUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
