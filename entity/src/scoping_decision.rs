//! Whether one attribute is in scope (Scoping output): recommendation, risk score and any override.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "scoping_decision")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub attribute_id: i64,
    /// Review round that produced this row.
    pub version: i32,
    /// One of `TEST`, `SKIP`.
    pub recommendation: String,
    /// Risk score, 1 to 10.
    pub risk_score: i16,
    pub rationale: String,
    pub in_scope: bool,
    /// Required when `in_scope` goes against the recommendation.
    pub override_reason: Option<String>,
    pub decided_by: Option<i64>,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `attribute_id` -> `attribute.id`
    #[sea_orm(
        belongs_to = "super::attribute::Entity",
        from = "Column::AttributeId",
        to = "super::attribute::Column::Id",
        on_delete = "Cascade"
    )]
    Attribute,
    /// `decided_by` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::DecidedBy", to = "super::app_user::Column::Id")]
    AppUser,
}

impl Related<super::attribute::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Attribute.def()
    }
}

impl Related<super::app_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AppUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
