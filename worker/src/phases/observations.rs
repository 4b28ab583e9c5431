//! Phase 7, Observation Management: group failures by attribute and LOB into observations with
//! a severity.

use sea_orm::{DatabaseConnection, FromQueryResult};

use super::scoping::parse_requirement;
use super::{PhaseInput, PhaseResult, rows};
use crate::rules::comparison::Outcome;
use crate::rules::observations::{ExecutionFacts, group_failures};
use crate::tracking::{exec, scalar_i64};

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

/// Stores the observations of the latest test run; returns how many there are.
pub async fn raise(db: &DatabaseConnection, input: &PhaseInput) -> PhaseResult<usize> {
    let executions: Vec<Row> = rows(
        db,
        "SELECT te.id AS execution_id, a.id AS attribute_id, a.name AS attribute_name, s.lob_id, l.code AS lob_code,
                te.result, a.is_cde, a.requirement, te.expected_value, te.evidence_value
         FROM test_case tc
         JOIN LATERAL (SELECT * FROM test_execution x WHERE x.test_case_id = tc.id ORDER BY run_number DESC LIMIT 1) te ON true
         JOIN attribute a ON a.id = tc.attribute_id
         JOIN sample s ON s.id = tc.sample_id
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
    for draft in &drafts {
        let id = scalar_i64(
            db,
            "INSERT INTO observation (cycle_report_id, attribute_id, lob_id, title, description, observation_type,
                    severity, failure_count, tested_count)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (cycle_report_id, attribute_id, lob_id) DO UPDATE SET
                title = EXCLUDED.title, description = EXCLUDED.description,
                failure_count = EXCLUDED.failure_count, tested_count = EXCLUDED.tested_count, updated_at = now()
             RETURNING id",
            vec![
                input.cycle_report_id.into(),
                draft.attribute_id.into(),
                draft.lob_id.into(),
                draft.title.clone().into(),
                draft.description.clone().into(),
                draft.observation_type.as_str().into(),
                draft.severity.as_str().into(),
                draft.failure_count.into(),
                draft.tested_count.into(),
            ],
        )
        .await?
        .unwrap_or_default();
        exec(
            db,
            "INSERT INTO observation_execution (observation_id, test_execution_id)
             SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING",
            vec![id.into(), draft.execution_ids.clone().into()],
        )
        .await?;
    }
    Ok(drafts.len())
}

/// Approves the report's open observations, applying any severity overrides
/// (`{"severityOverrides": [{"observationId": id, "severity": "HIGH", "reason": text}]}`).
pub async fn approve(
    db: &DatabaseConnection,
    cycle_report_id: i64,
    payload: Option<&serde_json::Value>,
) -> PhaseResult<()> {
    if let Some(items) = payload.and_then(|p| p.get("severityOverrides")).and_then(|o| o.as_array()) {
        for item in items {
            let (Some(id), Some(severity), Some(reason)) =
                (item["observationId"].as_i64(), item["severity"].as_str(), item["reason"].as_str())
            else {
                continue;
            };
            exec(
                db,
                "UPDATE observation SET severity = $3, severity_override_reason = $4, updated_at = now()
                 WHERE id = $2 AND cycle_report_id = $1",
                vec![cycle_report_id.into(), id.into(), severity.into(), reason.into()],
            )
            .await?;
        }
    }
    exec(
        db,
        "UPDATE observation SET status = 'APPROVED', updated_at = now() WHERE cycle_report_id = $1 AND status = 'OPEN'",
        vec![cycle_report_id.into()],
    )
    .await?;
    Ok(())
}
