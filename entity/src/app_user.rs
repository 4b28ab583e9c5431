//! A user of the system (`app_user`, as `user` is reserved), with exactly one role.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use crate::enums::Role;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "app_user")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub username: String,
    pub display_name: String,
    #[sea_orm(unique)]
    pub email: String,
    pub role: Role,
    /// Line of business, for roles scoped to one.
    pub lob_id: Option<i64>,
    /// Password hash (PHC string).
    pub password_hash: String,
    pub active: bool,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `lob_id` -> `lob.id`
    #[sea_orm(belongs_to = "super::lob::Entity", from = "Column::LobId", to = "super::lob::Column::Id")]
    Lob,
}

impl Related<super::lob::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Lob.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
