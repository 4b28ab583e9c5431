//! A sign-off of a test report, one per signing role.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "test_report_sign_off")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub test_report_id: i64,
    /// Who signed; `None` for an automatic sign-off.
    pub user_id: Option<i64>,
    pub role: String,
    pub comment: Option<String>,
    pub automatic: bool,
    pub signed_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `test_report_id` -> `test_report.id`
    #[sea_orm(
        belongs_to = "super::test_report::Entity",
        from = "Column::TestReportId",
        to = "super::test_report::Column::Id",
        on_delete = "Cascade"
    )]
    TestReport,
    /// `user_id` -> `app_user.id`
    #[sea_orm(belongs_to = "super::app_user::Entity", from = "Column::UserId", to = "super::app_user::Column::Id")]
    AppUser,
}

impl Related<super::test_report::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TestReport.def()
    }
}

impl Related<super::app_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AppUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
