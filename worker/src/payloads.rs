//! What a decision may carry beside its verdict and comment, per kind of task: the attributes a
//! reviewer drops, scoping overrides, data owner assignments and severity overrides. One
//! definition serves both sides: the API reads a payload with it and refuses one that does not
//! fit its task before the workflow sees it, and the activities read it again to apply the
//! decision.

use entity::enums::{Phase, TaskKind};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::rules::observations::Severity;

/// Planning approval sent back: attribute names to leave out when the attributes are generated
/// again (`{"exclude": ["..."]}`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeRevision {
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// A tester's scoping review: decisions turned around, each with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopingReview {
    #[serde(default)]
    pub overrides: Vec<ScopeOverride>,
}

/// One attribute (by name) put in or out of scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ScopeOverride {
    pub attribute: String,
    pub in_scope: bool,
    pub reason: String,
}

/// A data executive's answer to an ASSIGNMENT task: owners for unmapped attribute/LOB pairs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnerAssignments {
    #[serde(default)]
    pub assignments: Vec<OwnerAssignment>,
}

/// One attribute/LOB pair of the report given to a data owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct OwnerAssignment {
    pub attribute_id: i64,
    pub lob_id: i64,
    pub data_owner_id: i64,
}

/// The approval of a report's observations, with any severities changed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ObservationApproval {
    #[serde(default)]
    pub severity_overrides: Vec<SeverityOverride>,
}

/// One observation given another severity, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SeverityOverride {
    pub observation_id: i64,
    pub severity: Severity,
    pub reason: String,
}

/// A decision's payload, read for the task it decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionPayload {
    AttributeRevision(AttributeRevision),
    ScopingReview(ScopingReview),
    OwnerAssignments(OwnerAssignments),
    ObservationApproval(ObservationApproval),
    /// The task's decision carries nothing beside the verdict and comment.
    Nothing,
}

/// A payload for a task that takes none: only the empty object fits.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Nothing {}

impl DecisionPayload {
    /// Reads `payload` for a task of `kind` in `phase`; the error says what does not fit.
    pub fn read(phase: Phase, kind: TaskKind, payload: Option<&Value>) -> Result<Self, String> {
        let Some(payload) = payload else { return Ok(Self::Nothing) };
        if !payload.is_object() {
            return Err("payload must be a JSON object".to_owned());
        }
        let read = match (phase, kind) {
            (Phase::Planning, TaskKind::Approval) => parse(payload).map(Self::AttributeRevision),
            (Phase::Scoping, TaskKind::Review) => parse(payload).map(Self::ScopingReview),
            (Phase::DataOwnerIdentification, TaskKind::Assignment) => parse(payload).map(Self::OwnerAssignments),
            (Phase::ObservationManagement, TaskKind::Approval) => parse(payload).map(Self::ObservationApproval),
            _ => parse::<Nothing>(payload)
                .map(|_| Self::Nothing)
                .map_err(|_| format!("a {} task of {} takes no payload", kind.as_str(), phase.label())),
        }?;
        read.check_reasons()?;
        Ok(read)
    }

    /// Every override says why.
    fn check_reasons(&self) -> Result<(), String> {
        let blank = |reason: &str| reason.trim().is_empty();
        match self {
            Self::ScopingReview(review) if review.overrides.iter().any(|o| blank(&o.reason)) => {
                Err("every scoping override needs a reason".to_owned())
            }
            Self::ObservationApproval(approval) if approval.severity_overrides.iter().any(|o| blank(&o.reason)) => {
                Err("every severity override needs a reason".to_owned())
            }
            _ => Ok(()),
        }
    }
}

/// `payload` as a `T`, with serde's account of what does not fit.
pub fn parse<T: DeserializeOwned>(payload: &Value) -> Result<T, String> {
    T::deserialize(payload).map_err(|err| format!("payload: {err}"))
}

/// The attribute names a sent-back decision asks to leave out (none unless it carries them).
pub fn excluded_attributes(payload: Option<&Value>) -> Vec<String> {
    payload.and_then(|p| parse::<AttributeRevision>(p).ok()).map(|r| r.exclude).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn each_task_reads_its_own_payload() {
        let read = |phase, kind, payload: Value| DecisionPayload::read(phase, kind, Some(&payload));
        assert_eq!(
            read(
                Phase::DataOwnerIdentification,
                TaskKind::Assignment,
                json!({ "assignments": [
                { "attributeId": 1, "lobId": 2, "dataOwnerId": 3 } ] })
            ),
            Ok(DecisionPayload::OwnerAssignments(OwnerAssignments {
                assignments: vec![OwnerAssignment { attribute_id: 1, lob_id: 2, data_owner_id: 3 }]
            }))
        );
        assert_eq!(
            read(Phase::Planning, TaskKind::Approval, json!({ "exclude": ["Caption"] })),
            Ok(DecisionPayload::AttributeRevision(AttributeRevision { exclude: vec!["Caption".into()] }))
        );
        assert_eq!(read(Phase::TestExecution, TaskKind::Review, json!({})), Ok(DecisionPayload::Nothing));
        assert_eq!(DecisionPayload::read(Phase::Scoping, TaskKind::Approval, None), Ok(DecisionPayload::Nothing));
    }

    #[test]
    fn what_does_not_fit_is_named() {
        let read =
            |phase, kind, payload: Value| DecisionPayload::read(phase, kind, Some(&payload)).expect_err("refused");
        let assignment = (Phase::DataOwnerIdentification, TaskKind::Assignment);
        assert!(read(assignment.0, assignment.1, json!({ "assignment": [] })).contains("unknown field `assignment`"));
        assert!(
            read(assignment.0, assignment.1, json!({ "assignments": [{ "attributeId": 1, "lobId": 2 }] }))
                .contains("missing field `dataOwnerId`")
        );
        let overrides = json!({ "severityOverrides": [{ "observationId": 1, "severity": "SEVERE", "reason": "x" }] });
        assert!(read(Phase::ObservationManagement, TaskKind::Approval, overrides).contains("unknown variant `SEVERE`"));
        let unexplained = json!({ "overrides": [{ "attribute": "Total assets", "inScope": false, "reason": " " }] });
        assert_eq!(read(Phase::Scoping, TaskKind::Review, unexplained), "every scoping override needs a reason");
        assert_eq!(
            read(Phase::TestExecution, TaskKind::Review, json!({ "exclude": [] })),
            "a REVIEW task of Test Execution takes no payload"
        );
        assert_eq!(read(Phase::Planning, TaskKind::Approval, json!([1])), "payload must be a JSON object");
    }

    #[test]
    fn only_a_revision_excludes_attributes() {
        assert_eq!(excluded_attributes(Some(&json!({ "exclude": ["A", "B"] }))), ["A", "B"]);
        assert!(excluded_attributes(Some(&json!({ "overrides": [] }))).is_empty());
        assert!(excluded_attributes(None).is_empty());
    }
}
