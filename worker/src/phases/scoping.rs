//! Phase 2, Scoping: score each attribute's risk and recommend testing it or not.

use sea_orm::{ConnectionTrait, FromQueryResult};

use super::{PhaseInput, PhaseResult};
use crate::catalog::{DataType, Requirement};
use crate::payloads::ScopingReview;
use crate::rules::scoping::{AttributeFacts, Recommendation, advise};
use crate::sql::{exec, insert_batch, rows};

#[derive(Debug, serde::Serialize)]
struct NewDecision {
    attribute_id: i64,
    recommendation: &'static str,
    risk_score: i16,
    rationale: String,
    in_scope: bool,
}

#[derive(Debug, FromQueryResult)]
struct Row {
    id: i64,
    name: String,
    data_type: String,
    requirement: String,
    is_cde: bool,
    has_historical_issue: bool,
    is_primary_key: bool,
}

/// Stores this round's scoping decisions for the latest attribute set; returns
/// `(in scope, total)`.
pub async fn score(db: &impl ConnectionTrait, input: &PhaseInput) -> PhaseResult<(usize, usize)> {
    let attributes: Vec<Row> = rows(
        db,
        "SELECT id, name, data_type, requirement, is_cde, has_historical_issue, is_primary_key FROM attribute
         WHERE cycle_report_id = $1 AND version = (SELECT max(version) FROM attribute WHERE cycle_report_id = $1)
         ORDER BY id",
        vec![input.cycle_report_id.into()],
    )
    .await?;
    let decisions: Vec<NewDecision> = attributes
        .iter()
        .map(|attr| {
            let advice = advise(&AttributeFacts {
                name: attr.name.clone(),
                data_type: parse_data_type(&attr.data_type),
                requirement: parse_requirement(&attr.requirement),
                is_cde: attr.is_cde,
                has_historical_issue: attr.has_historical_issue,
                is_primary_key: attr.is_primary_key,
            });
            NewDecision {
                attribute_id: attr.id,
                recommendation: advice.recommendation.as_str(),
                risk_score: advice.risk_score,
                rationale: advice.rationale,
                in_scope: advice.recommendation == Recommendation::Test,
            }
        })
        .collect();
    let in_scope = decisions.iter().filter(|d| d.in_scope).count();
    insert_batch(
        db,
        "INSERT INTO scoping_decision (attribute_id, version, recommendation, risk_score, rationale, in_scope)
         SELECT x.attribute_id, $2, x.recommendation, x.risk_score, x.rationale, x.in_scope
         FROM jsonb_to_recordset($1::jsonb) AS x(attribute_id bigint, recommendation text, risk_score smallint,
                                          rationale text, in_scope boolean)
         ON CONFLICT (attribute_id, version) DO NOTHING",
        &decisions,
        [input.version().into()],
    )
    .await?;
    Ok((in_scope, attributes.len()))
}

/// Applies a tester's overrides to the latest decisions of the report's latest attributes.
pub async fn apply_overrides(
    db: &impl ConnectionTrait,
    cycle_report_id: i64,
    review: &ScopingReview,
) -> PhaseResult<()> {
    for item in &review.overrides {
        exec(
            db,
            "UPDATE scoping_decision sd SET in_scope = $3, override_reason = $4
             FROM attribute a
             WHERE sd.attribute_id = a.id AND a.cycle_report_id = $1 AND a.name = $2
               AND a.version = (SELECT max(version) FROM attribute WHERE cycle_report_id = $1)
               AND sd.version = (SELECT max(version) FROM scoping_decision WHERE attribute_id = a.id)",
            vec![
                cycle_report_id.into(),
                item.attribute.clone().into(),
                item.in_scope.into(),
                item.reason.clone().into(),
            ],
        )
        .await?;
    }
    Ok(())
}

pub(crate) fn parse_data_type(text: &str) -> DataType {
    match text {
        "INTEGER" => DataType::Integer,
        "DECIMAL" => DataType::Decimal,
        "DATE" => DataType::Date,
        "BOOLEAN" => DataType::Boolean,
        "CODE" => DataType::Code,
        _ => DataType::String,
    }
}

pub(crate) fn parse_requirement(text: &str) -> Requirement {
    match text {
        "MANDATORY" => Requirement::Mandatory,
        "CONDITIONAL" => Requirement::Conditional,
        _ => Requirement::Optional,
    }
}
