//! A request to move a running workflow execution to another workflow version, and its outcome.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use crate::enums::Phase;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "workflow_migration_history")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub execution_id: i64,
    pub from_version: String,
    pub to_version: String,
    pub at_phase: Option<Phase>,
    /// One of `REQUESTED`, `APPLIED`, `REJECTED`, `FAILED`.
    pub status: String,
    pub reason: Option<String>,
    pub requested_by: Option<i64>,
    pub requested_at: DateTimeWithTimeZone,
    pub applied_at: Option<DateTimeWithTimeZone>,
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
    /// `requested_by` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::RequestedBy", to = "super::app_user::Column::Id")]
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
