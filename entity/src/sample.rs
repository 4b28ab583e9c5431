//! A source record selected as a test sample for a cycle report (Sample Selection output), versioned by review round.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "sample")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub cycle_report_id: i64,
    pub source_record_id: i64,
    pub lob_id: i64,
    /// Review round that produced this row.
    pub version: i32,
    /// One of `CLEAN`, `ANOMALY`, `BOUNDARY`.
    pub category: String,
    pub selection_method: String,
    /// Seed of the random selection, so a selection can be reproduced.
    pub random_seed: i64,
    /// One of `PROPOSED`, `APPROVED`, `REJECTED`.
    pub status: String,
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
    /// `source_record_id` -> `source_record.id`
    #[sea_orm(
        belongs_to = "super::source_record::Entity",
        from = "Column::SourceRecordId",
        to = "super::source_record::Column::Id"
    )]
    SourceRecord,
    /// `lob_id` -> `lob.id`
    #[sea_orm(belongs_to = "super::lob::Entity", from = "Column::LobId", to = "super::lob::Column::Id")]
    Lob,
}

impl Related<super::cycle_report::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CycleReport.def()
    }
}

impl Related<super::source_record::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SourceRecord.def()
    }
}

impl Related<super::lob::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Lob.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
