//! A task in the human inbox (approval, review, assignment, evidence, sign-off) and its decision.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use crate::enums::{Decision, Phase, Role, TaskKind, TaskStatus};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "human_task")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Idempotency key, derived from workflow id, phase and round.
    #[sea_orm(unique)]
    pub task_key: String,
    pub cycle_id: i64,
    pub cycle_report_id: Option<i64>,
    pub execution_id: Option<i64>,
    pub phase: Phase,
    pub kind: TaskKind,
    pub title: String,
    pub assignee_role: Role,
    pub assignee_id: Option<i64>,
    pub information_request_id: Option<i64>,
    pub round: i32,
    pub status: TaskStatus,
    pub due_at: Option<DateTimeWithTimeZone>,
    /// Set exactly when `status` is `COMPLETED`.
    pub decision: Option<Decision>,
    pub comment: Option<String>,
    #[sea_orm(column_type = "JsonBinary")]
    pub payload: Option<Json>,
    pub decided_by: Option<i64>,
    pub decided_automatically: bool,
    pub decided_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
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
    /// `cycle_report_id` -> `cycle_report.id`
    #[sea_orm(
        belongs_to = "super::cycle_report::Entity",
        from = "Column::CycleReportId",
        to = "super::cycle_report::Column::Id",
        on_delete = "Cascade"
    )]
    CycleReport,
    /// `execution_id` -> `workflow_execution.id`
    #[sea_orm(
        belongs_to = "super::workflow_execution::Entity",
        from = "Column::ExecutionId",
        to = "super::workflow_execution::Column::Id",
        on_delete = "Cascade"
    )]
    WorkflowExecution,
    /// `assignee_id` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::AssigneeId", to = "super::app_user::Column::Id")]
    Assignee,
    /// `information_request_id` -> `information_request.id`
    #[sea_orm(
        belongs_to = "super::information_request::Entity",
        from = "Column::InformationRequestId",
        to = "super::information_request::Column::Id",
        on_delete = "Cascade"
    )]
    InformationRequest,
    /// `decided_by` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::DecidedBy", to = "super::app_user::Column::Id")]
    DecidedBy,
}

impl Related<super::test_cycle::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TestCycle.def()
    }
}

impl Related<super::cycle_report::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CycleReport.def()
    }
}

impl Related<super::workflow_execution::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::WorkflowExecution.def()
    }
}

impl Related<super::information_request::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::InformationRequest.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
