//! What the first phases produced for one report of a cycle, as people review and approve it:
//! the attributes (planning) with their scoping (scoping), the samples (sample selection) and the
//! data owner of each attribute and LOB (data owner identification). Each list is the latest
//! version, batch-loaded per report.

use async_graphql::{Context, ID, Object, Result};
use entity::{attribute, data_owner_assignment, sample, scoping_decision};

use crate::graphql::context::{load, load_group};
use crate::graphql::loaders::{AttributeId, LobId, ScopingOfAttribute, SourceRecordId, UserId};
use crate::graphql::users::types::{Lob, User};

/// The rows of the newest version among `rows` (versions count from 1 per review round).
pub fn latest<T>(rows: Vec<T>, version: impl Fn(&T) -> i32) -> Vec<T> {
    let newest = rows.iter().map(&version).max();
    rows.into_iter().filter(|row| Some(version(row)) == newest).collect()
}

/// A data element of the report to test, generated in planning.
pub struct Attribute(pub attribute::Model);

#[Object]
impl Attribute {
    /// Opaque id (what decision payloads name as `attributeId`).
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// The name (what a planning rejection's `exclude` names).
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// What it holds.
    async fn description(&self) -> &str {
        &self.0.description
    }

    /// STRING, INTEGER, DECIMAL, DATE, BOOLEAN, …
    async fn data_type(&self) -> &str {
        &self.0.data_type
    }

    /// A critical data element: always tested.
    async fn is_cde(&self) -> bool {
        self.0.is_cde
    }

    /// Had issues in earlier cycles: always tested.
    async fn has_historical_issue(&self) -> bool {
        self.0.has_historical_issue
    }

    /// Identifies a record.
    async fn is_primary_key(&self) -> bool {
        self.0.is_primary_key
    }

    /// The report line it feeds, if any.
    async fn line_item(&self) -> Option<&str> {
        self.0.line_item.as_deref()
    }

    /// The review round that produced it.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// Its latest scoping decision, once scoping has run.
    async fn scoping(&self, ctx: &Context<'_>) -> Result<Option<ScopingDecision>> {
        let decisions = latest(load_group(ctx, ScopingOfAttribute(self.0.id)).await?, |d| d.version);
        Ok(decisions.into_iter().next().map(ScopingDecision))
    }
}

/// Whether an attribute is tested, and why.
pub struct ScopingDecision(pub scoping_decision::Model);

#[Object]
impl ScopingDecision {
    /// TEST or SKIP, from the risk score.
    async fn recommendation(&self) -> &str {
        &self.0.recommendation
    }

    /// Risk, 0 to 100.
    async fn risk_score(&self) -> i32 {
        i32::from(self.0.risk_score)
    }

    /// Why the score is what it is.
    async fn rationale(&self) -> &str {
        &self.0.rationale
    }

    /// Whether it is tested (a reviewer may override the recommendation, with a reason).
    async fn in_scope(&self) -> bool {
        self.0.in_scope
    }

    /// The reviewer's reason, when the recommendation was overridden.
    async fn override_reason(&self) -> Option<&str> {
        self.0.override_reason.as_deref()
    }
}

/// A source record drawn for testing.
pub struct Sample(pub sample::Model);

#[Object]
impl Sample {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// The record's key in the system of record.
    async fn record_key(&self, ctx: &Context<'_>) -> Result<Option<String>> {
        Ok(load(ctx, SourceRecordId(self.0.source_record_id)).await?.map(|r| r.record_key))
    }

    /// Its line of business.
    async fn lob(&self, ctx: &Context<'_>) -> Result<Option<Lob>> {
        Ok(load(ctx, LobId(self.0.lob_id)).await?.map(Lob))
    }

    /// CLEAN, ANOMALY or BOUNDARY: the stratum it was drawn from.
    async fn category(&self) -> &str {
        &self.0.category
    }

    /// How it was chosen.
    async fn selection_method(&self) -> &str {
        &self.0.selection_method
    }

    /// The seed that reproduces the draw.
    async fn random_seed(&self) -> String {
        self.0.random_seed.to_string()
    }

    /// PROPOSED, APPROVED or REJECTED.
    async fn status(&self) -> &str {
        &self.0.status
    }
}

/// Who provides an attribute's values for one line of business.
pub struct DataOwnerAssignment(pub data_owner_assignment::Model);

#[Object]
impl DataOwnerAssignment {
    /// The attribute.
    async fn attribute(&self, ctx: &Context<'_>) -> Result<Option<Attribute>> {
        Ok(load(ctx, AttributeId(self.0.attribute_id)).await?.map(Attribute))
    }

    /// The line of business.
    async fn lob(&self, ctx: &Context<'_>) -> Result<Option<Lob>> {
        Ok(load(ctx, LobId(self.0.lob_id)).await?.map(Lob))
    }

    /// The data owner; null while unmapped (the data executive's ASSIGNMENT task names one).
    async fn data_owner(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        let Some(id) = self.0.data_owner_id else { return Ok(None) };
        Ok(load(ctx, UserId(id)).await?.map(User))
    }

    /// MAPPING (from the LOB's owners), MANUAL (by the data executive) or UNMAPPED.
    async fn method(&self) -> &str {
        &self.0.method
    }
}
