//! One run comparing a test case's reported value with its evidence (Test Execution output).

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "test_execution")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub test_case_id: i64,
    pub run_number: i32,
    pub expected_value: Option<String>,
    pub evidence_value: Option<String>,
    /// One of `PASS`, `FAIL`, `INCONCLUSIVE`.
    pub result: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub comparison_detail: Json,
    pub executed_at: DateTimeWithTimeZone,
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
}

impl Related<super::test_case::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TestCase.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
