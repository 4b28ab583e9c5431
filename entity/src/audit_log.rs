//! Append-only audit trail: who did what to which entity, when and why.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub actor_id: Option<i64>,
    pub action: String,
    pub entity_type: String,
    /// Id of the entity acted on, as text.
    pub entity_id: String,
    pub reason: Option<String>,
    #[sea_orm(column_type = "JsonBinary")]
    pub detail: Json,
    pub occurred_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `actor_id` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::ActorId", to = "super::app_user::Column::Id")]
    AppUser,
}

impl Related<super::app_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AppUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
