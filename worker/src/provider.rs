//! Where phase 1's attributes come from. A provider trait, so an OpenAI-compatible client can
//! stand in later; the built-in catalogue of known regulations is the offline default.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::catalog;

/// The report attributes are generated for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportContext {
    pub report_number: String,
    pub name: String,
    pub regulation: String,
}

/// A reviewer's feedback on the previous version of the attribute set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    pub comment: Option<String>,
    /// Attribute names the reviewer asked to drop (`{"exclude": [...]}` in the task payload).
    pub exclude: Vec<String>,
}

/// One generated attribute, as stored in `attribute`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributeDraft {
    pub name: String,
    pub description: String,
    pub data_type: String,
    pub requirement: String,
    pub is_cde: bool,
    pub has_historical_issue: bool,
    pub is_primary_key: bool,
    pub line_item: Option<String>,
    pub validation_rule: Option<String>,
}

/// Why no attributes could be generated.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// The provider cannot know this report: retrying will not help.
    #[error("no attribute definitions are known for report {0}")]
    UnknownReport(String),
    /// The provider failed this time (network, rate limit): worth retrying.
    #[error("attribute provider unavailable: {0}")]
    Unavailable(String),
}

/// Generates the attributes to test for a report.
#[async_trait]
pub trait AttributeProvider: Send + Sync {
    /// The `attribute.origin` its attributes are recorded with (LLM or BUILTIN).
    fn origin(&self) -> &'static str;

    /// The attributes of `report`, revised by `revision` when a reviewer sent the set back.
    async fn generate(
        &self,
        report: &ReportContext,
        revision: Option<&Revision>,
    ) -> Result<Vec<AttributeDraft>, ProviderError>;
}

/// The built-in catalogue: deterministic and offline.
#[derive(Debug, Default, Clone, Copy)]
pub struct BuiltinCatalogue;

#[async_trait]
impl AttributeProvider for BuiltinCatalogue {
    fn origin(&self) -> &'static str {
        "BUILTIN"
    }

    async fn generate(
        &self,
        report: &ReportContext,
        revision: Option<&Revision>,
    ) -> Result<Vec<AttributeDraft>, ProviderError> {
        let spec = catalog::find(&report.report_number)
            .ok_or_else(|| ProviderError::UnknownReport(report.report_number.clone()))?;
        let excluded = |name: &str| revision.is_some_and(|r| r.exclude.iter().any(|e| e == name));
        Ok(spec
            .attributes
            .iter()
            // A primary key can never be dropped: without it no record can be identified.
            .filter(|a| a.is_primary_key || !excluded(a.name))
            .map(|a| AttributeDraft {
                name: a.name.to_owned(),
                description: a.description.to_owned(),
                data_type: a.data_type.as_str().to_owned(),
                requirement: a.requirement.as_str().to_owned(),
                is_cde: a.is_cde,
                has_historical_issue: a.has_historical_issue,
                is_primary_key: a.is_primary_key,
                line_item: a.line_item.map(str::to_owned),
                validation_rule: a.validation_rule.map(str::to_owned),
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(number: &str) -> ReportContext {
        ReportContext { report_number: number.into(), name: String::new(), regulation: String::new() }
    }

    #[tokio::test]
    async fn the_catalogue_knows_the_demo_reports_and_honours_exclusions() {
        let all = BuiltinCatalogue.generate(&context("FR Y-9C"), None).await.expect("known");
        assert!(all.len() >= 10);
        let dropped = all.iter().find(|a| !a.is_primary_key).expect("a non-key attribute").name.clone();
        let revision = Revision { comment: None, exclude: vec![dropped.clone()] };
        let fewer = BuiltinCatalogue.generate(&context("FR Y-9C"), Some(&revision)).await.expect("known");
        assert_eq!(fewer.len(), all.len() - 1);
        assert!(!fewer.iter().any(|a| a.name == dropped));
    }

    #[tokio::test]
    async fn an_unknown_report_is_a_business_error() {
        let err = BuiltinCatalogue.generate(&context("XYZ 1"), None).await.expect_err("unknown");
        assert!(matches!(err, ProviderError::UnknownReport(_)));
    }
}
