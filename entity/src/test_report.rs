//! The final test report of a cycle report (Finalize Test Report output), versioned by review round.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "test_report")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub cycle_report_id: i64,
    /// Review round that produced this row.
    pub version: i32,
    /// One of `DRAFT`, `PENDING_SIGN_OFF`, `SIGNED_OFF`.
    pub status: String,
    pub markdown: String,
    pub html: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub summary: Json,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `cycle_report_id` -> `cycle_report.id`
    #[sea_orm(
        belongs_to = "super::cycle_report::Entity",
        from = "Column::CycleReportId",
        to = "super::cycle_report::Column::Id",
        on_delete = "Cascade"
    )]
    CycleReport,
}

impl Related<super::cycle_report::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CycleReport.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
