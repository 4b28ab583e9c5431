//! The `TestCase` type: one sample × attribute with what the report says and what the evidence says.

use async_graphql::{ID, Object};

use crate::services::views::TestCaseView;

/// A test case: one sampled record's value of one in-scope attribute.
pub struct TestCase(pub TestCaseView);

#[Object]
impl TestCase {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// The attribute tested.
    async fn attribute_name(&self) -> &str {
        &self.0.attribute_name
    }

    /// The sampled record's key.
    async fn sample_key(&self) -> &str {
        &self.0.sample_key
    }

    /// The value the report states.
    async fn reported_value(&self) -> Option<&str> {
        self.0.reported_value.as_deref()
    }

    /// The latest evidence value submitted, if any.
    async fn evidence(&self) -> Option<&str> {
        self.0.evidence_value.as_deref()
    }

    /// Version of the latest evidence (1 for the first submission).
    async fn evidence_version(&self) -> Option<i32> {
        self.0.evidence_version
    }

    /// Where the evidence comes from (document or system reference).
    async fn document_ref(&self) -> Option<&str> {
        self.0.evidence_document_ref.as_deref()
    }

    /// The latest test result: PASS, FAIL or INCONCLUSIVE; null before testing.
    async fn result(&self) -> Option<&str> {
        self.0.result.as_deref()
    }
}
