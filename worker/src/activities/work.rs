//! The phases' automatic work, one activity per step so Temporal's history reads like the
//! process. Each runs tracked (step row, retry log, backoff) around a function of `phases`.

use std::sync::Arc;

use temporalio_macros::activities;
use temporalio_sdk::activities::{ActivityContext, ActivityError};

use super::{Deps, Tracked};
use crate::phases::rfi::IssuedRequest;
use crate::phases::testing::TestSummary;
use crate::phases::{PhaseInput, evidence, observations, owners, planning, report, rfi, sampling, scoping, testing};

/// Phase work activities.
#[derive(Debug)]
pub struct PhaseActivities(pub Arc<Deps>);

/// Today's date for documents (activities may read the clock; workflows may not).
fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}

#[activities]
impl PhaseActivities {
    /// Phase 1: generate the attribute set (LLM kind).
    #[activity]
    pub async fn generate_attributes(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<PhaseInput>,
    ) -> Result<usize, ActivityError> {
        let deps = &self.0;
        deps.tracked(&ctx, &work, || planning::generate_attributes(&deps.db, deps.provider.as_ref(), &work.input)).await
    }

    /// Phase 2: score risk and recommend scope.
    #[activity]
    pub async fn score_scoping(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<PhaseInput>,
    ) -> Result<(usize, usize), ActivityError> {
        let deps = &self.0;
        deps.tracked(&ctx, &work, || scoping::score(&deps.db, &work.input)).await
    }

    /// Phase 3: draw the stratified sample.
    #[activity]
    pub async fn select_samples(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<(PhaseInput, u32)>,
    ) -> Result<usize, ActivityError> {
        let deps = &self.0;
        let (input, size) = &work.input;
        deps.tracked(&ctx, &work, || sampling::select(&deps.db, input, *size as usize)).await
    }

    /// Phase 4: map data owners; returns the pairs left unmapped.
    #[activity]
    pub async fn map_data_owners(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<PhaseInput>,
    ) -> Result<i64, ActivityError> {
        let deps = &self.0;
        deps.tracked(&ctx, &work, || owners::map(&deps.db, &work.input)).await
    }

    /// Phase 5: build test cases and send the requests.
    #[activity]
    pub async fn issue_requests(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<(PhaseInput, u32)>,
    ) -> Result<Vec<IssuedRequest>, ActivityError> {
        let deps = &self.0;
        let (input, due_days) = &work.input;
        deps.tracked(&ctx, &work, || rfi::issue(&deps.db, input, *due_days)).await
    }

    /// Phase 5, AUTO mode: evidence from the system of record.
    #[activity]
    pub async fn auto_evidence(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<PhaseInput>,
    ) -> Result<u64, ActivityError> {
        let deps = &self.0;
        deps.tracked(&ctx, &work, || evidence::auto_fill(&deps.db, work.input.cycle_report_id)).await
    }

    /// Phase 6: compare evidence with reported values.
    #[activity]
    pub async fn execute_tests(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<PhaseInput>,
    ) -> Result<TestSummary, ActivityError> {
        let deps = &self.0;
        deps.tracked(&ctx, &work, || testing::execute(&deps.db, &work.input)).await
    }

    /// Phase 7: group failures into observations.
    #[activity]
    pub async fn raise_observations(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<PhaseInput>,
    ) -> Result<usize, ActivityError> {
        let deps = &self.0;
        deps.tracked(&ctx, &work, || observations::raise(&deps.db, &work.input)).await
    }

    /// Phase 8: render the test report.
    #[activity]
    pub async fn render_report(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<PhaseInput>,
    ) -> Result<i64, ActivityError> {
        let deps = &self.0;
        let today = today();
        deps.tracked(&ctx, &work, || report::render(&deps.db, &work.input, &today)).await
    }

    /// Phase 8: mark the signed report final.
    #[activity]
    pub async fn finalize_report(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<PhaseInput>,
    ) -> Result<(), ActivityError> {
        let deps = &self.0;
        let today = today();
        deps.tracked(&ctx, &work, || report::finalize(&deps.db, &work.input, &today)).await
    }
}
