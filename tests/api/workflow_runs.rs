//! Whole cycles through the real Temporal dev server and PostgreSQL: AUTO mode end to end,
//! skipped phases, phases 3 and 4 side by side, retries, and compensation.

use serde_json::{Value, json};

use crate::fixtures::{START, cycle_completed, cycle_with, start, wait_finished};
use crate::harness::{TestApp, error_code};

/// A new cycle with the two quarterly reports FR Y-9C and FFIEC 031; returns its id.
async fn cycle_with_two_reports(app: &TestApp, token: &str) -> String {
    cycle_with(app, token, "Workflow test", &["FR Y-9C", "FFIEC 031"]).await
}

/// Runs FR Y-9C alone, in AUTO mode with `extra` added to the start input, from a new two-report
/// cycle until the cycle's run ends; returns the cycle's id and a subquery for the report run's id.
async fn run_y9c_alone(app: &TestApp, token: &str, extra: Value) -> (String, String) {
    let cycle = cycle_with_two_reports(app, token).await;
    let y9c = app.scalar("SELECT id FROM report WHERE report_number = 'FR Y-9C'").await;
    let mut input = json!({ "approvalMode": "AUTO", "reportIds": [y9c.to_string()] });
    if let (Some(input), Value::Object(extra)) = (input.as_object_mut(), extra) {
        input.extend(extra);
    }
    start(app, token, &cycle, input).await;
    wait_finished(app, &cycle).await;
    let child =
        format!("(SELECT id FROM workflow_execution WHERE cycle_id = {cycle} AND parent_execution_id IS NOT NULL)");
    (cycle, child)
}

#[tokio::test]
async fn an_auto_cycle_of_two_reports_runs_to_completed_with_every_table_filled() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let token = app.login("test-manager").await;
    let cycle = cycle_with_two_reports(&app, &token).await;
    let started = start(&app, &token, &cycle, json!({ "approvalMode": "AUTO" })).await;
    assert_eq!(started["status"], "RUNNING");
    assert_eq!(started["version"], "1.1.0");
    wait_finished(&app, &cycle).await;

    let count = |sql: String| {
        let app = &app;
        async move { app.scalar(&sql).await }
    };
    let of_cycle = format!("(SELECT id FROM cycle_report WHERE cycle_id = {cycle})");
    assert_eq!(count(cycle_completed(&cycle)).await, 1);
    assert_eq!(
        count(format!("SELECT count(*) FROM cycle_report WHERE cycle_id = {cycle} AND status = 'COMPLETE'")).await,
        2
    );
    assert_eq!(
        count(format!("SELECT count(*) FROM workflow_execution WHERE cycle_id = {cycle} AND status = 'COMPLETED'"))
            .await,
        3
    );
    for table in ["attribute", "sample", "data_owner_assignment", "information_request", "test_case", "test_report"] {
        let rows = count(format!("SELECT count(*) FROM {table} WHERE cycle_report_id IN {of_cycle}")).await;
        assert!(rows > 0, "{table} is filled");
    }
    let samples = count(format!("SELECT count(*) FROM sample WHERE cycle_report_id IN {of_cycle}")).await;
    assert_eq!(samples, 50, "25 samples per report");
    let cases = count(format!("SELECT count(*) FROM test_case WHERE cycle_report_id IN {of_cycle}")).await;
    let executed = count(format!(
        "SELECT count(*) FROM test_execution te JOIN test_case tc ON tc.id = te.test_case_id WHERE tc.cycle_report_id IN {of_cycle}"
    ))
    .await;
    assert_eq!(executed, cases, "every test case was executed once");
    let auto_evidence = count(format!(
        "SELECT count(*) FROM evidence e JOIN test_case tc ON tc.id = e.test_case_id WHERE tc.cycle_report_id IN {of_cycle} AND e.source = 'AUTO'"
    ))
    .await;
    assert!(auto_evidence > 0);
    let scoped = count(format!(
        "SELECT count(*) FROM scoping_decision sd JOIN attribute a ON a.id = sd.attribute_id WHERE a.cycle_report_id IN {of_cycle}"
    ))
    .await;
    assert!(scoped > 0);
    assert_eq!(
        count(format!(
            "SELECT count(*) FROM test_report WHERE cycle_report_id IN {of_cycle} AND status = 'SIGNED_OFF'"
        ))
        .await,
        2
    );
    // Tracking: eight phase steps per report, all completed; the fork and join of phases 3 and 4.
    let children =
        format!("(SELECT id FROM workflow_execution WHERE cycle_id = {cycle} AND parent_execution_id IS NOT NULL)");
    assert_eq!(count(format!("SELECT count(*) FROM workflow_step WHERE execution_id IN {children} AND step_type = 'PHASE' AND status = 'COMPLETED'")).await, 16);
    assert_eq!(count(format!("SELECT count(*) FROM workflow_transition WHERE execution_id IN {children} AND transition_type = 'PARALLEL_FORK'")).await, 4);
    assert_eq!(count(format!("SELECT count(*) FROM workflow_transition WHERE execution_id IN {children} AND transition_type = 'PARALLEL_JOIN'")).await, 2);
    assert_eq!(count(format!("SELECT count(*) FROM workflow_metrics WHERE execution_id IN {children}")).await, 16);
    assert!(count(format!("SELECT count(*) FROM workflow_step WHERE execution_id IN {children} AND step_type = 'ACTIVITY' AND status = 'COMPLETED'")).await >= 18);
    // Every human step was decided by the workflow itself, and says so.
    let tasks = count(format!("SELECT count(*) FROM human_task WHERE cycle_id = {cycle}")).await;
    assert!(tasks >= 14, "{tasks} tasks");
    assert_eq!(count(format!("SELECT count(*) FROM human_task WHERE cycle_id = {cycle} AND decided_automatically AND status = 'COMPLETED'")).await, tasks);
    // The event log has every transition, in order, ending with the cycle's completion.
    let last = count(format!(
        "SELECT count(*) FROM workflow_event WHERE cycle_id = {cycle} AND kind = 'WORKFLOW_COMPLETED' AND report_id IS NULL
           AND seq = (SELECT max(seq) FROM workflow_event WHERE cycle_id = {cycle})"
    ))
    .await;
    assert_eq!(last, 1, "the cycle's completion is its last event");
    assert!(
        count(format!("SELECT count(*) FROM workflow_event WHERE cycle_id = {cycle} AND kind = 'PHASE_COMPLETED'"))
            .await
            >= 16
    );

    // And GraphQL shows it.
    let body = app
        .gql(
            &token,
            "query($id: ID!) { cycle(id: $id) { status testReports { status markdown report { reportNumber } }
               currentExecution { status children { status steps { phase status } transitions { transitionType } } } } }",
            json!({ "id": cycle }),
        )
        .await;
    let view = &body["data"]["cycle"];
    assert_eq!(view["status"], "COMPLETED", "{body}");
    assert_eq!(view["testReports"][0]["status"], "SIGNED_OFF");
    assert!(
        view["testReports"][0]["markdown"].as_str().is_some_and(|m| m.contains("Sign-offs") || m.contains("sign")),
        "{body}"
    );
    assert_eq!(view["currentExecution"]["children"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn skipped_phases_are_recorded_as_skipped_and_the_cycle_completes() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let token = app.login("test-manager").await;
    let (cycle, child) =
        run_y9c_alone(&app, &token, json!({ "skipPhases": ["SCOPING", "OBSERVATION_MANAGEMENT"] })).await;
    let skipped = app
        .scalar(&format!(
            "SELECT count(*) FROM workflow_step WHERE execution_id IN {child} AND step_type = 'PHASE' AND status = 'SKIPPED'
               AND phase IN ('SCOPING', 'OBSERVATION_MANAGEMENT')"
        ))
        .await;
    assert_eq!(skipped, 2);
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM workflow_execution WHERE id IN {child} AND status = 'COMPLETED'"))
            .await,
        1
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM workflow_transition WHERE execution_id IN {child} AND transition_type = 'SKIP'"
        ))
        .await,
        2
    );
    // Only the chosen report ran.
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM workflow_execution WHERE cycle_id = {cycle}")).await, 2);
}

#[tokio::test]
async fn phases_three_and_four_overlap_in_time() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let token = app.login("test-manager").await;
    let cycle = cycle_with_two_reports(&app, &token).await;
    start(&app, &token, &cycle, json!({ "approvalMode": "AUTO" })).await;
    wait_finished(&app, &cycle).await;
    let overlapping = app
        .scalar(&format!(
            "SELECT count(*) FROM workflow_step s3 JOIN workflow_step s4 ON s4.execution_id = s3.execution_id
             JOIN workflow_execution e ON e.id = s3.execution_id
             WHERE e.cycle_id = {cycle} AND s3.phase = 'SAMPLE_SELECTION' AND s4.phase = 'DATA_OWNER_IDENTIFICATION'
               AND s3.step_type = 'PHASE' AND s4.step_type = 'PHASE'
               AND s3.started_at < s4.completed_at AND s4.started_at < s3.completed_at"
        ))
        .await;
    assert_eq!(overlapping, 2, "in both reports, each of the two phases started before the other ended");
}

#[tokio::test]
async fn an_activity_failing_twice_then_succeeding_logs_two_retries_and_one_step() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let token = app.login("test-manager").await;
    let faults = json!({ "faults": [{ "phase": "SAMPLE_SELECTION", "failingAttempts": 2 }] });
    let (_, child) = run_y9c_alone(&app, &token, faults).await;
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM workflow_execution WHERE id IN {child} AND status = 'COMPLETED'"))
            .await,
        1
    );
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM workflow_activity_retry_log WHERE execution_id IN {child} AND activity_kind = 'DATABASE'")).await,
        2
    );
    let steps = app
        .scalar(&format!(
            "SELECT count(*) FROM workflow_step WHERE execution_id IN {child} AND step_type = 'ACTIVITY'
               AND name LIKE '%select_samples%' AND status = 'COMPLETED' AND attempt = 3"
        ))
        .await;
    assert_eq!(steps, 1, "one step row, on its third attempt");
    // Linear backoff: the second retry waits twice as long as the first.
    let delays = app
        .scalar(&format!(
            "SELECT max(next_retry_delay_ms) / min(next_retry_delay_ms) FROM workflow_activity_retry_log WHERE execution_id IN {child}"
        ))
        .await;
    assert_eq!(delays, 2);
}

#[tokio::test]
async fn a_second_start_of_a_running_cycle_is_a_conflict_and_testers_may_not_start() {
    let app = TestApp::spawn().await;
    let token = app.login("test-manager").await;
    let cycle = cycle_with_two_reports(&app, &token).await;
    let tester = app.login("tester").await;
    let body = app.gql(&tester, START, json!({ "cycle": cycle })).await;
    assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    // No worker: the workflow stays running, which is all this test needs.
    start(&app, &token, &cycle, json!({ "approvalMode": "AUTO" })).await;
    let body = app.gql(&token, START, json!({ "cycle": cycle })).await;
    assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
    let body = app.gql(&token, START, json!({ "cycle": "999999" })).await;
    assert_eq!(error_code(&body), Some("NOT_FOUND"), "{body}");
}

/// A run records its end and only then closes in Temporal; a start in between waits for the
/// close instead of answering CONFLICT for a run the cycle shows ended, but never waits forever.
#[tokio::test]
async fn a_start_waits_for_the_last_run_to_close_in_temporal_and_no_longer() {
    let app = TestApp::spawn().await;
    let token = app.login("test-manager").await;
    let cycle = cycle_with_two_reports(&app, &token).await;
    // No worker: each run stays open in Temporal until the test ends it. Its row is set
    // CANCELLED by hand, as the run itself writes it just before it closes.
    let shown_ended = |execution: &Value| {
        format!(
            "UPDATE workflow_execution SET status = 'CANCELLED' WHERE id = {}",
            execution["id"].as_str().expect("id")
        )
    };
    let first = start(&app, &token, &cycle, json!({ "approvalMode": "AUTO" })).await;
    app.exec(&shown_ended(&first)).await;
    let client = app.gateway_client().await;
    let workflow_id = first["workflowId"].as_str().expect("workflowId").to_owned();
    let closing = tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        let handle = client.get_workflow_handle::<worker::workflows::EnhancedTestCycleWorkflow>(workflow_id);
        handle
            .terminate(temporalio_client::WorkflowTerminateOptions::builder().reason("closing".to_owned()).build())
            .await
    });
    let begun = std::time::Instant::now();
    let second = start(&app, &token, &cycle, json!({ "approvalMode": "AUTO" })).await;
    closing.await.expect("the closing task").expect("terminated");
    let took = begun.elapsed();
    assert!(took >= std::time::Duration::from_millis(900), "started before the last run closed ({took:?})");
    assert!(took < std::time::Duration::from_secs(5), "started long after the last run closed ({took:?})");
    assert_eq!(second["status"], "RUNNING", "{second}");
    assert_ne!(second["id"], first["id"]);
    // A run the database shows live is a conflict at once; one that never closes, after the wait.
    let body = app.gql(&token, START, json!({ "cycle": cycle })).await;
    assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
    app.exec(&shown_ended(&second)).await;
    let body = app.gql(&token, START, json!({ "cycle": cycle })).await;
    assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
    let runs =
        format!("SELECT count(*) FROM workflow_execution WHERE cycle_id = {cycle} AND parent_execution_id IS NULL");
    assert_eq!(app.scalar(&runs).await, 2);
}

#[tokio::test]
async fn a_slow_activity_raises_a_slow_step_alert() {
    let app = TestApp::spawn_with(|config| config.temporal_activity_timeout = 10).await;
    app.start_worker();
    let token = app.login("test-manager").await;
    let faults = json!({ "faults": [{ "phase": "PLANNING", "failingAttempts": 0, "delayMs": 6000 }] });
    run_y9c_alone(&app, &token, faults).await;
    let slow = app
        .scalar(
            "SELECT count(*) FROM workflow_alert a JOIN workflow_step s ON s.id = a.step_id
             WHERE a.alert_type = 'SLOW_STEP' AND s.name LIKE '%generate_attributes%'",
        )
        .await;
    assert_eq!(slow, 1);
    assert_eq!(
        app.scalar("SELECT count(*) FROM workflow_event WHERE kind = 'ALERT_RAISED' AND status = 'SLOW_STEP'").await,
        1
    );
}
