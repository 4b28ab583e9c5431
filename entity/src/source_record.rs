//! One record behind a report: what the report states and what the system of record holds, keyed by attribute name.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "source_record")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub report_id: i64,
    pub lob_id: i64,
    pub record_key: String,
    /// What the report states, keyed by attribute name.
    #[sea_orm(column_type = "JsonBinary")]
    pub reported_values: Json,
    /// What the system of record holds, keyed by attribute name.
    #[sea_orm(column_type = "JsonBinary")]
    pub system_values: Json,
    /// The record's sampling category (CLEAN, ANOMALY, BOUNDARY), worked out when it was stored;
    /// `None` for records stored before categories were.
    pub category: Option<String>,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `report_id` -> `report.id`
    #[sea_orm(
        belongs_to = "super::report::Entity",
        from = "Column::ReportId",
        to = "super::report::Column::Id",
        on_delete = "Cascade"
    )]
    Report,
    /// `lob_id` -> `lob.id`
    #[sea_orm(belongs_to = "super::lob::Entity", from = "Column::LobId", to = "super::lob::Column::Id")]
    Lob,
}

impl Related<super::report::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Report.def()
    }
}

impl Related<super::lob::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Lob.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
