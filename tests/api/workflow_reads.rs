//! Reading tracked workflow runs, the inbox, compensation logs and versions, over rows written
//! the way the worker writes them.

use serde_json::{Value, json};

use crate::harness::{TestApp, error_code};

/// A parent run of the demo cycle with one child per report, steps, a transition, a retry and a
/// compensation; returns (parent id, first child id).
async fn tracked_run(app: &TestApp) -> (i64, i64) {
    let cycle = app.scalar("SELECT min(id) FROM test_cycle").await;
    app.exec(&format!(
        "INSERT INTO workflow_execution (workflow_id, run_id, workflow_type, cycle_id, version, status, started_at)
         VALUES ('test-cycle-{cycle}', 'run-p', 'EnhancedTestCycleWorkflow', {cycle}, '1.1.0', 'RUNNING', now() - interval '1 hour')"
    ))
    .await;
    let parent = app.scalar("SELECT max(id) FROM workflow_execution").await;
    app.exec(&format!(
        "INSERT INTO workflow_execution (workflow_id, run_id, workflow_type, parent_execution_id, cycle_id, cycle_report_id, version, status)
         SELECT 'test-cycle-{cycle}-report-' || report_id, 'run-c', 'ReportTestingWorkflow', {parent}, {cycle}, id, '1.1.0', 'RUNNING'
         FROM cycle_report WHERE cycle_id = {cycle} ORDER BY id"
    ))
    .await;
    let child =
        app.scalar(&format!("SELECT min(id) FROM workflow_execution WHERE parent_execution_id = {parent}")).await;
    app.exec(&format!(
        "INSERT INTO workflow_step (execution_id, step_key, phase, name, step_type, status, attempt, started_at, completed_at)
         VALUES ({child}, 'phase:PLANNING', 'PLANNING', 'Planning', 'PHASE', 'COMPLETED', 1, now() - interval '50 minutes', now() - interval '40 minutes'),
                ({child}, 'phase:SCOPING', 'SCOPING', 'Scoping', 'PHASE', 'WAITING', 1, now() - interval '39 minutes', NULL);
         INSERT INTO workflow_transition (execution_id, transition_key, from_phase, to_phase, transition_type)
         VALUES ({child}, 'PLANNING->SCOPING', 'PLANNING', 'SCOPING', 'SEQUENTIAL');
         INSERT INTO workflow_activity_retry_log (execution_id, workflow_id, run_id, activity_id, activity_type, activity_kind, attempt, error, next_retry_delay_ms)
         VALUES ({child}, 'w', 'run-c', '3', 'generate_attributes', 'LLM', 1, 'provider timed out', 1000);
         INSERT INTO workflow_compensation_log (execution_id, compensation_key, phase, strategy, status, undone, kept, notified)
         VALUES ({child}, 'c1', 'SAMPLE_SELECTION', 'PARTIAL_ROLLBACK', 'COMPLETED', '{{\"samples\": 3}}', '{{\"approved\": 2}}', '[\"report-owner\"]')"
    ))
    .await;
    (parent, child)
}

#[tokio::test]
async fn an_execution_shows_its_children_steps_transitions_retries_and_compensations() {
    let app = TestApp::spawn().await;
    let (parent, child) = tracked_run(&app).await;
    let cycle = app.scalar("SELECT min(id) FROM test_cycle").await;
    let token = app.login("test-manager").await;
    let body = app
        .gql(
            &token,
            "query($id: ID!) { workflowExecution(id: $id) { workflowId status version report { name } durationSeconds
               temporalUiUrl cycle { name currentExecution { id } }
               children { id report { reportNumber } steps { phase name status attempt durationSeconds }
                 transitions { fromPhase toPhase transitionType } retryLogs { attempt activityKind error }
                 compensationLogs { phase strategy undone kept notified } } } }",
            json!({ "id": parent.to_string() }),
        )
        .await;
    let run = &body["data"]["workflowExecution"];
    assert_eq!(run["status"], "RUNNING", "{body}");
    assert!(run["report"].is_null(), "the parent tests no single report");
    assert!(run["durationSeconds"].as_f64().is_some_and(|s| s >= 3600.0), "{body}");
    assert_eq!(run["cycle"]["currentExecution"]["id"], parent.to_string());
    assert_eq!(
        run["temporalUiUrl"],
        format!("http://localhost:8233/namespaces/default/workflows/test-cycle-{cycle}/run-p/history")
    );
    let first = &run["children"][0];
    assert_eq!(first["id"], child.to_string());
    assert_eq!(first["steps"][0]["phase"], "PLANNING");
    assert_eq!(first["steps"][1]["status"], "WAITING");
    assert!(first["steps"][0]["durationSeconds"].as_f64().is_some_and(|s| (s - 600.0).abs() < 1.0), "{body}");
    assert_eq!(first["transitions"][0]["transitionType"], "SEQUENTIAL");
    assert_eq!(first["retryLogs"][0]["activityKind"], "LLM");
    assert_eq!(first["compensationLogs"][0]["strategy"], "PARTIAL_ROLLBACK");
    assert_eq!(first["compensationLogs"][0]["kept"]["approved"], 2);
}

#[tokio::test]
async fn executions_filter_by_cycle_and_status() {
    let app = TestApp::spawn().await;
    tracked_run(&app).await;
    let token = app.login("admin").await;
    let cycle = app.scalar("SELECT min(id) FROM test_cycle").await;
    let query = "query($c: ID, $s: ExecutionStatus) { workflowExecutions(cycleId: $c, status: $s) { totalCount } }";
    let all = app.gql(&token, query, json!({ "c": cycle.to_string() })).await;
    let runs = app.scalar(&format!("SELECT count(*) FROM workflow_execution WHERE cycle_id = {cycle}")).await;
    assert_eq!(all["data"]["workflowExecutions"]["totalCount"], runs, "{all}");
    let done = app.gql(&token, query, json!({ "c": cycle.to_string(), "s": "COMPLETED" })).await;
    assert_eq!(done["data"]["workflowExecutions"]["totalCount"], 0, "{done}");
}

#[tokio::test]
async fn compensation_logs_are_for_monitoring_roles_only() {
    let app = TestApp::spawn().await;
    let (_, child) = tracked_run(&app).await;
    let query = "query($e: ID) { compensationLogs(executionId: $e) { totalCount edges { node { phase status execution { id } } } } }";
    for user in ["test-manager", "admin", "report-owner-executive"] {
        let token = app.login(user).await;
        let body = app.gql(&token, query, json!({ "e": child.to_string() })).await;
        assert_eq!(body["data"]["compensationLogs"]["totalCount"], 1, "{user}: {body}");
        assert_eq!(body["data"]["compensationLogs"]["edges"][0]["node"]["execution"]["id"], child.to_string());
    }
    for user in ["tester", "data-owner", "report-owner"] {
        let token = app.login(user).await;
        let body = app.gql(&token, query, json!({ "e": child.to_string() })).await;
        assert_eq!(error_code(&body), Some("FORBIDDEN"), "{user}: {body}");
    }
}

async fn open_task(app: &TestApp, key: &str, role: &str, assignee: Option<&str>) {
    let cycle = app.scalar("SELECT min(id) FROM test_cycle").await;
    let assignee = assignee.map_or("NULL".to_owned(), |u| format!("(SELECT id FROM app_user WHERE username = '{u}')"));
    app.exec(&format!(
        "INSERT INTO human_task (task_key, cycle_id, cycle_report_id, phase, kind, title, assignee_role, assignee_id, due_at)
         SELECT '{key}', {cycle}, (SELECT min(id) FROM cycle_report WHERE cycle_id = {cycle}), 'PLANNING', 'APPROVAL',
                'Approve attributes', '{role}', {assignee}, now() + interval '3 days'"
    ))
    .await;
}

#[tokio::test]
async fn the_inbox_shows_each_person_their_tasks() {
    let app = TestApp::spawn().await;
    open_task(&app, "t1", "REPORT_OWNER", Some("report-owner")).await;
    open_task(&app, "t2", "DATA_OWNER", Some("data-owner")).await;
    open_task(&app, "t3", "TESTER", None).await;
    app.exec("UPDATE human_task SET status = 'COMPLETED', decision = 'APPROVE' WHERE task_key = 't3'").await;
    let query = "query($open: Boolean, $mine: Boolean) { tasks(open: $open, mine: $mine) {
        totalCount edges { node { title phase kind status assigneeRole assignee { username } report { name } cycle { name } dueAt } } } }";

    let owner = app.login("report-owner").await;
    let body = app.gql(&owner, query, json!({})).await;
    assert_eq!(body["data"]["tasks"]["totalCount"], 1, "{body}");
    assert_eq!(body["data"]["tasks"]["edges"][0]["node"]["assignee"]["username"], "report-owner");
    assert_eq!(body["data"]["tasks"]["edges"][0]["node"]["kind"], "APPROVAL");

    let tester = app.login("tester").await;
    let body = app.gql(&tester, query, json!({ "open": false })).await;
    assert_eq!(body["data"]["tasks"]["totalCount"], 1, "role task, closed: {body}");
    let body = app.gql(&tester, query, json!({ "open": true })).await;
    assert_eq!(body["data"]["tasks"]["totalCount"], 0, "{body}");

    let manager = app.login("test-manager").await;
    let body = app.gql(&manager, query, json!({})).await;
    assert_eq!(body["data"]["tasks"]["totalCount"], 3, "a manager sees all: {body}");
    let body = app.gql(&manager, query, json!({ "mine": true })).await;
    assert_eq!(body["data"]["tasks"]["totalCount"], 0, "{body}");
}

#[tokio::test]
async fn a_data_owner_sees_the_cycle_of_a_task_routed_to_them() {
    let app = TestApp::spawn().await;
    let token = app.login("data-owner").await;
    let before = app.gql(&token, "{ cycles { totalCount } }", Value::Null).await;
    assert_eq!(before["data"]["cycles"]["totalCount"], 0, "{before}");
    open_task(&app, "t1", "DATA_OWNER", Some("data-owner")).await;
    let after = app.gql(&token, "{ cycles { totalCount } }", Value::Null).await;
    assert_eq!(after["data"]["cycles"]["totalCount"], 1, "{after}");
}

#[tokio::test]
async fn workflow_versions_declare_features_and_count_runs() {
    let app = TestApp::spawn().await;
    tracked_run(&app).await;
    let token = app.login("tester").await;
    let body = app
        .gql(
            &token,
            "{ workflowVersions { version current features canMigrateTo executionCount runningCount } }",
            Value::Null,
        )
        .await;
    let versions = body["data"]["workflowVersions"].as_array().expect("versions");
    assert_eq!(versions.len(), 2, "{body}");
    assert_eq!(versions[0]["version"], "1.0.0");
    assert_eq!(versions[0]["canMigrateTo"], json!(["1.1.0"]));
    let current = &versions[1];
    assert_eq!(current["current"], true);
    assert!(current["features"].as_array().is_some_and(|f| f.contains(&json!("PARALLEL_SAMPLE_AND_OWNER_PHASES"))));
    let runs = app.scalar("SELECT count(*) FROM workflow_execution").await;
    assert_eq!(current["executionCount"], runs, "{body}");
    assert_eq!(current["runningCount"], runs, "{body}");
}
