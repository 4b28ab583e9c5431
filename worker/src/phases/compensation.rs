//! Compensation of a phase that failed after its retries, per strategy: what each undoes,
//! keeps and tells is written to `workflow_compensation_log`.

use entity::enums::{CompensationAction, Phase};
use sea_orm::{DatabaseConnection, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::PhaseResult;
use crate::events::{self, EventKind, NewEvent};
use crate::messages::OperatorAction;
use crate::sql::{exec, scalar_i64};
use crate::tracking::ExecutionScope;

/// A compensation to run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Compensate {
    pub scope: ExecutionScope,
    pub cycle_report_id: i64,
    pub phase: Phase,
    pub strategy: CompensationAction,
    pub failure: String,
    pub round: u32,
}

/// The roles told about a failed phase, per DOMAIN.md.
fn told(phase: Phase) -> &'static [&'static str] {
    match phase {
        Phase::DataOwnerIdentification => &["TEST_MANAGER", "DATA_EXECUTIVE"],
        Phase::FinalizeTestReport => &["TEST_MANAGER", "REPORT_OWNER"],
        Phase::RequestForInformation => &["TEST_MANAGER", "ADMIN"],
        _ => &["TEST_MANAGER"],
    }
}

/// Runs the compensation and logs it; returns the log's id.
pub async fn compensate(db: &DatabaseConnection, c: Compensate) -> PhaseResult<i64> {
    let key = format!("{}:{}:{}", c.scope.execution_id, c.phase.as_str(), c.round);
    if let Some(id) =
        scalar_i64(db, "SELECT id FROM workflow_compensation_log WHERE compensation_key = $1", vec![key.clone().into()])
            .await?
    {
        return Ok(id);
    }
    let txn = db.begin().await?;
    let link = c.cycle_report_id;
    let (undone, kept) = match (c.strategy, c.phase) {
        (CompensationAction::Rollback, Phase::Scoping) => {
            let removed = exec(
                &txn,
                "DELETE FROM scoping_decision sd USING attribute a
                 WHERE sd.attribute_id = a.id AND a.cycle_report_id = $1",
                vec![link.into()],
            )
            .await?;
            (json!({ "scopingDecisions": removed }), json!({ "planningApproval": "reopened" }))
        }
        (CompensationAction::PartialRollback, Phase::SampleSelection) => {
            let removed =
                exec(&txn, "DELETE FROM sample WHERE cycle_report_id = $1 AND status <> 'APPROVED'", vec![link.into()])
                    .await?;
            let approved = count(&txn, "SELECT count(*) FROM sample WHERE cycle_report_id = $1", link).await?;
            (json!({ "samples": removed }), json!({ "approvedSamples": approved }))
        }
        (CompensationAction::PartialRollback, Phase::TestExecution) => {
            let removed = exec(
                &txn,
                "DELETE FROM test_execution te USING test_case tc
                 WHERE te.test_case_id = tc.id AND tc.cycle_report_id = $1 AND te.result <> 'PASS'
                   AND NOT EXISTS (SELECT 1 FROM observation_execution oe WHERE oe.test_execution_id = te.id)",
                vec![link.into()],
            )
            .await?;
            let passed = count(
                &txn,
                "SELECT count(*) FROM test_execution te JOIN test_case tc ON tc.id = te.test_case_id
                 WHERE tc.cycle_report_id = $1",
                link,
            )
            .await?;
            (json!({ "executions": removed }), json!({ "finishedExecutions": passed }))
        }
        (CompensationAction::Notify, Phase::Planning) => {
            let removed = exec(
                &txn,
                "DELETE FROM attribute WHERE cycle_report_id = $1 AND version = $2",
                vec![link.into(), i32::try_from(c.round).unwrap_or(1).into()],
            )
            .await?;
            (json!({ "attributes": removed }), json!({}))
        }
        (CompensationAction::Notify, Phase::FinalizeTestReport) => {
            let drafts = count(&txn, "SELECT count(*) FROM test_report WHERE cycle_report_id = $1", link).await?;
            (json!({}), json!({ "draftReports": drafts }))
        }
        (CompensationAction::Skip, Phase::ObservationManagement) => {
            let skipped = exec(
                &txn,
                "UPDATE observation SET status = 'SKIPPED', updated_at = now() WHERE cycle_report_id = $1 AND status = 'OPEN'",
                vec![link.into()],
            )
            .await?;
            (json!({}), json!({ "observationsForManualFollowUp": skipped }))
        }
        _ => (json!({}), json!({ "everything": true })),
    };
    let notified = notify(&txn, &c).await?;
    let awaiting = c.strategy == CompensationAction::ManualIntervention;
    let id = scalar_i64(
        &txn,
        "INSERT INTO workflow_compensation_log (execution_id, compensation_key, phase, strategy, status, failure,
                undone, kept, notified, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $10 THEN NULL ELSE now() END)
         RETURNING id",
        vec![
            c.scope.execution_id.into(),
            key.clone().into(),
            c.phase.as_str().into(),
            c.strategy.as_str().into(),
            if awaiting { "AWAITING_OPERATOR" } else { "COMPLETED" }.into(),
            c.failure.clone().into(),
            undone.clone().into(),
            kept.clone().into(),
            notified.clone().into(),
            awaiting.into(),
        ],
    )
    .await?
    .unwrap_or_default();
    exec(
        &txn,
        "INSERT INTO workflow_alert (execution_id, alert_key, alert_type, severity, message)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (alert_key) DO NOTHING",
        vec![
            c.scope.execution_id.into(),
            format!("compensation:{key}").into(),
            if awaiting { "MANUAL_INTERVENTION" } else { "COMPENSATION" }.into(),
            if awaiting { "CRITICAL" } else { "WARNING" }.into(),
            format!("{} failed ({}); compensated with {}", c.phase.label(), c.failure, c.strategy.as_str()).into(),
        ],
    )
    .await?;
    events::append(
        &txn,
        NewEvent {
            cycle_id: c.scope.cycle_id,
            report_id: c.scope.report_id,
            execution_id: Some(c.scope.execution_id),
            phase: Some(c.phase),
            kind: EventKind::Compensated,
            status: if awaiting { "AWAITING_OPERATOR" } else { "COMPLETED" }.to_owned(),
            detail: json!({ "compensationLogId": id, "strategy": c.strategy.as_str(), "undone": undone, "kept": kept,
                        "notified": notified, "failure": c.failure }),
            key: format!("compensation:{key}"),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

async fn count(db: &impl sea_orm::ConnectionTrait, sql: &str, link: i64) -> PhaseResult<i64> {
    Ok(scalar_i64(db, sql, vec![link.into()]).await?.unwrap_or(0))
}

/// The start of the keys of the notifications a compensation sends (one per recipient).
pub fn notification_prefix(c: &Compensate) -> String {
    format!("compensation:{}:{}:{}:", c.scope.execution_id, c.phase.as_str(), c.round)
}

/// In-app notifications to the people the phase's failure concerns; returns their usernames.
async fn notify(db: &impl sea_orm::ConnectionTrait, c: &Compensate) -> PhaseResult<Value> {
    let roles: Vec<String> = told(c.phase).iter().map(|r| (*r).to_owned()).collect();
    let users: Vec<Named> = crate::sql::rows(
        db,
        "SELECT id, username FROM app_user WHERE role = ANY($1) AND active AND
            (role <> 'REPORT_OWNER' OR id = (SELECT r.owner_id FROM cycle_report cr JOIN report r ON r.id = cr.report_id
                                              WHERE cr.id = $2))
         ORDER BY id",
        vec![roles.into(), c.cycle_report_id.into()],
    )
    .await?;
    for user in &users {
        exec(
            db,
            "INSERT INTO notification (user_id, notification_key, kind, subject, body, link)
             VALUES ($1, $2, 'COMPENSATION', $3, $4, $5) ON CONFLICT (notification_key) DO NOTHING",
            vec![
                user.id.into(),
                format!("{}{}", notification_prefix(c), user.id).into(),
                format!("{} failed: {}", c.phase.label(), c.strategy.as_str()).into(),
                c.failure.clone().into(),
                super::cycle_link(c.scope.cycle_id).into(),
            ],
        )
        .await?;
    }
    Ok(Value::from(users.into_iter().map(|u| u.username).collect::<Vec<_>>()))
}

#[derive(Debug, sea_orm::FromQueryResult)]
struct Named {
    id: i64,
    username: String,
}

/// Records an operator's answer to a phase awaiting manual intervention.
pub async fn resolve(db: &DatabaseConnection, log_id: i64, action: OperatorAction, operator: i64) -> PhaseResult<()> {
    let action = serde_json::to_value(action).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    exec(
        db,
        "UPDATE workflow_compensation_log SET status = 'RESOLVED', operator_action = $2, operator_id = $3,
                completed_at = now()
         WHERE id = $1 AND status = 'AWAITING_OPERATOR'",
        vec![log_id.into(), action.into(), operator.into()],
    )
    .await?;
    Ok(())
}
