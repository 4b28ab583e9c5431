//! SLA alerts on human steps: at the warning mark the assignee is reminded; past the deadline an
//! alert is raised and the escalation chain is told (tester → test manager → report owner
//! executive → data executive and admin).

use sea_orm::{DatabaseConnection, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::PhaseResult;
use crate::events::{self, EventKind, NewEvent};
use crate::sql::exec;
use crate::tracking::ExecutionScope;

/// How late a task is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SlaLevel {
    Warning,
    Breach,
}

/// A late task to alert about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlaAlert {
    pub scope: ExecutionScope,
    pub task_id: i64,
    pub level: SlaLevel,
}

/// The roles told when a task breaches its SLA, in escalation order.
const ESCALATION: [&str; 5] = ["TESTER", "TEST_MANAGER", "REPORT_OWNER_EXECUTIVE", "DATA_EXECUTIVE", "ADMIN"];

/// The alert's type, severity and key.
fn classify(alert: &SlaAlert) -> (&'static str, &'static str, String) {
    match alert.level {
        SlaLevel::Warning => ("SLA_WARNING", "WARNING", format!("sla:{}:warning", alert.task_id)),
        SlaLevel::Breach => ("SLA_BREACH", "CRITICAL", format!("sla:{}:breach", alert.task_id)),
    }
}

/// The start of the keys of the notifications `alert` sends (one per recipient).
pub fn notification_prefix(alert: &SlaAlert) -> String {
    format!("{}:", classify(alert).2)
}

/// Raises the alert (once) and notifies; nothing when the task was decided meanwhile.
pub async fn raise(db: &DatabaseConnection, alert: SlaAlert) -> PhaseResult<()> {
    let txn = db.begin().await?;
    let (kind, severity, key) = classify(&alert);
    let inserted = exec(
        &txn,
        "INSERT INTO workflow_alert (execution_id, alert_key, alert_type, severity, message)
         SELECT $1, $2, $3, $4, 'Task \"' || title || '\" ' || CASE WHEN $3 = 'SLA_WARNING'
                THEN 'is nearing its due time' ELSE 'is past its due time' END
         FROM human_task WHERE id = $5 AND status = 'OPEN'
         ON CONFLICT (alert_key) DO NOTHING",
        vec![alert.scope.execution_id.into(), key.clone().into(), kind.into(), severity.into(), alert.task_id.into()],
    )
    .await?;
    if inserted == 0 {
        return Ok(txn.commit().await?);
    }
    let recipients = match alert.level {
        // The reminder goes to whoever the task waits on.
        SlaLevel::Warning => {
            "SELECT u.id FROM human_task t JOIN app_user u
               ON (u.id = t.assignee_id) OR (t.assignee_id IS NULL AND u.role = t.assignee_role AND u.active)
             WHERE t.id = $1"
        }
        SlaLevel::Breach => {
            "SELECT u.id FROM app_user u WHERE u.active AND u.role = ANY($2)
               AND (u.role <> 'TESTER' OR u.id = (SELECT cr.tester_id FROM human_task t
                                                  JOIN cycle_report cr ON cr.id = t.cycle_report_id WHERE t.id = $1))"
        }
    };
    let roles: Vec<String> = ESCALATION.iter().map(|r| (*r).to_owned()).collect();
    exec(
        &txn,
        &format!(
            "INSERT INTO notification (user_id, notification_key, kind, subject, body, link)
             SELECT r.id, $3 || ':' || r.id, 'SLA', $4, (SELECT title FROM human_task WHERE id = $1), $5
             FROM ({recipients}) r ON CONFLICT (notification_key) DO NOTHING"
        ),
        vec![
            alert.task_id.into(),
            roles.into(),
            key.clone().into(),
            match alert.level {
                SlaLevel::Warning => "Reminder: a task is nearly due",
                SlaLevel::Breach => "Escalation: a task is overdue",
            }
            .into(),
            super::INBOX_LINK.into(),
        ],
    )
    .await?;
    if matches!(alert.level, SlaLevel::Breach) {
        // An evidence task past its deadline is its request past its due date (the phase's SLA
        // and the request's due days are the same five days by default): the request is OVERDUE
        // until its data owner submits it.
        exec(
            &txn,
            "UPDATE information_request SET status = 'OVERDUE'
             WHERE id = (SELECT information_request_id FROM human_task WHERE id = $1) AND status IN ('SENT', 'ACKNOWLEDGED')",
            vec![alert.task_id.into()],
        )
        .await?;
    }
    events::append(
        &txn,
        NewEvent {
            cycle_id: alert.scope.cycle_id,
            report_id: alert.scope.report_id,
            execution_id: Some(alert.scope.execution_id),
            phase: None,
            kind: EventKind::AlertRaised,
            status: kind.to_owned(),
            detail: json!({ "taskId": alert.task_id, "alert": kind }),
            key,
        },
    )
    .await?;
    Ok(txn.commit().await?)
}
