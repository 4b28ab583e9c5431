//! Phase 6, Test Execution: compare each test case's latest evidence with the reported value.

use sea_orm::{DatabaseConnection, FromQueryResult};
use serde::{Deserialize, Serialize};

use super::scoping::parse_data_type;
use super::{PhaseInput, PhaseResult, rows};
use crate::rules::comparison::{Outcome, compare};
use crate::tracking::exec;

#[derive(Debug, FromQueryResult)]
struct Case {
    id: i64,
    reported_value: Option<String>,
    data_type: String,
    evidence: Option<String>,
}

/// How a run of tests came out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestSummary {
    pub passed: u32,
    pub failed: u32,
    pub inconclusive: u32,
}

/// Executes this round's tests; returns the tally.
pub async fn execute(db: &DatabaseConnection, input: &PhaseInput) -> PhaseResult<TestSummary> {
    let cases: Vec<Case> = rows(
        db,
        "SELECT tc.id, tc.reported_value, a.data_type,
                (SELECT value FROM evidence e WHERE e.test_case_id = tc.id ORDER BY version DESC LIMIT 1) AS evidence
         FROM test_case tc JOIN attribute a ON a.id = tc.attribute_id
         WHERE tc.cycle_report_id = $1 ORDER BY tc.id",
        vec![input.cycle_report_id.into()],
    )
    .await?;
    let mut summary = TestSummary::default();
    for case in &cases {
        let comparison =
            compare(parse_data_type(&case.data_type), case.reported_value.as_deref(), case.evidence.as_deref());
        match comparison.outcome {
            Outcome::Pass => summary.passed += 1,
            Outcome::Fail => summary.failed += 1,
            Outcome::Inconclusive => summary.inconclusive += 1,
        }
        exec(
            db,
            "INSERT INTO test_execution (test_case_id, run_number, expected_value, evidence_value, result, comparison_detail)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (test_case_id, run_number) DO NOTHING",
            vec![
                case.id.into(),
                input.version().into(),
                case.reported_value.clone().into(),
                case.evidence.clone().into(),
                comparison.outcome.as_str().into(),
                comparison.detail.into(),
            ],
        )
        .await?;
    }
    Ok(summary)
}
