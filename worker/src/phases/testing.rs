//! Phase 6, Test Execution: compare each test case's latest evidence with the reported value.

use sea_orm::{ConnectionTrait, FromQueryResult};
use serde::{Deserialize, Serialize};

use super::scoping::parse_data_type;
use super::{PhaseInput, PhaseResult};
use crate::rules::comparison::{Outcome, compare};
use crate::sql::{exec, insert_batch, rows};

#[derive(Debug, FromQueryResult)]
struct Case {
    id: i64,
    reported_value: Option<String>,
    data_type: String,
    evidence: Option<String>,
}

/// An execution to store.
#[derive(Debug, Serialize)]
struct NewExecution {
    test_case_id: i64,
    expected_value: Option<String>,
    evidence_value: Option<String>,
    result: &'static str,
    comparison_detail: serde_json::Value,
}

/// How a run of tests came out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestSummary {
    pub passed: u32,
    pub failed: u32,
    pub inconclusive: u32,
}

/// Executes this round's tests; returns the tally.
pub async fn execute(db: &impl ConnectionTrait, input: &PhaseInput) -> PhaseResult<TestSummary> {
    let cases: Vec<Case> = rows(
        db,
        "SELECT tc.id, tc.reported_value, a.data_type,
                (SELECT value FROM evidence e WHERE e.test_case_id = tc.id ORDER BY version DESC LIMIT 1) AS evidence
         FROM test_case tc JOIN attribute a ON a.id = tc.attribute_id AND a.cycle_report_id = $1
         WHERE tc.cycle_report_id = $1 ORDER BY tc.id",
        vec![input.cycle_report_id.into()],
    )
    .await?;
    let mut summary = TestSummary::default();
    let mut executions = Vec::with_capacity(cases.len());
    for case in cases {
        let comparison =
            compare(parse_data_type(&case.data_type), case.reported_value.as_deref(), case.evidence.as_deref());
        match comparison.outcome {
            Outcome::Pass => summary.passed += 1,
            Outcome::Fail => summary.failed += 1,
            Outcome::Inconclusive => summary.inconclusive += 1,
        }
        executions.push(NewExecution {
            test_case_id: case.id,
            expected_value: case.reported_value,
            evidence_value: case.evidence,
            result: comparison.outcome.as_str(),
            comparison_detail: comparison.detail,
        });
    }
    insert_batch(
        db,
        "INSERT INTO test_execution (test_case_id, run_number, expected_value, evidence_value, result, comparison_detail)
         SELECT x.test_case_id, $2, x.expected_value, x.evidence_value, x.result, x.comparison_detail
         FROM jsonb_to_recordset($1::jsonb) AS x(test_case_id bigint, expected_value text, evidence_value text, result text,
                                          comparison_detail jsonb)
         ON CONFLICT (test_case_id, run_number) DO NOTHING",
        &executions,
        [input.version().into()],
    )
    .await?;
    // Testing has used the evidence: the report's requests are closed to further submissions.
    exec(
        db,
        "UPDATE information_request SET status = 'CLOSED' WHERE cycle_report_id = $1 AND status <> 'CLOSED'",
        vec![input.cycle_report_id.into()],
    )
    .await?;
    Ok(summary)
}
