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
        // The provider may be a remote model: its call must not hold a session others wait for.
        deps.tracked(&ctx, &work, |_| planning::generate_attributes(&deps.db, deps.provider.as_ref(), &work.input))
            .await
    }

    /// Phase 2: score risk and recommend scope.
    #[activity]
    pub async fn score_scoping(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<PhaseInput>,
    ) -> Result<(usize, usize), ActivityError> {
        let deps = &self.0;
        let input = &work.input;
        deps.tracked(&ctx, &work, |db| async move { scoping::score(&*db, input).await }).await
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
        deps.tracked(&ctx, &work, |db| async move { sampling::select(&*db, input, *size as usize).await }).await
    }

    /// Phase 4: map data owners; returns the pairs left unmapped.
    #[activity]
    pub async fn map_data_owners(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<PhaseInput>,
    ) -> Result<i64, ActivityError> {
        let deps = &self.0;
        let input = &work.input;
        deps.tracked(&ctx, &work, |db| async move { owners::map(&*db, input).await }).await
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
        deps.tracked(&ctx, &work, |db| async move { rfi::issue(&*db, input, *due_days).await }).await
    }

    /// Phase 5, AUTO mode: evidence from the system of record.
    #[activity]
    pub async fn auto_evidence(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<PhaseInput>,
    ) -> Result<u64, ActivityError> {
        let deps = &self.0;
        let cycle_report_id = work.input.cycle_report_id;
        deps.tracked(&ctx, &work, |db| async move { evidence::auto_fill(&*db, cycle_report_id).await }).await
    }

    /// Phase 6: compare evidence with reported values.
    #[activity]
    pub async fn execute_tests(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<PhaseInput>,
    ) -> Result<TestSummary, ActivityError> {
        let deps = &self.0;
        let input = &work.input;
        deps.tracked(&ctx, &work, |db| async move { testing::execute(&*db, input).await }).await
    }

    /// Phase 7: group failures into observations.
    #[activity]
    pub async fn raise_observations(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<PhaseInput>,
    ) -> Result<usize, ActivityError> {
        let deps = &self.0;
        let input = &work.input;
        deps.tracked(&ctx, &work, |db| async move { observations::raise(&*db, input).await }).await
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
        let input = &work.input;
        deps.tracked(&ctx, &work, |db| async move { report::render(&*db, input, &today).await }).await
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
        let input = &work.input;
        deps.tracked(&ctx, &work, |db| async move { report::finalize(&*db, input, &today).await }).await
    }
}
