//! The `Cycle` and `CycleReport` types.

use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use entity::{cycle_report, test_cycle};

use super::outputs::{Observation, TestReport};
use super::phase_outputs::{Attribute, DataOwnerAssignment, Sample, latest};
use crate::graphql::connection::{Conn, connection, page_request};
use crate::graphql::context::{load, load_all, load_group};
use crate::graphql::enums::{CycleReportStatus, CycleStatus, Phase};
use crate::graphql::loaders::{
    AssignmentsOfCycleReport, AttributesOfCycleReport, ExecutionsOfCycle, ObservationsOfCycle, ReportId,
    ReportsOfCycle, SamplesOfCycleReport, TestReportsOfCycle, UserId,
};
use crate::graphql::reports::types::Report;
use crate::graphql::scalars::{Date, utc};
use crate::graphql::users::types::User;
use crate::graphql::workflow::types::WorkflowExecution;
use crate::services::page::Page;

/// A test cycle: a period of testing over several reports, owned by a test manager.
pub struct Cycle(pub test_cycle::Model);

#[Object]
impl Cycle {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// Name, e.g. "2026 Q4 regulatory testing".
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// What the cycle is for.
    async fn description(&self) -> &str {
        &self.0.description
    }

    /// Where the cycle stands.
    async fn status(&self) -> CycleStatus {
        self.0.status.into()
    }

    /// First day of testing.
    async fn start_date(&self) -> Date {
        Date(self.0.start_date)
    }

    /// Last day of testing.
    async fn end_date(&self) -> Date {
        Date(self.0.end_date)
    }

    /// The test manager who owns the cycle.
    async fn test_manager(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        Ok(load(ctx, UserId(self.0.test_manager_id)).await?.map(User))
    }

    /// When the cycle was created.
    async fn created_at(&self) -> DateTime<Utc> {
        utc(self.0.created_at)
    }

    /// The reports under test in this cycle.
    async fn reports(&self, ctx: &Context<'_>) -> Result<Vec<Report>> {
        let links = load_group(ctx, ReportsOfCycle(self.0.id)).await?;
        let reports = load_all(ctx, links.iter().map(|l| ReportId(l.report_id))).await?;
        Ok(links.iter().filter_map(|l| reports.get(&ReportId(l.report_id)).cloned().map(Report)).collect())
    }

    /// Each report of the cycle with its tester, status and current phase.
    async fn cycle_reports(&self, ctx: &Context<'_>) -> Result<Vec<CycleReport>> {
        Ok(load_group(ctx, ReportsOfCycle(self.0.id)).await?.into_iter().map(CycleReport).collect())
    }

    /// The cycle's workflow runs (per-cycle parent executions), newest first.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn workflow_executions(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size, at most 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
    ) -> Result<Conn<WorkflowExecution>> {
        let request = page_request(first, after.as_deref())?;
        // Batched: every cycle of a list loads its executions in one query, paged here.
        let all = load_group(ctx, ExecutionsOfCycle(self.0.id)).await?;
        let total_count = all.len() as u64;
        let rest: Vec<_> = all.into_iter().filter(|e| request.after.is_none_or(|after| e.id < after)).collect();
        let has_next_page = rest.len() as u64 > request.first;
        let items = rest.into_iter().take(request.first as usize).collect();
        let page = Page { items, has_next_page, total_count };
        Ok(connection(page, after.is_some(), |e| e.id, WorkflowExecution))
    }

    /// Findings of the cycle's testing (phase 7).
    async fn observations(&self, ctx: &Context<'_>) -> Result<Vec<Observation>> {
        Ok(load_group(ctx, ObservationsOfCycle(self.0.id)).await?.into_iter().map(Observation).collect())
    }

    /// The latest test report of each report of the cycle (phase 8).
    async fn test_reports(&self, ctx: &Context<'_>) -> Result<Vec<TestReport>> {
        Ok(load_group(ctx, TestReportsOfCycle(self.0.id)).await?.into_iter().map(TestReport).collect())
    }

    /// The newest workflow run of the cycle, if one was started.
    async fn current_execution(&self, ctx: &Context<'_>) -> Result<Option<WorkflowExecution>> {
        Ok(load_group(ctx, ExecutionsOfCycle(self.0.id)).await?.into_iter().next().map(WorkflowExecution))
    }
}

/// One report within one cycle: who tests it and how far it has come.
pub struct CycleReport(pub cycle_report::Model);

#[Object]
impl CycleReport {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// The report.
    async fn report(&self, ctx: &Context<'_>) -> Result<Option<Report>> {
        Ok(load(ctx, ReportId(self.0.report_id)).await?.map(Report))
    }

    /// The tester assigned to it, if any.
    async fn tester(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        let Some(id) = self.0.tester_id else { return Ok(None) };
        Ok(load(ctx, UserId(id)).await?.map(User))
    }

    /// How far testing of this report has come.
    async fn status(&self) -> CycleReportStatus {
        self.0.status.into()
    }

    /// The phase it is in, once started.
    async fn current_phase(&self) -> Option<Phase> {
        self.0.current_phase.map(Into::into)
    }

    /// The Temporal workflow id testing it, once started.
    async fn workflow_id(&self) -> Option<&str> {
        self.0.workflow_id.as_deref()
    }

    /// The attributes to test (planning's latest round), each with its latest scoping decision.
    async fn attributes(&self, ctx: &Context<'_>) -> Result<Vec<Attribute>> {
        let rows = load_group(ctx, AttributesOfCycleReport(self.0.id)).await?;
        Ok(latest(rows, |a| a.version).into_iter().map(Attribute).collect())
    }

    /// The samples drawn (sample selection's latest round).
    async fn samples(&self, ctx: &Context<'_>) -> Result<Vec<Sample>> {
        let rows = load_group(ctx, SamplesOfCycleReport(self.0.id)).await?;
        Ok(latest(rows, |s| s.version).into_iter().map(Sample).collect())
    }

    /// The data owner of each in-scope attribute and LOB, and the pairs still unmapped.
    async fn owner_assignments(&self, ctx: &Context<'_>) -> Result<Vec<DataOwnerAssignment>> {
        let rows = load_group(ctx, AssignmentsOfCycleReport(self.0.id)).await?;
        Ok(rows.into_iter().map(DataOwnerAssignment).collect())
    }
}
