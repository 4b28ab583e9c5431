//! A test cycle: a dated testing campaign run by a test manager over a set of reports.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use crate::enums::CycleStatus;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "test_cycle")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    pub description: String,
    pub test_manager_id: i64,
    pub start_date: Date,
    pub end_date: Date,
    pub status: CycleStatus,
    /// Samples drawn per report in phase 3.
    pub sample_size: i32,
    /// Days data owners have to answer a request for information.
    pub rfi_due_days: i32,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `test_manager_id` -> `app_user.id`
    #[sea_orm(
        belongs_to = "super::app_user::Entity",
        from = "Column::TestManagerId",
        to = "super::app_user::Column::Id"
    )]
    AppUser,
}

impl Related<super::app_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AppUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
