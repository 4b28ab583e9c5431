//! One workflow run: a cycle's parent workflow (no cycle report) or a child workflow per report.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use crate::enums::{ApprovalMode, ExecutionStatus, Phase};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "workflow_execution")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub workflow_id: String,
    pub run_id: String,
    pub workflow_type: String,
    /// The cycle's parent execution, for a per-report child.
    pub parent_execution_id: Option<i64>,
    pub cycle_id: i64,
    /// `None` for the cycle's parent workflow.
    pub cycle_report_id: Option<i64>,
    /// Workflow definition version the run follows.
    pub version: String,
    pub status: ExecutionStatus,
    pub approval_mode: ApprovalMode,
    pub current_phase: Option<Phase>,
    #[sea_orm(column_type = "JsonBinary")]
    pub input: Json,
    #[sea_orm(column_type = "JsonBinary")]
    pub result: Option<Json>,
    pub error: Option<String>,
    pub started_by: Option<i64>,
    pub started_at: DateTimeWithTimeZone,
    pub completed_at: Option<DateTimeWithTimeZone>,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `parent_execution_id` -> `workflow_execution.id`
    #[sea_orm(belongs_to = "Entity", from = "Column::ParentExecutionId", to = "Column::Id", on_delete = "Cascade")]
    ParentExecution,
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
    /// `started_by` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::StartedBy", to = "super::app_user::Column::Id")]
    AppUser,
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

impl Related<super::app_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AppUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
