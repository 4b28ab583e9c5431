//! Scheduled starts (`startAt`), through the real Temporal dev server and PostgreSQL: a run waits
//! PENDING with no phase begun until its time, then runs to the end; cancelled while it waits, it
//! ends CANCELLED having run nothing; a time in the past is refused with nothing stored.

use chrono::{Duration, Utc};
use serde_json::json;

use crate::fixtures::{START, cycle_completed, cycle_with, start};
use crate::harness::{TestApp, error_code};

const CANCEL: &str = "mutation($e: ID!, $r: String!) { cancelWorkflow(executionId: $e, reason: $r) { id } }";
const EXECUTION: &str = "query($id: ID!) { workflowExecution(id: $id) { status scheduledFor startedAt } }";

fn parent_of(cycle: &str) -> String {
    format!("SELECT id FROM workflow_execution WHERE cycle_id = {cycle} AND parent_execution_id IS NULL")
}

#[tokio::test]
async fn a_scheduled_run_waits_pending_until_its_time_then_runs_to_completed() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let token = app.login("test-manager").await;
    let cycle = cycle_with(&app, &token, "Scheduled", &["FR Y-9C"]).await;
    let start_at = Utc::now() + Duration::seconds(4);
    let started =
        start(&app, &token, &cycle, json!({ "approvalMode": "AUTO", "startAt": start_at.to_rfc3339() })).await;
    assert_eq!(started["status"], "PENDING", "{started}");

    // Well before its time: recorded, scheduled, nothing begun, and a second start is refused.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let parent = app.scalar(&parent_of(&cycle)).await;
    let read = app.gql(&token, EXECUTION, json!({ "id": parent.to_string() })).await;
    let execution = &read["data"]["workflowExecution"];
    assert_eq!(execution["status"], "PENDING", "{read}");
    let scheduled: chrono::DateTime<Utc> =
        serde_json::from_value(execution["scheduledFor"].clone()).expect("scheduledFor is a DateTime");
    assert_eq!(scheduled.timestamp_millis(), start_at.timestamp_millis());
    let begun =
        format!("SELECT count(*) FROM workflow_execution WHERE cycle_id = {cycle} AND parent_execution_id IS NOT NULL");
    assert_eq!(app.scalar(&begun).await, 0, "no report run before the time");
    let events = format!("SELECT count(*) FROM workflow_event WHERE cycle_id = {cycle} AND kind = 'WORKFLOW_STARTED'");
    assert_eq!(app.scalar(&events).await, 0, "nothing announced as started yet");
    let again = app.gql(&token, START, json!({ "cycle": cycle, "input": { "approvalMode": "AUTO" } })).await;
    assert_eq!(error_code(&again), Some("CONFLICT"), "{again}");

    // At its time it starts, and the whole cycle runs.
    app.wait_until(&cycle_completed(&cycle), 240).await;
    let read = app.gql(&token, EXECUTION, json!({ "id": parent.to_string() })).await;
    let execution = &read["data"]["workflowExecution"];
    assert_eq!(execution["status"], "COMPLETED", "{read}");
    let began: chrono::DateTime<Utc> =
        serde_json::from_value(execution["startedAt"].clone()).expect("startedAt is a DateTime");
    assert!(began >= start_at, "started at {began}, scheduled for {start_at}");
    let first_phase = app
        .scalar(&format!(
            "SELECT count(*) FROM workflow_step s JOIN workflow_execution e ON e.id = s.execution_id
             WHERE e.cycle_id = {cycle} AND s.step_type = 'PHASE'
               AND s.started_at < '{}'::timestamptz",
            start_at.to_rfc3339()
        ))
        .await;
    assert_eq!(first_phase, 0, "no phase began before the scheduled time");
    assert_eq!(app.scalar(&events).await, 2, "the cycle's run and the report's run started once each");
}

#[tokio::test]
async fn a_scheduled_run_cancelled_while_it_waits_ends_cancelled_having_run_nothing() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let token = app.login("test-manager").await;
    let cycle = cycle_with(&app, &token, "Scheduled then cancelled", &["FR Y-9C"]).await;
    let start_at = Utc::now() + Duration::minutes(10);
    start(&app, &token, &cycle, json!({ "approvalMode": "AUTO", "startAt": start_at.to_rfc3339() })).await;
    let pending = format!(
        "SELECT count(*) FROM workflow_execution WHERE cycle_id = {cycle} AND status = 'PENDING'
           AND parent_execution_id IS NULL"
    );
    app.wait_until(&pending, 30).await;
    let parent = app.scalar(&parent_of(&cycle)).await;

    let body = app.gql(&token, CANCEL, json!({ "e": parent.to_string(), "r": "Not this quarter" })).await;
    assert!(body["errors"].is_null(), "{body}");
    app.wait_until(
        &format!("SELECT count(*) FROM workflow_execution WHERE id = {parent} AND status = 'CANCELLED'"),
        60,
    )
    .await;
    for (what, sql) in [
        ("report runs", format!("SELECT count(*) FROM workflow_execution WHERE parent_execution_id = {parent}")),
        ("steps", format!("SELECT count(*) FROM workflow_step WHERE execution_id = {parent}")),
        (
            "started events",
            format!("SELECT count(*) FROM workflow_event WHERE cycle_id = {cycle} AND kind = 'WORKFLOW_STARTED'"),
        ),
    ] {
        assert_eq!(app.scalar(&sql).await, 0, "{what}");
    }
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM workflow_event WHERE execution_id = {parent} AND kind = 'WORKFLOW_CANCELLED'"
        ))
        .await,
        1
    );
    // The cycle can be started again at once (and that run is cancelled in turn).
    let again = start(&app, &token, &cycle, json!({ "approvalMode": "AUTO" })).await;
    assert_eq!(again["status"], "RUNNING", "{again}");
    let body = app.gql(&token, CANCEL, json!({ "e": again["id"], "r": "test over" })).await;
    assert!(body["errors"].is_null(), "{body}");
}

#[tokio::test]
async fn a_start_time_in_the_past_or_beyond_the_workflow_timeout_is_refused_with_nothing_stored() {
    let app = TestApp::spawn().await;
    let token = app.login("test-manager").await;
    let cycle = cycle_with(&app, &token, "Badly scheduled", &["FR Y-9C"]).await;
    for start_at in [Utc::now() - Duration::minutes(1), Utc::now() + Duration::days(30)] {
        let body =
            app.gql(&token, START, json!({ "cycle": cycle, "input": { "startAt": start_at.to_rfc3339() } })).await;
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
        assert!(body["errors"][0]["message"].as_str().unwrap_or_default().contains("startAt"), "{body}");
    }
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM workflow_execution WHERE cycle_id = {cycle}")).await, 0);
}
