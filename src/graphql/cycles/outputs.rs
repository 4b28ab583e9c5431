//! What testing produced for a cycle: observations and test reports.

use async_graphql::{Context, ID, Json, Object, Result};

use crate::graphql::context::load;
use crate::graphql::loaders::ReportId;
use crate::graphql::reports::types::Report;
use crate::services::views::{ObservationView, TestReportView};

/// A finding: failures of one attribute in one LOB, with a severity.
pub struct Observation(pub ObservationView);

#[Object]
impl Observation {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// What was found, in a line.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// Examples and detail.
    async fn description(&self) -> &str {
        &self.0.description
    }

    /// DATA_QUALITY, DATA_MISSING, CALCULATION or DOCUMENTATION.
    async fn observation_type(&self) -> &str {
        &self.0.observation_type
    }

    /// CRITICAL, HIGH, MEDIUM, LOW or INFORMATIONAL.
    async fn severity(&self) -> &str {
        &self.0.severity
    }

    /// OPEN, APPROVED, IN_REMEDIATION, CLOSED or SKIPPED.
    async fn status(&self) -> &str {
        &self.0.status
    }

    /// The attribute that failed.
    async fn attribute_name(&self) -> &str {
        &self.0.attribute_name
    }

    /// The line of business whose records failed.
    async fn lob_code(&self) -> &str {
        &self.0.lob_code
    }

    /// Failed test cases.
    async fn failure_count(&self) -> i32 {
        self.0.failure_count
    }

    /// Test cases of this attribute and LOB.
    async fn tested_count(&self) -> i32 {
        self.0.tested_count
    }

    /// The report it concerns.
    async fn report(&self, ctx: &Context<'_>) -> Result<Option<Report>> {
        Ok(load(ctx, ReportId(self.0.report_id)).await?.map(Report))
    }
}

/// The test report of one report in a cycle (its latest version).
pub struct TestReport(pub TestReportView);

#[Object]
impl TestReport {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// The report tested.
    async fn report(&self, ctx: &Context<'_>) -> Result<Option<Report>> {
        Ok(load(ctx, ReportId(self.0.report_id)).await?.map(Report))
    }

    /// Version (one per review round).
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// DRAFT, PENDING_SIGN_OFF or SIGNED_OFF.
    async fn status(&self) -> &str {
        &self.0.status
    }

    /// The document in Markdown.
    async fn markdown(&self) -> &str {
        &self.0.markdown
    }

    /// The document as standalone HTML.
    async fn html(&self) -> &str {
        &self.0.html
    }

    /// Summary figures (tested, passed, failed, observations by severity, …).
    async fn summary(&self) -> Json<&serde_json::Value> {
        Json(&self.0.summary)
    }
}
