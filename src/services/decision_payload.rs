//! The payload of a decision, checked against its task before the decision goes to the workflow:
//! its shape (`worker::payloads`) and what it names. An attribute, attribute/LOB pair,
//! observation or data owner that is not the report's is refused with BAD_USER_INPUT, rather
//! than ignored by the activity that applies the decision or failing the phase later.

use std::collections::{HashMap, HashSet};

use entity::enums::Decision;
use entity::human_task;
use sea_orm::{ConnectionTrait, DbErr, TryGetable, Value};
use worker::payloads::{DecisionPayload, ObservationApproval, OwnerAssignments};

use crate::db::statement;
use crate::error::{AppError, AppResult};

/// Checks `payload` for `task`, decided as `decision`.
pub async fn check(
    db: &impl ConnectionTrait,
    task: &human_task::Model,
    decision: Decision,
    payload: Option<&serde_json::Value>,
) -> AppResult<()> {
    let read = DecisionPayload::read(task.phase, task.kind, payload).map_err(|m| AppError::bad_input("payload", m))?;
    let Some(link) = task.cycle_report_id else { return Ok(()) };
    match read {
        DecisionPayload::AttributeRevision(revision) if !revision.exclude.is_empty() => {
            if decision == Decision::Approve {
                return Err(refused(
                    "exclude drops attributes when they are generated again: send it with REJECT or REQUEST_CHANGES",
                ));
            }
            let attributes = latest_attributes(db, link).await?;
            for name in &revision.exclude {
                match attributes.get(name) {
                    None => return Err(refused(format!("exclude: {name:?} is not an attribute of this report"))),
                    Some(true) => {
                        return Err(refused(format!("exclude: {name:?} is a primary key and is always tested")));
                    }
                    Some(false) => {}
                }
            }
        }
        DecisionPayload::ScopingReview(review) if !review.overrides.is_empty() => {
            let attributes = latest_attributes(db, link).await?;
            if let Some(unknown) = review.overrides.iter().find(|o| !attributes.contains_key(&o.attribute)) {
                return Err(refused(format!("overrides: {:?} is not an attribute of this report", unknown.attribute)));
            }
        }
        DecisionPayload::OwnerAssignments(answer) => check_assignments(db, link, &answer).await?,
        DecisionPayload::ObservationApproval(approval) => check_observations(db, link, &approval).await?,
        _ => {}
    }
    Ok(())
}

/// Every pair is one of the report's, and every owner a data owner.
async fn check_assignments(db: &impl ConnectionTrait, link: i64, answer: &OwnerAssignments) -> AppResult<()> {
    if answer.assignments.is_empty() {
        return Ok(());
    }
    let sql = "SELECT attribute_id, lob_id FROM data_owner_assignment WHERE cycle_report_id = $1";
    let pairs: HashSet<(i64, i64)> = pairs(db, sql, link.into()).await?;
    let named: Vec<i64> = answer.assignments.iter().map(|a| a.data_owner_id).collect();
    let owners =
        ids(db, "SELECT id FROM app_user WHERE id = ANY($1) AND role = 'DATA_OWNER' AND active", named.into()).await?;
    for item in &answer.assignments {
        if !pairs.contains(&(item.attribute_id, item.lob_id)) {
            return Err(refused(format!(
                "assignments: attribute {} with LOB {} is not a pair of this report",
                item.attribute_id, item.lob_id
            )));
        }
        if !owners.contains(&item.data_owner_id) {
            return Err(refused(format!("assignments: user {} is not an active data owner", item.data_owner_id)));
        }
    }
    Ok(())
}

/// Every observation named is one of the report's.
async fn check_observations(db: &impl ConnectionTrait, link: i64, approval: &ObservationApproval) -> AppResult<()> {
    if approval.severity_overrides.is_empty() {
        return Ok(());
    }
    let observations = ids(db, "SELECT id FROM observation WHERE cycle_report_id = $1", link.into()).await?;
    match approval.severity_overrides.iter().find(|o| !observations.contains(&o.observation_id)) {
        Some(unknown) => Err(refused(format!(
            "severityOverrides: observation {} is not one of this report's",
            unknown.observation_id
        ))),
        None => Ok(()),
    }
}

fn refused(message: impl Into<String>) -> AppError {
    AppError::bad_input("payload", message)
}

/// The report's latest generated attributes: name and whether it is a primary key.
async fn latest_attributes(db: &impl ConnectionTrait, link: i64) -> AppResult<HashMap<String, bool>> {
    let sql = "SELECT name, is_primary_key FROM attribute WHERE cycle_report_id = $1
                 AND version = (SELECT max(version) FROM attribute WHERE cycle_report_id = $1)";
    pairs(db, sql, link.into()).await
}

/// The ids `sql` selects with its one parameter bound to `value`.
async fn ids(db: &impl ConnectionTrait, sql: &str, value: Value) -> AppResult<HashSet<i64>> {
    let rows = db.query_all_raw(statement(sql, vec![value])).await?;
    Ok(rows.iter().map(|row| row.try_get_by_index::<i64>(0)).collect::<Result<_, _>>()?)
}

/// The two columns `sql` selects with its one parameter bound to `value`, collected.
async fn pairs<A, B, C>(db: &impl ConnectionTrait, sql: &str, value: Value) -> AppResult<C>
where
    A: TryGetable,
    B: TryGetable,
    C: FromIterator<(A, B)>,
{
    let rows = db.query_all_raw(statement(sql, vec![value])).await?;
    let pair = |row: &sea_orm::QueryResult| Ok::<_, DbErr>((row.try_get_by_index(0)?, row.try_get_by_index(1)?));
    Ok(rows.iter().map(pair).collect::<Result<_, _>>()?)
}
