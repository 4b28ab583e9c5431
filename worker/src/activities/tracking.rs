//! Tracking activities: a run beginning, a phase moving, a run finishing.

use std::sync::Arc;

use sea_orm::FromQueryResult;
use serde::{Deserialize, Serialize};
use temporalio_macros::activities;
use temporalio_sdk::activities::{ActivityContext, ActivityError};

use super::{Deps, db_error};
use crate::sql::rows;
use crate::tracking::{self, BeginExecution, FinishExecution, PhaseChange, RunStarted};

/// Tracking activities.
#[derive(Debug)]
pub struct TrackingActivities(pub Arc<Deps>);

/// The people a report's run routes work to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromQueryResult)]
pub struct ReportPeople {
    pub report_id: i64,
    /// The report's number (e.g. FR Y-9C), which task titles name; empty in runs recorded before
    /// it was read.
    #[serde(default)]
    pub report_number: String,
    pub cycle_report_id: i64,
    pub report_owner_id: i64,
    pub tester_id: Option<i64>,
    pub test_manager_id: i64,
}

/// A cycle's report to test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLinks {
    pub cycle_id: i64,
    pub report_ids: Vec<i64>,
}

#[activities]
impl TrackingActivities {
    /// Records a run as started; returns its execution id.
    #[activity]
    pub async fn begin_execution(
        self: Arc<Self>,
        _ctx: ActivityContext,
        run: BeginExecution,
    ) -> Result<i64, ActivityError> {
        tracking::begin_execution(&self.0.db, run).await.map_err(db_error)
    }

    /// Marks a scheduled run begun when its time has come.
    #[activity]
    pub async fn start_scheduled(
        self: Arc<Self>,
        _ctx: ActivityContext,
        started: RunStarted,
    ) -> Result<(), ActivityError> {
        tracking::start_scheduled(&self.0.db, started).await.map_err(db_error)
    }

    /// Records a phase's new status.
    #[activity]
    pub async fn record_phase(
        self: Arc<Self>,
        _ctx: ActivityContext,
        change: PhaseChange,
    ) -> Result<(), ActivityError> {
        tracking::record_phase(&self.0.db, change).await.map_err(db_error)
    }

    /// Records a run's end.
    #[activity]
    pub async fn finish_execution(
        self: Arc<Self>,
        _ctx: ActivityContext,
        finish: FinishExecution,
    ) -> Result<(), ActivityError> {
        tracking::finish_execution(&self.0.db, finish).await.map_err(db_error)
    }

    /// The cycle-report rows and the people of each report to test.
    #[activity]
    pub async fn report_people(
        self: Arc<Self>,
        _ctx: ActivityContext,
        links: ReportLinks,
    ) -> Result<Vec<ReportPeople>, ActivityError> {
        rows(
            &self.0.db,
            "SELECT cr.report_id, r.report_number, cr.id AS cycle_report_id, r.owner_id AS report_owner_id, cr.tester_id,
                    c.test_manager_id
             FROM cycle_report cr JOIN report r ON r.id = cr.report_id JOIN test_cycle c ON c.id = cr.cycle_id
             WHERE cr.cycle_id = $1 AND cr.report_id = ANY($2) ORDER BY cr.report_id",
            vec![links.cycle_id.into(), links.report_ids.into()],
        )
        .await
        .map_err(db_error)
    }
}
