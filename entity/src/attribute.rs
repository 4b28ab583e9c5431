//! A report attribute to test (Planning output), versioned by review round.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "attribute")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub cycle_report_id: i64,
    /// Review round that produced this row.
    pub version: i32,
    pub name: String,
    pub description: String,
    /// One of `STRING`, `INTEGER`, `DECIMAL`, `DATE`, `BOOLEAN`, `CODE`.
    pub data_type: String,
    /// One of `MANDATORY`, `CONDITIONAL`, `OPTIONAL`.
    pub requirement: String,
    pub is_cde: bool,
    pub has_historical_issue: bool,
    pub is_primary_key: bool,
    pub line_item: Option<String>,
    pub validation_rule: Option<String>,
    /// One of `LLM`, `BUILTIN`, `MANUAL`.
    pub origin: String,
    pub created_at: DateTimeWithTimeZone,
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
