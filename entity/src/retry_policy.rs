//! The retry policy of one activity kind (LLM, database, e-mail), read when a workflow starts.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "retry_policy")]
pub struct Model {
    /// One of `LLM`, `DATABASE`, `EMAIL`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub activity_kind: String,
    /// One of `EXPONENTIAL`, `LINEAR`, `FIXED`.
    pub backoff: String,
    pub max_attempts: i32,
    pub initial_interval_ms: i64,
    pub backoff_coefficient: f64,
    pub maximum_interval_ms: i64,
    pub updated_by: Option<i64>,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `updated_by` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::UpdatedBy", to = "super::app_user::Column::Id")]
    AppUser,
}

impl Related<super::app_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AppUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
