//! A phase, activity, human-task or compensation step inside a workflow execution.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use crate::enums::{Phase, StepStatus};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "workflow_step")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub execution_id: i64,
    /// Idempotency key within the execution (e.g. `phase:SCOPING`, `activity:generate_attributes:1`).
    pub step_key: String,
    pub parent_step_id: Option<i64>,
    pub phase: Option<Phase>,
    pub name: String,
    /// One of `PHASE`, `ACTIVITY`, `HUMAN_TASK`, `COMPENSATION`.
    pub step_type: String,
    pub status: StepStatus,
    pub attempt: i32,
    pub started_at: Option<DateTimeWithTimeZone>,
    pub completed_at: Option<DateTimeWithTimeZone>,
    pub waiting_ms: i64,
    pub error: Option<String>,
    #[sea_orm(column_type = "JsonBinary")]
    pub detail: Json,
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
    /// `parent_step_id` -> `workflow_step.id`
    #[sea_orm(belongs_to = "Entity", from = "Column::ParentStepId", to = "Column::Id", on_delete = "Cascade")]
    ParentStep,
}

impl Related<super::workflow_execution::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::WorkflowExecution.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
