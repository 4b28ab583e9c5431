//! Cancelling a run while one of its tasks is being opened: whichever comes first, nobody is
//! left an open task, a waiting step or a notification of a run that is over.

use entity::enums::{Phase, Role, TaskKind};
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;
use worker::phases::tasks::{self, OpenTask};
use worker::tracking::ExecutionScope;

use crate::fixtures::{first_manual_task, start};
use crate::harness::TestApp;
use crate::workflow_steering::{cancel_run, child_of, one_report_cycle};

/// What a task left behind: its status, its step's status, the kinds of its events in order,
/// and how many notifications it sent.
async fn traces(app: &TestApp, task: i64) -> (Vec<String>, Vec<String>, Vec<String>, i64) {
    (
        app.db_strings(&format!("SELECT status::text FROM human_task WHERE id = {task}")).await,
        app.db_strings(&format!(
            "SELECT status::text FROM workflow_step WHERE step_type = 'HUMAN_TASK' AND detail->>'taskId' = '{task}'"
        ))
        .await,
        app.db_strings(&format!(
            "SELECT kind::text FROM workflow_event WHERE detail->>'taskId' = '{task}' ORDER BY seq"
        ))
        .await,
        app.scalar(&format!("SELECT count(*) FROM notification WHERE notification_key = 'task:{task}'")).await,
    )
}

/// The task's row is stored first and the rest of its opening (step, notification, TASK_OPENED)
/// in a second statement, held back here, by a lock on `notification` that it writes, until the
/// run has ended and withdrawn the task. The opening then finishes knowing the run is over.
#[tokio::test]
async fn a_task_still_opening_when_its_run_is_cancelled_is_left_withdrawn() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let cycle = one_report_cycle(&app, &manager).await;
    let hold = app.db.begin().await.expect("begin");
    hold.execute_unprepared("LOCK TABLE notification IN SHARE MODE").await.expect("lock notification");
    start(&app, &manager, &cycle, json!({ "approvalMode": "MANUAL" })).await;
    app.wait_until(&format!("SELECT count(*) FROM human_task WHERE cycle_id = {cycle}"), 60).await;
    let task = app.scalar(&format!("SELECT id FROM human_task WHERE cycle_id = {cycle}")).await;
    cancel_run(&app, &manager, &cycle).await;
    hold.rollback().await.expect("release notification");
    app.wait_until(
        &format!("SELECT count(*) FROM workflow_step WHERE step_type = 'HUMAN_TASK' AND detail->>'taskId' = '{task}'"),
        30,
    )
    .await;
    // Withdrawn by the run's end, and never shown open to anyone.
    assert_eq!(
        traces(&app, task).await,
        (vec!["CANCELLED".into()], vec!["CANCELLED".into()], vec!["TASK_CANCELLED".into()], 0)
    );
}

/// An opening that begins only after its run has ended stores its task withdrawn from the start.
#[tokio::test]
async fn a_task_opened_after_its_run_ended_is_stored_withdrawn() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let cycle = one_report_cycle(&app, &manager).await;
    first_manual_task(&app, &manager, &cycle).await;
    cancel_run(&app, &manager, &cycle).await;
    let child = child_of(&app, &cycle).await;
    let link = app.scalar(&format!("SELECT cycle_report_id FROM workflow_execution WHERE id = {child}")).await;
    let scope = ExecutionScope {
        execution_id: child,
        cycle_id: cycle.parse().expect("id"),
        report_id: Some(app.scalar(&format!("SELECT report_id FROM cycle_report WHERE id = {link}")).await),
        cycle_report_id: Some(link),
    };
    let late = OpenTask {
        phase: Phase::Planning,
        kind: TaskKind::Approval,
        title: "Late".to_owned(),
        assignee_role: Role::ReportOwner,
        assignee_id: Some(app.user_id("report-owner").await),
        information_request_id: None,
        round: 9,
        sla_hours: 24,
        discriminator: "late".to_owned(),
        auto: false,
    };
    let late = tasks::open(&app.db, &scope, late).await.expect("open").task_id;
    assert_eq!(traces(&app, late).await, (vec!["CANCELLED".into()], vec!["CANCELLED".into()], vec![], 0));
}
