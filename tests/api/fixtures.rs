//! Cycles the workflow tests start from, and starting them: one place for the set-up the
//! workflow, steering, payload and inbox tests share.

use serde_json::{Value, json};

use crate::harness::TestApp;

/// `startWorkflow`, answering the execution's id, workflow id, status and version.
pub(crate) const START: &str = "mutation($cycle: ID!, $input: StartWorkflowInput) {
    startWorkflow(cycleId: $cycle, input: $input) { id workflowId status version } }";

/// A new cycle named `name` with the seeded reports numbered `reports`, each tested by `tester`;
/// returns its id.
pub(crate) async fn cycle_with(app: &TestApp, token: &str, name: &str, reports: &[&str]) -> String {
    let body = app
        .gql(
            token,
            "mutation($name: String!) { createCycle(input: {name: $name, startDate: \"2026-10-01\", endDate: \"2026-12-31\"}) { id } }",
            json!({ "name": name }),
        )
        .await;
    let cycle = body["data"]["createCycle"]["id"].as_str().unwrap_or_else(|| panic!("createCycle: {body}")).to_owned();
    let mut ids = Vec::with_capacity(reports.len());
    for number in reports {
        ids.push(app.scalar(&format!("SELECT id FROM report WHERE report_number = '{number}'")).await.to_string());
    }
    let body = app
        .gql(
            token,
            "mutation($c: ID!, $r: [ID!]!) { addReportsToCycle(cycleId: $c, reportIds: $r) { id } }",
            json!({ "c": cycle, "r": ids }),
        )
        .await;
    assert!(body["errors"].is_null(), "addReportsToCycle: {body}");
    let tester = app.user_id("tester").await.to_string();
    for report in ids {
        let body = app
            .gql(
                token,
                "mutation($c: ID!, $r: ID!, $t: ID) { assignTester(cycleId: $c, reportId: $r, testerId: $t) { id } }",
                json!({ "c": cycle, "r": report, "t": tester }),
            )
            .await;
        assert!(body["errors"].is_null(), "assignTester: {body}");
    }
    cycle
}

/// Starts `cycle`'s workflow with `input`; returns the execution as `START` answers it.
pub(crate) async fn start(app: &TestApp, token: &str, cycle: &str, input: Value) -> Value {
    let body = app.gql(token, START, json!({ "cycle": cycle, "input": input })).await;
    assert!(body["errors"].is_null(), "start: {body}");
    body["data"]["startWorkflow"].clone()
}

/// Counts `cycle`'s runs that have ended, however they ended (1 once its run is over).
fn finished_runs(cycle: &str) -> String {
    format!(
        "SELECT count(*) FROM workflow_execution WHERE cycle_id = {cycle} AND parent_execution_id IS NULL
         AND completed_at IS NOT NULL"
    )
}

/// Counts `cycle` if it has completed (1 once it has).
pub(crate) fn cycle_completed(cycle: impl std::fmt::Display) -> String {
    format!("SELECT count(*) FROM test_cycle WHERE id = {cycle} AND status = 'COMPLETED'")
}

/// Whether `cycle`'s run has ended.
pub(crate) async fn run_finished(app: &TestApp, cycle: &str) -> bool {
    app.scalar(&finished_runs(cycle)).await > 0
}

/// Waits for `cycle`'s run to end, however it ends.
pub(crate) async fn wait_finished(app: &TestApp, cycle: &str) {
    app.wait_until(&finished_runs(cycle), 240).await;
}

/// Checks that the operator's RETRY of the paused phase logged as `log` was taken and that
/// `cycle` then completed.
pub(crate) async fn assert_retried_to_completion(app: &TestApp, log: i64, cycle: &str) {
    let retried = format!(
        "SELECT count(*) FROM workflow_compensation_log WHERE id = {log} AND status = 'RESOLVED' AND operator_action = 'RETRY'"
    );
    assert_eq!(app.scalar(&retried).await, 1);
    assert_eq!(app.scalar(&cycle_completed(cycle)).await, 1);
}

/// Starts `cycle` in MANUAL mode and waits for its first open task to be wholly open; returns
/// that task's id.
pub(crate) async fn first_manual_task(app: &TestApp, token: &str, cycle: &str) -> i64 {
    start(app, token, cycle, json!({ "approvalMode": "MANUAL" })).await;
    let open = format!("SELECT count(*) FROM human_task WHERE cycle_id = {cycle} AND status = 'OPEN'");
    app.wait_until(&open, 60).await;
    let task =
        app.scalar(&format!("SELECT min(id) FROM human_task WHERE cycle_id = {cycle} AND status = 'OPEN'")).await;
    wait_opened(app, task).await;
    task
}

/// Waits for the rest of a task's opening: its row is stored first, then its step, its
/// assignee's notification and its TASK_OPENED event commit together in a statement of their own.
pub(crate) async fn wait_opened(app: &TestApp, task: i64) {
    app.wait_until(&format!("SELECT count(*) FROM workflow_event WHERE event_key = 'task:{task}:opened'"), 30).await;
}
