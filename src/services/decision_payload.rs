//! The payload of a decision, checked against its task before the decision goes to the workflow:
//! its shape (`worker::payloads`) and what it names. An attribute, attribute/LOB pair,
//! observation or data owner that is not the report's is refused with BAD_USER_INPUT, rather
//! than ignored by the activity that applies the decision or failing the phase later.

use std::collections::HashSet;

use entity::enums::Decision;
use entity::human_task;
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};
use worker::payloads::{DecisionPayload, ObservationApproval, OwnerAssignments};

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
            let keys = latest_attribute_names(db, link, "AND is_primary_key").await?;
            let names = latest_attribute_names(db, link, "").await?;
            for name in &revision.exclude {
                if !names.contains(name) {
                    return Err(refused(format!("exclude: {name:?} is not an attribute of this report")));
                }
                if keys.contains(name) {
                    return Err(refused(format!("exclude: {name:?} is a primary key and is always tested")));
                }
            }
        }
        DecisionPayload::ScopingReview(review) if !review.overrides.is_empty() => {
            let names = latest_attribute_names(db, link, "").await?;
            if let Some(unknown) = review.overrides.iter().find(|o| !names.contains(&o.attribute)) {
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
    let pairs: HashSet<(i64, i64)> =
        pairs(db, "SELECT attribute_id, lob_id FROM data_owner_assignment WHERE cycle_report_id = $1", link).await?;
    let owners: HashSet<i64> = ids(db, "SELECT id FROM app_user WHERE role = 'DATA_OWNER' AND active", None).await?;
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
    let observations = ids(db, "SELECT id FROM observation WHERE cycle_report_id = $1", Some(link)).await?;
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

/// Names of the report's latest generated attributes matching `filter` (an `AND …` clause).
async fn latest_attribute_names(db: &impl ConnectionTrait, link: i64, filter: &str) -> AppResult<HashSet<String>> {
    let sql = format!(
        "SELECT name FROM attribute WHERE cycle_report_id = $1 {filter}
           AND version = (SELECT max(version) FROM attribute WHERE cycle_report_id = $1)"
    );
    let rows = db.query_all_raw(statement(&sql, vec![link.into()])).await?;
    Ok(rows.iter().map(|row| row.try_get_by_index::<String>(0)).collect::<Result<_, _>>()?)
}

async fn ids(db: &impl ConnectionTrait, sql: &str, link: Option<i64>) -> AppResult<HashSet<i64>> {
    let rows = db.query_all_raw(statement(sql, link.into_iter().map(Into::into).collect())).await?;
    Ok(rows.iter().map(|row| row.try_get_by_index::<i64>(0)).collect::<Result<_, _>>()?)
}

async fn pairs(db: &impl ConnectionTrait, sql: &str, link: i64) -> AppResult<HashSet<(i64, i64)>> {
    let rows = db.query_all_raw(statement(sql, vec![link.into()])).await?;
    let pair =
        |row: &sea_orm::QueryResult| Ok::<_, sea_orm::DbErr>((row.try_get_by_index(0)?, row.try_get_by_index(1)?));
    Ok(rows.iter().map(pair).collect::<Result<_, _>>()?)
}

fn statement(sql: &str, values: Vec<Value>) -> Statement {
    Statement::from_sql_and_values(DbBackend::Postgres, sql, values)
}
