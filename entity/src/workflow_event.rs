//! The ordered, gap-free event log behind live subscriptions; `seq` is handed out by the single writer.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use crate::enums::Phase;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "workflow_event")]
pub struct Model {
    /// Gap-free sequence number, in commit order.
    #[sea_orm(primary_key, auto_increment = false)]
    pub seq: i64,
    pub cycle_id: i64,
    pub report_id: Option<i64>,
    pub execution_id: Option<i64>,
    pub phase: Option<Phase>,
    /// One of `WORKFLOW_STARTED`, `PHASE_STARTED`, `PHASE_COMPLETED`, `PHASE_SKIPPED`, `PHASE_FAILED`, `TASK_OPENED`, `TASK_COMPLETED`, `COMPENSATED`, `RETRIED`, `ALERT_RAISED`, `VERSION_MIGRATED`, `WORKFLOW_COMPLETED`, `WORKFLOW_FAILED`, `WORKFLOW_CANCELLED`.
    pub kind: String,
    pub status: String,
    /// Idempotency key: a retried or replayed activity appends its event once.
    #[sea_orm(unique)]
    pub event_key: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub detail: Json,
    pub occurred_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `cycle_id` -> `test_cycle.id`
    #[sea_orm(
        belongs_to = "super::test_cycle::Entity",
        from = "Column::CycleId",
        to = "super::test_cycle::Column::Id",
        on_delete = "Cascade"
    )]
    TestCycle,
    /// `report_id` -> `report.id`
    #[sea_orm(belongs_to = "super::report::Entity", from = "Column::ReportId", to = "super::report::Column::Id")]
    Report,
    /// `execution_id` -> `workflow_execution.id`
    #[sea_orm(
        belongs_to = "super::workflow_execution::Entity",
        from = "Column::ExecutionId",
        to = "super::workflow_execution::Column::Id",
        on_delete = "Cascade"
    )]
    WorkflowExecution,
}

impl Related<super::test_cycle::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TestCycle.def()
    }
}

impl Related<super::report::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Report.def()
    }
}

impl Related<super::workflow_execution::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::WorkflowExecution.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
