//! One report tested within one test cycle, with its tester, status and current phase.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use crate::enums::{CycleReportStatus, Phase};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "cycle_report")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub cycle_id: i64,
    pub report_id: i64,
    pub tester_id: Option<i64>,
    pub status: CycleReportStatus,
    pub current_phase: Option<Phase>,
    /// Id of the child workflow testing this report, once started.
    pub workflow_id: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
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
    /// `tester_id` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::TesterId", to = "super::app_user::Column::Id")]
    AppUser,
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

impl Related<super::app_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AppUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
