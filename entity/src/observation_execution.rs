//! Join table: which test executions an observation rests on.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "observation_execution")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub observation_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub test_execution_id: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `observation_id` -> `observation.id`
    #[sea_orm(
        belongs_to = "super::observation::Entity",
        from = "Column::ObservationId",
        to = "super::observation::Column::Id",
        on_delete = "Cascade"
    )]
    Observation,
    /// `test_execution_id` -> `test_execution.id`
    #[sea_orm(
        belongs_to = "super::test_execution::Entity",
        from = "Column::TestExecutionId",
        to = "super::test_execution::Column::Id",
        on_delete = "Cascade"
    )]
    TestExecution,
}

impl Related<super::observation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Observation.def()
    }
}

impl Related<super::test_execution::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TestExecution.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
