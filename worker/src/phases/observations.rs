//! Phase 7, Observation Management: group failures by attribute and LOB into observations with
//! a severity.

use sea_orm::{ConnectionTrait, FromQueryResult};
use serde::Serialize;

use super::scoping::parse_requirement;
use super::{PhaseInput, PhaseResult};
use crate::payloads::ObservationApproval;
use crate::rules::comparison::Outcome;
use crate::rules::observations::{ExecutionFacts, group_failures};
use crate::sql::{exec, insert_batch, rows};

#[derive(Debug, FromQueryResult)]
struct Row {
    execution_id: i64,
    attribute_id: i64,
    attribute_name: String,
    lob_id: i64,
    lob_code: String,
    result: String,
    is_cde: bool,
    requirement: String,
    expected_value: Option<String>,
    evidence_value: Option<String>,
}

/// An observation to store, with the failed executions it groups.
#[derive(Debug, Serialize)]
struct StoredObservation<'a> {
    attribute_id: i64,
    lob_id: i64,
    title: &'a str,
    description: &'a str,
    observation_type: &'static str,
    severity: &'static str,
    failure_count: i32,
    tested_count: i32,
    execution_ids: &'a [i64],
}

/// Stores the observations of the latest test run; returns how many there are.
pub async fn raise(db: &impl ConnectionTrait, input: &PhaseInput) -> PhaseResult<usize> {
    let executions: Vec<Row> = rows(
        db,
        "SELECT te.id AS execution_id, a.id AS attribute_id, a.name AS attribute_name, s.lob_id, l.code AS lob_code,
                te.result, a.is_cde, a.requirement, te.expected_value, te.evidence_value
         FROM test_case tc
         JOIN LATERAL (SELECT * FROM test_execution x WHERE x.test_case_id = tc.id ORDER BY run_number DESC LIMIT 1) te ON true
         JOIN attribute a ON a.id = tc.attribute_id AND a.cycle_report_id = $1
         JOIN sample s ON s.id = tc.sample_id AND s.cycle_report_id = $1
         JOIN lob l ON l.id = s.lob_id
         WHERE tc.cycle_report_id = $1
         ORDER BY te.id",
        vec![input.cycle_report_id.into()],
    )
    .await?;
    let facts: Vec<ExecutionFacts> = executions
        .into_iter()
        .map(|r| ExecutionFacts {
            execution_id: r.execution_id,
            attribute_id: r.attribute_id,
            attribute_name: r.attribute_name,
            lob_id: r.lob_id,
            lob_code: r.lob_code,
            outcome: match r.result.as_str() {
                "PASS" => Outcome::Pass,
                "FAIL" => Outcome::Fail,
                _ => Outcome::Inconclusive,
            },
            is_cde: r.is_cde,
            requirement: parse_requirement(&r.requirement),
            expected: r.expected_value,
            actual: r.evidence_value,
        })
        .collect();
    let drafts = group_failures(&facts);
    let stored: Vec<StoredObservation> = drafts
        .iter()
        .map(|d| StoredObservation {
            attribute_id: d.attribute_id,
            lob_id: d.lob_id,
            title: &d.title,
            description: &d.description,
            observation_type: d.observation_type.as_str(),
            severity: d.severity.as_str(),
            failure_count: d.failure_count,
            tested_count: d.tested_count,
            execution_ids: &d.execution_ids,
        })
        .collect();
    // The observations and the failed executions behind each, in one statement.
    insert_batch(
        db,
        "WITH draft AS (
            SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(attribute_id bigint, lob_id bigint, title text,
                description text, observation_type text, severity text, failure_count int, tested_count int,
                execution_ids bigint[])),
         stored AS (
            INSERT INTO observation (cycle_report_id, attribute_id, lob_id, title, description, observation_type,
                    severity, failure_count, tested_count)
            SELECT $2, attribute_id, lob_id, title, description, observation_type, severity, failure_count,
                   tested_count
            FROM draft
            ON CONFLICT (cycle_report_id, attribute_id, lob_id) DO UPDATE SET
               title = EXCLUDED.title, description = EXCLUDED.description,
               failure_count = EXCLUDED.failure_count, tested_count = EXCLUDED.tested_count, updated_at = now()
            RETURNING id, attribute_id, lob_id)
         INSERT INTO observation_execution (observation_id, test_execution_id)
         SELECT stored.id, unnest(draft.execution_ids) FROM stored JOIN draft USING (attribute_id, lob_id)
         ON CONFLICT DO NOTHING",
        &stored,
        [input.cycle_report_id.into()],
    )
    .await?;
    Ok(drafts.len())
}

/// Approves the report's open observations, with any severities the approval changes.
pub async fn approve(
    db: &impl ConnectionTrait,
    cycle_report_id: i64,
    approval: &ObservationApproval,
) -> PhaseResult<()> {
    for item in &approval.severity_overrides {
        exec(
            db,
            "UPDATE observation SET severity = $3, severity_override_reason = $4, updated_at = now()
             WHERE id = $2 AND cycle_report_id = $1",
            vec![
                cycle_report_id.into(),
                item.observation_id.into(),
                item.severity.as_str().into(),
                item.reason.clone().into(),
            ],
        )
        .await?;
    }
    exec(
        db,
        "UPDATE observation SET status = 'APPROVED', updated_at = now() WHERE cycle_report_id = $1 AND status = 'OPEN'",
        vec![cycle_report_id.into()],
    )
    .await?;
    Ok(())
}
