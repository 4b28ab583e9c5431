//! Phase 7 (Observation Management): failed test executions grouped into observations, one per
//! (attribute, LOB), each with a type and a severity.
//!
//! Severity rises with how much the attribute matters (critical data element, mandatory) and
//! with how often it failed, so one stray miss on an optional field does not read like a
//! systemic break of a critical one.

use std::collections::BTreeMap;

use super::comparison::Outcome;
use crate::catalog::Requirement;

/// Failure rate (in percent of tested cases) from which a failure counts as systemic.
const SYSTEMIC_RATE_PERCENT: i64 = 10;
/// Examples of expected vs actual values listed in a description.
const MAX_EXAMPLES: usize = 5;

/// One test execution, as grouping needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecutionFacts {
    pub execution_id: i64,
    pub attribute_id: i64,
    pub attribute_name: String,
    pub lob_id: i64,
    pub lob_code: String,
    pub outcome: Outcome,
    pub is_cde: bool,
    pub requirement: Requirement,
    /// The value the report states.
    pub expected: Option<String>,
    /// The value the system of record holds (the evidence).
    pub actual: Option<String>,
}

/// How serious an observation is; the order runs from most to least serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Severity {
    Critical,
    High,
    Medium,
    Low,
    Informational,
}

impl Severity {
    /// The spelling stored in `observation.severity`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Critical => "CRITICAL",
            Self::High => "HIGH",
            Self::Medium => "MEDIUM",
            Self::Low => "LOW",
            Self::Informational => "INFORMATIONAL",
        }
    }
}

/// What kind of problem an observation records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ObservationType {
    /// The system of record holds a different value.
    DataQuality,
    /// The system of record holds no value.
    DataMissing,
    /// A derived figure is computed wrongly (raised by people, not by grouping).
    Calculation,
    /// Evidence or documentation is lacking (raised by people, not by grouping).
    Documentation,
}

impl ObservationType {
    /// The spelling stored in `observation.observation_type`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::DataQuality => "DATA_QUALITY",
            Self::DataMissing => "DATA_MISSING",
            Self::Calculation => "CALCULATION",
            Self::Documentation => "DOCUMENTATION",
        }
    }
}

/// An observation proposed from failures, before the report owner reviews it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObservationDraft {
    pub attribute_id: i64,
    pub lob_id: i64,
    pub title: String,
    pub description: String,
    pub observation_type: ObservationType,
    pub severity: Severity,
    pub failure_count: i32,
    /// Every execution of the (attribute, LOB), whatever its outcome.
    pub tested_count: i32,
    /// The failed executions, ascending.
    pub execution_ids: Vec<i64>,
}

/// One observation per (attribute, LOB) with at least one failure, most severe first, then by
/// attribute name and LOB code.
pub fn group_failures(executions: &[ExecutionFacts]) -> Vec<ObservationDraft> {
    let mut groups: BTreeMap<(i64, i64), Vec<&ExecutionFacts>> = BTreeMap::new();
    for execution in executions {
        groups.entry((execution.attribute_id, execution.lob_id)).or_default().push(execution);
    }
    let mut drafts: Vec<(ObservationDraft, String, String)> = groups
        .into_values()
        .filter_map(|mut group| {
            group.sort_by_key(|execution| execution.execution_id);
            draft(&group)
        })
        .collect();
    drafts.sort_by(|(a, a_name, a_lob), (b, b_name, b_lob)| {
        (a.severity, a_name, a_lob, a.attribute_id, a.lob_id).cmp(&(
            b.severity,
            b_name,
            b_lob,
            b.attribute_id,
            b.lob_id,
        ))
    });
    drafts.into_iter().map(|(draft, _, _)| draft).collect()
}

/// The observation of one group (sorted by execution id), with its attribute name and LOB code
/// for sorting; `None` when nothing failed.
fn draft(group: &[&ExecutionFacts]) -> Option<(ObservationDraft, String, String)> {
    let first = *group.first()?;
    let failures: Vec<&ExecutionFacts> = group.iter().copied().filter(|e| e.outcome == Outcome::Fail).collect();
    if failures.is_empty() {
        return None;
    }
    let failure_count = i32::try_from(failures.len()).unwrap_or(i32::MAX);
    let tested_count = i32::try_from(group.len()).unwrap_or(i32::MAX);
    let missing = failures.iter().filter(|e| is_blank(e.actual.as_deref())).count();
    // "Mostly" missing: more than half of the failures have no value in the system of record.
    let observation_type =
        if missing * 2 > failures.len() { ObservationType::DataMissing } else { ObservationType::DataQuality };
    let severity = severity(first.is_cde, first.requirement, failure_count, tested_count);
    let label = label(&first.attribute_name);
    let problem = match observation_type {
        ObservationType::DataMissing => "is missing from the system of record",
        _ => "differs from the system of record",
    };
    let noun = if tested_count == 1 { "sample" } else { "samples" };
    let title = format!("{label} {problem} in {} ({failure_count} of {tested_count} {noun})", first.lob_code);
    let rate = f64::from(failure_count) * 100.0 / f64::from(tested_count);
    let mut description = format!(
        "{failure_count} of {tested_count} test cases of {} for {} failed ({rate:.1}%). \
         Examples (expected vs actual):",
        first.attribute_name, first.lob_code
    );
    for example in failures.iter().take(MAX_EXAMPLES) {
        description.push_str(&format!(
            "\n- execution {}: expected {}, actual {}",
            example.execution_id,
            shown(example.expected.as_deref()),
            shown(example.actual.as_deref())
        ));
    }
    if failures.len() > MAX_EXAMPLES {
        description.push_str(&format!("\n- and {} more", failures.len() - MAX_EXAMPLES));
    }
    let draft = ObservationDraft {
        attribute_id: first.attribute_id,
        lob_id: first.lob_id,
        title,
        description,
        observation_type,
        severity,
        failure_count,
        tested_count,
        execution_ids: failures.iter().map(|e| e.execution_id).collect(),
    };
    Some((draft, first.attribute_name.clone(), first.lob_code.clone()))
}

/// The severity ladder: a systemic failure (rate ≥ 10 %) of a critical data element is CRITICAL;
/// otherwise CDEs and mandatory fields are HIGH when systemic and MEDIUM when not; conditional
/// fields MEDIUM/LOW; optional fields LOW, or INFORMATIONAL for a single isolated miss.
pub fn severity(is_cde: bool, requirement: Requirement, failure_count: i32, tested_count: i32) -> Severity {
    let systemic = i64::from(failure_count) * 100 >= SYSTEMIC_RATE_PERCENT * i64::from(tested_count.max(1));
    match (is_cde, requirement, systemic) {
        (true, _, true) => Severity::Critical,
        (true, _, false) | (false, Requirement::Mandatory, true) => Severity::High,
        (false, Requirement::Mandatory, false) | (false, Requirement::Conditional, true) => Severity::Medium,
        (false, Requirement::Optional, _) if failure_count <= 1 => Severity::Informational,
        (false, Requirement::Conditional | Requirement::Optional, _) => Severity::Low,
    }
}

fn is_blank(value: Option<&str>) -> bool {
    value.is_none_or(|text| text.trim().is_empty())
}

fn shown(value: Option<&str>) -> String {
    if is_blank(value) { "(none)".to_owned() } else { format!("\"{}\"", value.unwrap_or_default().trim()) }
}

/// `loan_balance` → `Loan balance`.
fn label(attribute_name: &str) -> String {
    let spaced = attribute_name.replace('_', " ");
    let mut characters = spaced.trim().chars();
    characters.next().map(|first| first.to_uppercase().chain(characters).collect()).unwrap_or_default()
}

#[cfg(test)]
#[path = "observations_tests.rs"]
mod tests;
