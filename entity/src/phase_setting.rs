//! Per-phase settings (compensation strategy, SLA, review rounds); rows with no cycle hold the defaults.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use crate::enums::{CompensationAction, Phase};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "phase_setting")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `None` for the default row of the phase.
    pub cycle_id: Option<i64>,
    pub phase: Phase,
    pub compensation_strategy: CompensationAction,
    pub sla_hours: i32,
    /// Share of the SLA after which a warning is raised, 1 to 99.
    pub sla_warning_percent: i32,
    pub max_review_rounds: i32,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `cycle_id` -> `test_cycle.id`
    #[sea_orm(
        belongs_to = "super::test_cycle::Entity",
        from = "Column::CycleId",
        to = "super::test_cycle::Column::Id",
        on_delete = "Cascade"
    )]
    TestCycle,
}

impl Related<super::test_cycle::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TestCycle.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
