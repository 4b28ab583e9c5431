//! `createCycle`, `addReportsToCycle`, `assignTester` and `advanceReportByHand`: test managers
//! setting up a cycle, and moving one on without Temporal.

use async_graphql::{Context, ID, InputObject, Object, Result};

use super::types::{Cycle, CycleReport};
use crate::graphql::context::{ContextExt, parse_id};
use crate::graphql::scalars::Date;
use crate::services::by_hand;
use crate::services::cycles::{self, NewCycle};

/// A new test cycle.
#[derive(InputObject)]
pub struct CreateCycleInput {
    /// Name, 1 to 200 characters.
    name: String,
    /// What the cycle is for.
    #[graphql(default)]
    description: String,
    /// First day of testing.
    start_date: Date,
    /// Last day of testing; not before `startDate`.
    end_date: Date,
    /// The owning test manager; defaults to the caller, and an admin must name one.
    test_manager_id: Option<ID>,
}

/// Mutations about cycles.
#[derive(Default)]
pub struct CycleMutation;

#[Object]
impl CycleMutation {
    /// Creates a PLANNED cycle. TEST_MANAGER and ADMIN only.
    async fn create_cycle(&self, ctx: &Context<'_>, input: CreateCycleInput) -> Result<Cycle> {
        let viewer = ctx.viewer()?;
        let test_manager_id = input.test_manager_id.as_ref().map(|id| parse_id("testManagerId", id)).transpose()?;
        let new = NewCycle {
            name: input.name,
            description: input.description,
            start_date: input.start_date.0,
            end_date: input.end_date.0,
            test_manager_id,
        };
        Ok(Cycle(cycles::create(ctx.db(), viewer, new).await?))
    }

    /// Adds reports to a cycle, all or none. TEST_MANAGER and ADMIN only.
    async fn add_reports_to_cycle(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The cycle.")] cycle_id: ID,
        #[graphql(desc = "The reports to add; none may be in the cycle already.")] report_ids: Vec<ID>,
    ) -> Result<Cycle> {
        let viewer = ctx.viewer()?;
        let cycle_id = parse_id("cycleId", &cycle_id)?;
        let report_ids = report_ids.iter().map(|id| parse_id("reportIds", id)).collect::<Result<Vec<_>, _>>()?;
        Ok(Cycle(cycles::add_reports(ctx.db(), viewer, cycle_id, &report_ids).await?))
    }

    /// Assigns the tester of one report of a cycle (null: nobody, so any tester may act). Its
    /// open tester steps move to them at once, and later ones go to them. TEST_MANAGER and ADMIN
    /// only; CONFLICT once the cycle is over.
    async fn assign_tester(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The cycle.")] cycle_id: ID,
        #[graphql(desc = "The report of the cycle.")] report_id: ID,
        #[graphql(desc = "An active TESTER, or null to unassign.")] tester_id: Option<ID>,
    ) -> Result<CycleReport> {
        let viewer = ctx.viewer()?;
        let cycle_id = parse_id("cycleId", &cycle_id)?;
        let report_id = parse_id("reportId", &report_id)?;
        let tester_id = tester_id.as_ref().map(|id| parse_id("testerId", id)).transpose()?;
        Ok(CycleReport(cycles::assign_tester(ctx.db(), viewer, cycle_id, report_id, tester_id).await?))
    }

    /// Moves one report of a cycle that runs without a workflow to its next phase (complete after
    /// the last; the cycle completes with its last report). TEST_MANAGER and ADMIN only; CONFLICT
    /// once the cycle is over, when its workflow has been started, or for a complete report. A
    /// cycle moved by hand is not started as a workflow.
    async fn advance_report_by_hand(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The cycle.")] cycle_id: ID,
        #[graphql(desc = "The report of the cycle.")] report_id: ID,
        #[graphql(desc = "Why, or what was done (audited).")] note: Option<String>,
    ) -> Result<CycleReport> {
        let viewer = ctx.viewer()?;
        let cycle_id = parse_id("cycleId", &cycle_id)?;
        let report_id = parse_id("reportId", &report_id)?;
        Ok(CycleReport(by_hand::advance(ctx.db(), viewer, cycle_id, report_id, note).await?))
    }
}
