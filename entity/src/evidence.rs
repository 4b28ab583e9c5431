//! A data owner's evidence value for a test case; versioned, the latest version is the evidence.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "evidence")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub test_case_id: i64,
    /// Correction number; the latest version is the evidence.
    pub version: i32,
    pub value: String,
    pub document_ref: Option<String>,
    pub submitted_by: Option<i64>,
    /// One of `DATA_OWNER`, `AUTO`.
    pub source: String,
    pub submitted_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `test_case_id` -> `test_case.id`
    #[sea_orm(
        belongs_to = "super::test_case::Entity",
        from = "Column::TestCaseId",
        to = "super::test_case::Column::Id",
        on_delete = "Cascade"
    )]
    TestCase,
    /// `submitted_by` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::SubmittedBy", to = "super::app_user::Column::Id")]
    AppUser,
}

impl Related<super::test_case::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TestCase.def()
    }
}

impl Related<super::app_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AppUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
