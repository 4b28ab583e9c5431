//! The binaries as an operator runs them: `synapse serve` with the worker in-process answering
//! the seed's REST call, a `synapse worker` killed mid-phase and restarted, and an unreachable
//! Temporal leaving nothing half-written.

use serde_json::{Value, json};

use crate::fixtures::cycle_completed;
use crate::harness::{TestApp, error_code, free_port, http, wait_ready};

async fn cycle_of(app: &TestApp, numbers: &[&str]) -> i64 {
    app.exec(
        "INSERT INTO test_cycle (name, test_manager_id, start_date, end_date)
         SELECT 'Process test', id, '2026-10-01', '2026-12-31' FROM app_user WHERE username = 'test-manager'",
    )
    .await;
    let cycle = app.scalar("SELECT max(id) FROM test_cycle").await;
    let list = numbers.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(",");
    app.exec(&format!(
        "INSERT INTO cycle_report (cycle_id, report_id, tester_id)
         SELECT {cycle}, r.id, (SELECT id FROM app_user WHERE username = 'tester') FROM report r WHERE r.report_number IN ({list})"
    ))
    .await;
    cycle
}

#[tokio::test]
async fn serve_with_the_worker_in_process_runs_a_cycle_started_by_the_seeds_rest_call() {
    let app = TestApp::spawn().await;
    let cycle = cycle_of(&app, &["FR Y-9C"]).await;
    let port = free_port();
    let _server = app.spawn_binary(
        &["serve"],
        &[("BIND_ADDR", format!("127.0.0.1:{port}")), ("TEMPORAL_WORKER_ENABLED", "true".to_owned())],
    );
    wait_ready(port, 60).await;
    let path = format!("/api/v1/workflow/start/{cycle}");
    let (status, body) = http(port, "POST", &path, None, Some("{}")).await;
    assert_eq!(status, 401, "{body}");
    let tester = app.login("tester").await;
    let (status, body) = http(port, "POST", &path, Some(&tester), Some("{}")).await;
    assert_eq!(status, 403, "{body}");
    let manager = app.login("test-manager").await;
    let (status, body) = http(port, "POST", &path, Some(&manager), Some(r#"{"report_ids": [], "oops": 1}"#)).await;
    assert_eq!(status, 400, "unknown fields are refused: {body}");
    // An empty `report_ids` restricts nothing, as the seed's scripts send it.
    let start =
        json!({ "report_ids": [], "skip_phases": ["OBSERVATION_MANAGEMENT"], "approval_mode": "AUTO" }).to_string();
    let (status, body) = http(port, "POST", &path, Some(&manager), Some(&start)).await;
    assert_eq!(status, 201, "{body}");
    let started: Value = serde_json::from_str(&body).expect("json");
    assert_eq!(started["status"], "RUNNING");
    app.wait_until(&cycle_completed(cycle), 240).await;
    let (status, body) = http(port, "POST", &path, Some(&manager), Some(&start)).await;
    assert_eq!(status, 409, "a completed cycle takes no new start: {body}");
}

#[tokio::test]
async fn a_worker_killed_mid_phase_and_restarted_finishes_the_cycle_without_duplicate_rows() {
    let app = TestApp::spawn_with(|config| config.temporal_activity_timeout = 8).await;
    let cycle = cycle_of(&app, &["FR Y-9C", "FFIEC 031"]).await;
    let mut worker = app.spawn_binary(&["worker"], &[]);
    let manager = app.login("test-manager").await;
    let body = app
        .gql(
            &manager,
            "mutation($c: ID!, $i: StartWorkflowInput) { startWorkflow(cycleId: $c, input: $i) { id } }",
            json!({ "c": cycle.to_string(), "i": { "approvalMode": "AUTO",
                    "faults": [{ "phase": "TEST_EXECUTION", "failingAttempts": 0, "delayMs": 4000 }] } }),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
    // Kill the worker while test execution's work is running, then start another.
    app.wait_until(
        "SELECT count(*) FROM workflow_step WHERE step_type = 'ACTIVITY' AND name LIKE '%execute_tests%' AND status = 'RUNNING'",
        120,
    )
    .await;
    worker.0.kill().expect("kill the worker");
    worker.0.wait().expect("reap the worker");
    let _restarted = app.spawn_binary(&["worker"], &[]);
    app.wait_until(&cycle_completed(cycle), 240).await;

    let links = format!("(SELECT id FROM cycle_report WHERE cycle_id = {cycle})");
    let children =
        format!("(SELECT id FROM workflow_execution WHERE cycle_id = {cycle} AND parent_execution_id IS NOT NULL)");
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM workflow_execution WHERE cycle_id = {cycle}")).await, 3);
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM workflow_step WHERE execution_id IN {children} AND step_type = 'PHASE'"
        ))
        .await,
        16
    );
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM workflow_metrics WHERE execution_id IN {children}")).await,
        16
    );
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM sample WHERE cycle_report_id IN {links}")).await, 50);
    let cases = app.scalar(&format!("SELECT count(*) FROM test_case WHERE cycle_report_id IN {links}")).await;
    let executions = app
        .scalar(&format!("SELECT count(*) FROM test_execution te JOIN test_case tc ON tc.id = te.test_case_id WHERE tc.cycle_report_id IN {links}"))
        .await;
    assert_eq!(executions, cases, "each test case executed exactly once despite the retried activity");
    let duplicated_events = app
        .scalar(&format!(
            "SELECT count(*) FROM (SELECT execution_id, phase, kind, status FROM workflow_event WHERE cycle_id = {cycle}
               AND kind LIKE 'PHASE_%' GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d"
        ))
        .await;
    assert_eq!(duplicated_events, 0);
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM workflow_event WHERE cycle_id = {cycle} AND kind = 'WORKFLOW_COMPLETED'"
        ))
        .await,
        3
    );
}

#[tokio::test]
async fn an_unreachable_temporal_is_unavailable_and_nothing_is_written() {
    let app = TestApp::spawn_with(|config| config.temporal_host = format!("127.0.0.1:{}", free_port())).await;
    let cycle = cycle_of(&app, &["FR Y-9C"]).await;
    let manager = app.login("test-manager").await;
    let body = app
        .gql(&manager, "mutation($c: ID!) { startWorkflow(cycleId: $c) { id } }", json!({ "c": cycle.to_string() }))
        .await;
    assert_eq!(error_code(&body), Some("UNAVAILABLE"), "{body}");
    assert_eq!(app.scalar("SELECT count(*) FROM workflow_execution").await, 0);
    assert_eq!(app.scalar("SELECT count(*) FROM audit_log WHERE action = 'WORKFLOW_STARTED'").await, 0);
    assert_eq!(app.scalar("SELECT count(*) FROM workflow_event").await, 0);
}
