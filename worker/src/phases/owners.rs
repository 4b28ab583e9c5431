//! Phase 4, Data Owner Identification: map each in-scope attribute and LOB of the report's
//! source data to a data owner of that LOB.

use sea_orm::{ConnectionTrait, FromQueryResult};

use super::{IN_SCOPE_ATTRIBUTES, PhaseInput, PhaseResult, ScopedAttribute};
use crate::payloads::OwnerAssignments;
use crate::rules::owners::{OwnerCandidate, map_owner};
use crate::sql::{exec, insert_batch, rows, scalar_i64};

#[derive(Debug, serde::Serialize)]
struct NewAssignment {
    attribute_id: i64,
    lob_id: i64,
    data_owner_id: Option<i64>,
    method: &'static str,
}

#[derive(Debug, FromQueryResult)]
struct Lob {
    lob_id: i64,
}

#[derive(Debug, FromQueryResult)]
struct Owner {
    id: i64,
    lob_id: i64,
}

/// Stores the assignments; returns how many (attribute, LOB) pairs were left unmapped.
pub async fn map(db: &impl ConnectionTrait, input: &PhaseInput) -> PhaseResult<i64> {
    let attributes: Vec<ScopedAttribute> = rows(db, IN_SCOPE_ATTRIBUTES, vec![input.cycle_report_id.into()]).await?;
    let lobs: Vec<Lob> = rows(
        db,
        "SELECT DISTINCT lob_id FROM source_record WHERE report_id = $1 ORDER BY lob_id",
        vec![input.report_id.into()],
    )
    .await?;
    let owners: Vec<Owner> = rows(
        db,
        "SELECT id, lob_id FROM app_user WHERE role = 'DATA_OWNER' AND active AND lob_id IS NOT NULL ORDER BY id",
        vec![],
    )
    .await?;
    let candidates: Vec<OwnerCandidate> =
        owners.iter().map(|o| OwnerCandidate { user_id: o.id, lob_id: o.lob_id }).collect();
    let mut assignments = Vec::with_capacity(attributes.len() * lobs.len());
    for attribute in &attributes {
        for lob in &lobs {
            let owner = map_owner(&attribute.name, lob.lob_id, &candidates);
            assignments.push(NewAssignment {
                attribute_id: attribute.id,
                lob_id: lob.lob_id,
                data_owner_id: owner,
                method: if owner.is_some() { "MAPPING" } else { "UNMAPPED" },
            });
        }
    }
    insert_batch(
        db,
        "INSERT INTO data_owner_assignment (cycle_report_id, attribute_id, lob_id, data_owner_id, method)
         SELECT $2, x.attribute_id, x.lob_id, x.data_owner_id, x.method
         FROM jsonb_to_recordset($1::jsonb) AS x(attribute_id bigint, lob_id bigint, data_owner_id bigint, method text)
         ON CONFLICT (attribute_id, lob_id) DO NOTHING",
        &assignments,
        [input.cycle_report_id.into()],
    )
    .await?;
    unmapped(db, input.cycle_report_id).await
}

/// Pairs still without a data owner.
pub async fn unmapped(db: &impl ConnectionTrait, cycle_report_id: i64) -> PhaseResult<i64> {
    Ok(scalar_i64(
        db,
        "SELECT count(*) FROM data_owner_assignment WHERE cycle_report_id = $1 AND data_owner_id IS NULL",
        vec![cycle_report_id.into()],
    )
    .await?
    .unwrap_or(0))
}

/// Gives each pair of `answer` to its data owner; a pair's owner must be a data owner.
pub async fn assign(
    db: &impl ConnectionTrait,
    cycle_report_id: i64,
    answer: &OwnerAssignments,
    by: i64,
) -> PhaseResult<()> {
    for item in &answer.assignments {
        exec(
            db,
            "UPDATE data_owner_assignment SET data_owner_id = $4, method = 'MANUAL', assigned_by = $5
             WHERE cycle_report_id = $1 AND attribute_id = $2 AND lob_id = $3
               AND EXISTS (SELECT 1 FROM app_user WHERE id = $4 AND role = 'DATA_OWNER')",
            vec![
                cycle_report_id.into(),
                item.attribute_id.into(),
                item.lob_id.into(),
                item.data_owner_id.into(),
                by.into(),
            ],
        )
        .await?;
    }
    Ok(())
}
