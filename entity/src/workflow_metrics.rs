//! Per-phase rollup of a finished workflow execution: durations, counts and review rounds.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use crate::enums::{Phase, StepStatus};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "workflow_metrics")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub execution_id: i64,
    pub phase: Phase,
    pub status: StepStatus,
    pub duration_ms: i64,
    pub working_ms: i64,
    pub waiting_ms: i64,
    pub activity_count: i32,
    pub retry_count: i32,
    pub human_task_count: i32,
    pub review_rounds: i32,
    pub computed_at: DateTimeWithTimeZone,
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
}

impl Related<super::workflow_execution::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::WorkflowExecution.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
