//! One attribute of one sample to test, with the value the report states.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "test_case")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub cycle_report_id: i64,
    pub sample_id: i64,
    pub attribute_id: i64,
    pub information_request_id: Option<i64>,
    pub data_owner_id: Option<i64>,
    pub reported_value: Option<String>,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `cycle_report_id` -> `cycle_report.id`: a copy of the sample's, not checked by the database
    #[sea_orm(
        belongs_to = "super::cycle_report::Entity",
        from = "Column::CycleReportId",
        to = "super::cycle_report::Column::Id",
        on_delete = "Cascade"
    )]
    CycleReport,
    /// `sample_id` -> `sample.id`
    #[sea_orm(
        belongs_to = "super::sample::Entity",
        from = "Column::SampleId",
        to = "super::sample::Column::Id",
        on_delete = "Cascade"
    )]
    Sample,
    /// `attribute_id` -> `attribute.id`
    #[sea_orm(
        belongs_to = "super::attribute::Entity",
        from = "Column::AttributeId",
        to = "super::attribute::Column::Id",
        on_delete = "Cascade"
    )]
    Attribute,
    /// `information_request_id` -> `information_request.id`
    #[sea_orm(
        belongs_to = "super::information_request::Entity",
        from = "Column::InformationRequestId",
        to = "super::information_request::Column::Id",
        on_delete = "SetNull"
    )]
    InformationRequest,
    /// `data_owner_id` -> `app_user.id`: a copy of the request's owner, not checked by the database
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::DataOwnerId", to = "super::app_user::Column::Id")]
    AppUser,
}

impl Related<super::cycle_report::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CycleReport.def()
    }
}

impl Related<super::sample::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sample.def()
    }
}

impl Related<super::attribute::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Attribute.def()
    }
}

impl Related<super::information_request::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::InformationRequest.def()
    }
}

impl Related<super::app_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AppUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
