//! Who owns one attribute's data in one line of business (Data Owner Identification output).

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "data_owner_assignment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub cycle_report_id: i64,
    pub attribute_id: i64,
    pub lob_id: i64,
    /// `None` exactly when `method` is `UNMAPPED`.
    pub data_owner_id: Option<i64>,
    /// One of `MAPPING`, `MANUAL`, `UNMAPPED`.
    pub method: String,
    pub assigned_by: Option<i64>,
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
    /// `data_owner_id` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::DataOwnerId", to = "super::app_user::Column::Id")]
    DataOwner,
    /// `assigned_by` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::AssignedBy", to = "super::app_user::Column::Id")]
    AssignedBy,
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
