//! A regulatory report under test, with its owner, regulation, frequency and line of business.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "report")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    #[sea_orm(unique)]
    pub report_number: String,
    pub regulation: String,
    /// One of `MONTHLY`, `QUARTERLY`, `SEMI_ANNUAL`, `ANNUAL`.
    pub frequency: String,
    pub description: String,
    pub owner_id: i64,
    pub lob_id: i64,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `owner_id` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::OwnerId", to = "super::app_user::Column::Id")]
    AppUser,
    /// `lob_id` -> `lob.id`
    #[sea_orm(belongs_to = "super::lob::Entity", from = "Column::LobId", to = "super::lob::Column::Id")]
    Lob,
}

impl Related<super::app_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AppUser.def()
    }
}

impl Related<super::lob::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Lob.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
