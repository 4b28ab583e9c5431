//! A move between phases within a workflow execution (start, sequential, fork, join, skip, loop back, ...).

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use crate::enums::Phase;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "workflow_transition")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub execution_id: i64,
    pub transition_key: String,
    pub from_phase: Option<Phase>,
    pub to_phase: Option<Phase>,
    /// One of `START`, `SEQUENTIAL`, `PARALLEL_FORK`, `PARALLEL_JOIN`, `SKIP`, `LOOP_BACK`, `COMPENSATION`, `END`.
    pub transition_type: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub detail: Json,
    pub occurred_at: DateTimeWithTimeZone,
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
