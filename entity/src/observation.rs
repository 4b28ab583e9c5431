//! A finding raised from failed test executions, per cycle report, attribute and line of business.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "observation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub cycle_report_id: i64,
    pub attribute_id: i64,
    pub lob_id: i64,
    pub title: String,
    pub description: String,
    /// One of `DATA_QUALITY`, `DATA_MISSING`, `CALCULATION`, `DOCUMENTATION`.
    pub observation_type: String,
    /// One of `CRITICAL`, `HIGH`, `MEDIUM`, `LOW`, `INFORMATIONAL`.
    pub severity: String,
    pub severity_override_reason: Option<String>,
    /// One of `OPEN`, `APPROVED`, `IN_REMEDIATION`, `CLOSED`, `SKIPPED`.
    pub status: String,
    pub failure_count: i32,
    pub tested_count: i32,
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
    /// `attribute_id` -> `attribute.id`
    #[sea_orm(
        belongs_to = "super::attribute::Entity",
        from = "Column::AttributeId",
        to = "super::attribute::Column::Id",
        on_delete = "Cascade"
    )]
    Attribute,
    /// `lob_id` -> `lob.id`
    #[sea_orm(belongs_to = "super::lob::Entity", from = "Column::LobId", to = "super::lob::Column::Id")]
    Lob,
}

impl Related<super::cycle_report::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CycleReport.def()
    }
}

impl Related<super::attribute::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Attribute.def()
    }
}

impl Related<super::lob::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Lob.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
