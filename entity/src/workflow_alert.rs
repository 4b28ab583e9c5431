//! An operational alert (slow step, failure, SLA warning or breach, ...) and its acknowledgement.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "workflow_alert")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub execution_id: Option<i64>,
    pub step_id: Option<i64>,
    /// Idempotency key.
    #[sea_orm(unique)]
    pub alert_key: String,
    /// One of `SLOW_STEP`, `FAILURE`, `SLA_WARNING`, `SLA_BREACH`, `COMPENSATION`, `MANUAL_INTERVENTION`.
    pub alert_type: String,
    /// One of `INFO`, `WARNING`, `CRITICAL`.
    pub severity: String,
    pub message: String,
    pub acknowledged_by: Option<i64>,
    pub acknowledged_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
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
    /// `step_id` -> `workflow_step.id`
    #[sea_orm(
        belongs_to = "super::workflow_step::Entity",
        from = "Column::StepId",
        to = "super::workflow_step::Column::Id",
        on_delete = "Cascade"
    )]
    WorkflowStep,
    /// `acknowledged_by` -> `app_user.id`
    #[sea_orm(
        belongs_to = "super::app_user::Entity",
        from = "Column::AcknowledgedBy",
        to = "super::app_user::Column::Id"
    )]
    AppUser,
}

impl Related<super::workflow_execution::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::WorkflowExecution.def()
    }
}

impl Related<super::workflow_step::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::WorkflowStep.def()
    }
}

impl Related<super::app_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AppUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
