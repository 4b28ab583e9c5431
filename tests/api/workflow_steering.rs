//! Steering running cycles: a MANUAL cycle driven through the inbox by the right people (with a
//! REJECT loop), cancellation, and each compensation strategy.

use serde_json::{Value, json};

use crate::fixtures::{
    assert_retried_to_completion, cycle_completed, cycle_with, first_manual_task, run_finished, start, wait_finished,
};
use crate::harness::{TestApp, error_code};

const OPEN_TASKS: &str = "{ tasks(open: true, mine: true, first: 100) { edges { node {
    id phase kind round assigneeRole testCases { id reportedValue } } } } }";
const COMPLETE: &str =
    "mutation($t: ID!, $i: TaskDecisionInput!) { completeTask(taskId: $t, input: $i) { id status decision } }";

/// A cycle testing FR Y-9C alone, tested by `tester`; returns its id.
pub(crate) async fn one_report_cycle(app: &TestApp, token: &str) -> String {
    cycle_with(app, token, "Steering", &["FR Y-9C"]).await
}

/// Cancels the cycle's run as `token` (a test over before its run) and waits for it to end.
pub(crate) async fn cancel_run(app: &TestApp, token: &str, cycle: &str) {
    let parent = app
        .scalar(&format!("SELECT id FROM workflow_execution WHERE cycle_id = {cycle} AND parent_execution_id IS NULL"))
        .await;
    let cancel = "mutation($e: ID!, $r: String!) { cancelWorkflow(executionId: $e, reason: $r) { id } }";
    let body = app.gql(token, cancel, json!({ "e": parent.to_string(), "r": "test over" })).await;
    assert!(body["errors"].is_null(), "{body}");
    wait_finished(app, cycle).await;
}

/// Usernames with an open task in the cycle (named assignees, and the role holders of role tasks).
async fn people_with_tasks(app: &TestApp, cycle: &str) -> Vec<String> {
    app.db_strings(&format!(
        "SELECT DISTINCT COALESCE(u.username, CASE t.assignee_role WHEN 'DATA_EXECUTIVE' THEN 'data-executive'
                     WHEN 'TESTER' THEN 'tester' WHEN 'REPORT_OWNER' THEN 'report-owner' ELSE 'admin' END)
             FROM human_task t LEFT JOIN app_user u ON u.id = t.assignee_id
             WHERE t.cycle_id = {cycle} AND t.status = 'OPEN'"
    ))
    .await
}

#[tokio::test]
async fn a_manual_cycle_is_driven_through_the_inbox_with_one_reject_loop() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let cycle = one_report_cycle(&app, &manager).await;
    start(&app, &manager, &cycle, json!({ "approvalMode": "MANUAL" })).await;

    let mut rejected = false;
    let mut checked_rights = false;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(240);
    while !run_finished(&app, &cycle).await {
        assert!(std::time::Instant::now() < deadline, "the manual cycle did not finish");
        for user in people_with_tasks(&app, &cycle).await {
            let token = app.login(&user).await;
            let body = app.gql(&token, OPEN_TASKS, Value::Null).await;
            for edge in body["data"]["tasks"]["edges"].as_array().cloned().unwrap_or_default() {
                let task = &edge["node"];
                let id = task["id"].as_str().expect("id").to_owned();
                if !checked_rights {
                    let data_owner = app.login("data-owner-treasury-2").await;
                    let body = app.gql(&data_owner, COMPLETE, json!({ "t": id, "i": { "decision": "APPROVE" } })).await;
                    if task["assigneeRole"] != "DATA_OWNER" {
                        assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
                    }
                    let body = app.gql(&token, COMPLETE, json!({ "t": id, "i": { "decision": "REJECT" } })).await;
                    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "a rejection needs a comment: {body}");
                    checked_rights = true;
                }
                if task["phase"] == "PLANNING" && !rejected {
                    let input = json!({ "decision": "REJECT", "comment": "Drop the caption; keep amounts." });
                    let body = app.gql(&token, COMPLETE, json!({ "t": id, "i": input })).await;
                    assert_eq!(body["data"]["completeTask"]["decision"], "REJECT", "{body}");
                    let again = app.gql(&token, COMPLETE, json!({ "t": id, "i": { "decision": "APPROVE" } })).await;
                    assert_eq!(error_code(&again), Some("CONFLICT"), "a decided task cannot be decided again: {again}");
                    rejected = true;
                    continue;
                }
                if task["kind"] == "EVIDENCE" {
                    for case in task["testCases"].as_array().cloned().unwrap_or_default() {
                        let value = case["reportedValue"].as_str().unwrap_or("0").to_owned();
                        let body = app
                            .gql(
                                &token,
                                "mutation($c: ID!, $v: String!) { submitEvidence(testCaseId: $c, value: $v, documentRef: \"GL extract\") { evidence } }",
                                json!({ "c": case["id"], "v": value }),
                            )
                            .await;
                        assert_eq!(body["data"]["submitEvidence"]["evidence"], value, "{body}");
                    }
                    if let Some(case) = task["testCases"][0]["id"].as_str() {
                        assert_eq!(request_status_of(&app, case).await, "ACKNOWLEDGED", "evidence acknowledges it");
                    }
                }
                let body = app
                    .gql(&token, COMPLETE, json!({ "t": id, "i": { "decision": "APPROVE", "comment": "ok" } }))
                    .await;
                assert!(body["errors"].is_null() || error_code(&body) == Some("CONFLICT"), "{body}");
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    assert!(rejected);
    assert_eq!(app.scalar(&cycle_completed(&cycle)).await, 1);
    let link = format!("(SELECT id FROM cycle_report WHERE cycle_id = {cycle})");
    assert_eq!(
        app.scalar(&format!("SELECT count(DISTINCT version) FROM attribute WHERE cycle_report_id IN {link}")).await,
        2
    );
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM workflow_transition t JOIN workflow_execution e ON e.id = t.execution_id WHERE e.cycle_id = {cycle} AND t.transition_type = 'LOOP_BACK'")).await,
        1
    );
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM human_task WHERE cycle_id = {cycle} AND decided_automatically"))
            .await,
        0
    );
    let decided =
        app.scalar(&format!("SELECT count(*) FROM human_task WHERE cycle_id = {cycle} AND status = 'COMPLETED'")).await;
    assert_eq!(
        app.scalar("SELECT count(*) FROM audit_log WHERE action = 'TASK_DECIDED'").await,
        decided,
        "every decision is audited"
    );
    assert!(app.scalar(&format!("SELECT count(*) FROM evidence e JOIN test_case tc ON tc.id = e.test_case_id WHERE tc.cycle_report_id IN {link} AND e.source = 'DATA_OWNER'")).await > 0);
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM test_report_sign_off so JOIN test_report tr ON tr.id = so.test_report_id WHERE tr.cycle_report_id IN {link} AND NOT so.automatic")).await, 2);
    assert_eq!(
        app.db_strings(&format!("SELECT DISTINCT status FROM information_request WHERE cycle_report_id IN {link}"))
            .await,
        vec!["CLOSED"],
        "testing closes the requests it used"
    );
}

/// The status of the request for information `test_case` belongs to.
async fn request_status_of(app: &TestApp, test_case: &str) -> String {
    let sql = format!(
        "SELECT ir.status FROM information_request ir JOIN test_case tc ON tc.information_request_id = ir.id
         WHERE tc.id = {test_case}"
    );
    app.db_strings(&sql).await.pop().expect("a request")
}

#[tokio::test]
async fn an_unanswered_request_turns_overdue_at_its_deadline_and_still_takes_a_late_answer() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let cycle = one_report_cycle(&app, &manager).await;
    start(&app, &manager, &cycle, json!({ "approvalMode": "MANUAL", "slaSeconds": 1 })).await;
    let requests = format!(
        "FROM information_request ir JOIN cycle_report cr ON cr.id = ir.cycle_report_id WHERE cr.cycle_id = {cycle}"
    );
    // Everyone approves their steps until the requests for information go out.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while app.scalar(&format!("SELECT count(*) {requests}")).await == 0 {
        assert!(std::time::Instant::now() < deadline, "the requests were not sent");
        for user in people_with_tasks(&app, &cycle).await {
            let token = app.login(&user).await;
            let body = app.gql(&token, OPEN_TASKS, Value::Null).await;
            for edge in body["data"]["tasks"]["edges"].as_array().cloned().unwrap_or_default() {
                if edge["node"]["kind"] != "EVIDENCE" {
                    let input = json!({ "t": edge["node"]["id"], "i": { "decision": "APPROVE" } });
                    let body = app.gql(&token, COMPLETE, input).await;
                    assert!(body["errors"].is_null() || error_code(&body) == Some("CONFLICT"), "{body}");
                }
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    assert_eq!(app.scalar(&format!("SELECT count(*) {requests} AND ir.status NOT IN ('SENT', 'OVERDUE')")).await, 0);

    // Nobody answers: past its deadline each evidence task is escalated and its request overdue.
    app.wait_until(
        &format!("SELECT (count(*) FILTER (WHERE ir.status = 'OVERDUE') = count(*))::int::int8 {requests}"),
        60,
    )
    .await;
    let escalated = format!(
        "SELECT count(*) FROM workflow_alert a JOIN human_task t ON a.alert_key = 'sla:' || t.id || ':breach'
         WHERE t.cycle_id = {cycle} AND t.kind = 'EVIDENCE'"
    );
    assert_eq!(app.scalar(&escalated).await, app.scalar(&format!("SELECT count(*) {requests}")).await);

    // A late answer is still taken: the request stays overdue until its owner submits it.
    let request = app.scalar(&format!("SELECT min(ir.id) {requests}")).await;
    let owner = app
        .db_strings(&format!(
            "SELECT u.username FROM information_request ir JOIN app_user u ON u.id = ir.data_owner_id WHERE ir.id = {request}"
        ))
        .await
        .pop()
        .expect("its data owner");
    let token = app.login(&owner).await;
    // The data owner's inbox says so.
    let inbox = "{ tasks(open: true, mine: true) { edges { node { kind request { id status dueAt } } } } }";
    let body = app.gql(&token, inbox, json!({})).await;
    let shown = body["data"]["tasks"]["edges"]
        .as_array()
        .and_then(|edges| edges.iter().find(|e| e["node"]["request"]["id"] == request.to_string().as_str()))
        .unwrap_or_else(|| panic!("the request's task in its owner's inbox: {body}"));
    assert_eq!(shown["node"]["request"]["status"], "OVERDUE", "{body}");
    let case = app.scalar(&format!("SELECT min(id) FROM test_case WHERE information_request_id = {request}")).await;
    let submit = "mutation($c: ID!) { submitEvidence(testCaseId: $c, value: \"1\") { evidence } }";
    let body = app.gql(&token, submit, json!({ "c": case.to_string() })).await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(request_status_of(&app, &case.to_string()).await, "OVERDUE");
    let task = app
        .scalar(&format!("SELECT id FROM human_task WHERE information_request_id = {request} AND status = 'OPEN'"))
        .await;
    let body = app.gql(&token, COMPLETE, json!({ "t": task.to_string(), "i": { "decision": "APPROVE" } })).await;
    assert!(body["errors"].is_null(), "{body}");
    app.wait_until(
        &format!("SELECT count(*) FROM information_request WHERE id = {request} AND status = 'SUBMITTED'"),
        30,
    )
    .await;

    cancel_run(&app, &manager, &cycle).await;
}

#[tokio::test]
async fn a_cancelled_cycle_records_cancelled_for_parent_and_children() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let cycle = one_report_cycle(&app, &manager).await;
    first_manual_task(&app, &manager, &cycle).await;
    let parent = app
        .scalar(&format!("SELECT id FROM workflow_execution WHERE cycle_id = {cycle} AND parent_execution_id IS NULL"))
        .await;
    let cancel = "mutation($e: ID!, $r: String!) { cancelWorkflow(executionId: $e, reason: $r) { id } }";
    let tester = app.login("tester").await;
    let body = app.gql(&tester, cancel, json!({ "e": parent.to_string(), "r": "no" })).await;
    assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    let body = app.gql(&manager, cancel, json!({ "e": parent.to_string(), "r": "Scope changed" })).await;
    assert!(body["errors"].is_null(), "{body}");
    wait_finished(&app, &cycle).await;
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM workflow_execution WHERE cycle_id = {cycle} AND status = 'CANCELLED'"
        ))
        .await,
        2
    );
    assert_eq!(
        app.scalar(
            "SELECT count(*) FROM audit_log WHERE action = 'WORKFLOW_CANCEL_REQUESTED' AND reason = 'Scope changed'"
        )
        .await,
        1
    );
    // Nobody is left waiting on a step of a run that ended.
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM human_task WHERE cycle_id = {cycle} AND status = 'OPEN'")).await,
        0
    );
    assert!(
        app.scalar(&format!("SELECT count(*) FROM human_task WHERE cycle_id = {cycle} AND status = 'CANCELLED'")).await
            >= 1
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM workflow_step s JOIN workflow_execution e ON e.id = s.execution_id
             WHERE e.cycle_id = {cycle} AND s.status = 'WAITING'"
        ))
        .await,
        0
    );
}

/// Starts an AUTO cycle of one report with `fault` injected; returns the cycle's id.
pub(crate) async fn run_with_fault(app: &TestApp, fault: Value) -> String {
    app.start_worker();
    let manager = app.login("test-manager").await;
    let cycle = one_report_cycle(app, &manager).await;
    start(app, &manager, &cycle, json!({ "approvalMode": "AUTO", "faults": [fault] })).await;
    cycle
}

/// The id of the run of `cycle`'s one report.
pub(crate) async fn child_of(app: &TestApp, cycle: &str) -> i64 {
    app.scalar(&format!(
        "SELECT id FROM workflow_execution WHERE cycle_id = {cycle} AND parent_execution_id IS NOT NULL"
    ))
    .await
}

#[tokio::test]
async fn skip_compensation_marks_the_phase_skipped_and_the_cycle_goes_on() {
    let app = TestApp::spawn().await;
    let cycle = run_with_fault(&app, json!({ "phase": "OBSERVATION_MANAGEMENT", "failingAttempts": 99 })).await;
    wait_finished(&app, &cycle).await;
    let child = child_of(&app, &cycle).await;
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM workflow_execution WHERE id = {child} AND status = 'COMPLETED'"))
            .await,
        1
    );
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM workflow_compensation_log WHERE execution_id = {child} AND strategy = 'SKIP' AND status = 'COMPLETED'")).await, 1);
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM workflow_step WHERE execution_id = {child} AND phase = 'OBSERVATION_MANAGEMENT' AND step_type = 'PHASE' AND status = 'SKIPPED'")).await, 1);
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM workflow_activity_retry_log WHERE execution_id = {child}")).await,
        3,
        "three failed attempts"
    );
}

#[tokio::test]
async fn notify_compensation_fails_the_report_keeps_nothing_new_and_tells_the_test_manager() {
    let app = TestApp::spawn().await;
    let cycle = run_with_fault(&app, json!({ "phase": "PLANNING", "failingAttempts": 99, "nonRetryable": true })).await;
    wait_finished(&app, &cycle).await;
    let child = child_of(&app, &cycle).await;
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM workflow_execution WHERE cycle_id = {cycle} AND status = 'FAILED'"))
            .await,
        2
    );
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM workflow_activity_retry_log WHERE execution_id = {child}")).await,
        1,
        "a business error is not retried"
    );
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM workflow_compensation_log WHERE execution_id = {child} AND strategy = 'NOTIFY' AND notified ? 'test-manager'")).await, 1);
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM attribute WHERE cycle_report_id IN (SELECT id FROM cycle_report WHERE cycle_id = {cycle})")).await, 0);
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM cycle_report WHERE cycle_id = {cycle} AND status = 'FAILED'")).await,
        1
    );
    assert!(app.scalar("SELECT count(*) FROM notification WHERE kind = 'COMPENSATION'").await >= 1);
    assert_eq!(
        app.db_strings("SELECT DISTINCT link FROM notification WHERE kind = 'COMPENSATION'").await,
        vec![format!("/cycles/{cycle}")],
        "a failure notice opens the cycle's page"
    );
}

#[tokio::test]
async fn partial_rollback_keeps_approved_work_and_redoes_the_phase() {
    let app = TestApp::spawn().await;
    let cycle = run_with_fault(&app, json!({ "phase": "SAMPLE_SELECTION", "failingAttempts": 99, "round": 1 })).await;
    wait_finished(&app, &cycle).await;
    let child = child_of(&app, &cycle).await;
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM workflow_execution WHERE id = {child} AND status = 'COMPLETED'"))
            .await,
        1
    );
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM workflow_compensation_log WHERE execution_id = {child} AND strategy = 'PARTIAL_ROLLBACK'")).await, 1);
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM workflow_step WHERE execution_id = {child} AND phase = 'SAMPLE_SELECTION' AND step_type = 'PHASE' AND status = 'COMPLETED' AND attempt = 2")).await, 1);
}

#[tokio::test]
async fn scoping_rollback_removes_its_decisions_and_scopes_again() {
    let app = TestApp::spawn().await;
    let cycle = run_with_fault(&app, json!({ "phase": "SCOPING", "failingAttempts": 99, "round": 1 })).await;
    wait_finished(&app, &cycle).await;
    let child = child_of(&app, &cycle).await;
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM workflow_execution WHERE id = {child} AND status = 'COMPLETED'"))
            .await,
        1
    );
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM workflow_compensation_log WHERE execution_id = {child} AND strategy = 'ROLLBACK' AND undone ? 'scopingDecisions'")).await, 1);
    assert!(app.scalar(&format!("SELECT count(*) FROM scoping_decision sd JOIN attribute a ON a.id = sd.attribute_id WHERE a.cycle_report_id IN (SELECT id FROM cycle_report WHERE cycle_id = {cycle}) AND sd.version = 2")).await > 0);
    // Planning's approval was reopened (and, in AUTO mode, given again by the run itself).
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM human_task WHERE execution_id = {child} AND phase = 'PLANNING' AND round = 2 AND decision = 'APPROVE' AND decided_automatically")).await, 1);
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM workflow_step WHERE execution_id = {child} AND phase = 'PLANNING' AND step_type = 'PHASE' AND status = 'COMPLETED' AND attempt = 2")).await, 1);
    assert_eq!(
        app.db_strings(&format!(
            "SELECT from_phase || '->' || to_phase || ' ' || transition_type FROM workflow_transition
             WHERE execution_id = {child} AND (from_phase = 'SCOPING' AND to_phase = 'PLANNING' OR from_phase = 'PLANNING' AND detail->>'round' = '2')
             ORDER BY id"
        ))
        .await,
        vec!["SCOPING->PLANNING COMPENSATION", "PLANNING->SCOPING SEQUENTIAL"]
    );
}

#[tokio::test]
async fn scoping_rollback_waits_for_the_report_owner_to_approve_the_attributes_again() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let owner = app.login("report-owner").await;
    let cycle = one_report_cycle(&app, &manager).await;
    let fault = json!({ "phase": "SCOPING", "failingAttempts": 99, "round": 1 });
    start(&app, &manager, &cycle, json!({ "approvalMode": "MANUAL", "faults": [fault] })).await;
    let open_task = |phase: &str, round: i32| {
        format!(
            "SELECT id FROM human_task WHERE cycle_id = {cycle} AND status = 'OPEN' AND phase = '{phase}' AND round = {round}"
        )
    };
    let approve = async |task: i64| {
        let body = app.gql(&owner, COMPLETE, json!({ "t": task.to_string(), "i": { "decision": "APPROVE" } })).await;
        assert!(body["errors"].is_null(), "{body}");
    };
    app.wait_until(&format!("SELECT count(*) FROM ({}) t", open_task("PLANNING", 1)), 60).await;
    approve(app.scalar(&open_task("PLANNING", 1)).await).await;

    // Scoping's work fails in round 1 and is rolled back: the owner is asked again, and scoping
    // does not go on until they answer.
    app.wait_until(&format!("SELECT count(*) FROM ({}) t", open_task("PLANNING", 2)), 120).await;
    let reopened = "SELECT count(*) FROM workflow_compensation_log
                    WHERE strategy = 'ROLLBACK' AND phase = 'SCOPING' AND kept->>'planningApproval' = 'reopened'";
    assert_eq!(app.scalar(reopened).await, 1);
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM human_task WHERE cycle_id = {cycle} AND phase = 'SCOPING'")).await,
        0
    );
    assert_eq!(
        app.db_strings(&format!("SELECT current_phase FROM cycle_report WHERE cycle_id = {cycle}")).await,
        vec!["PLANNING"]
    );
    approve(app.scalar(&open_task("PLANNING", 2)).await).await;

    // Then scoping runs again in its round 2, on the attributes planning kept.
    app.wait_until(&format!("SELECT count(*) FROM ({}) t", open_task("SCOPING", 2)), 120).await;
    assert_eq!(app.scalar(&format!("SELECT count(DISTINCT a.version) FROM attribute a JOIN cycle_report cr ON cr.id = a.cycle_report_id WHERE cr.cycle_id = {cycle}")).await, 1);
    cancel_run(&app, &manager, &cycle).await;
}

#[tokio::test]
async fn manual_intervention_pauses_until_an_operator_retries() {
    let app = TestApp::spawn().await;
    let cycle =
        run_with_fault(&app, json!({ "phase": "REQUEST_FOR_INFORMATION", "failingAttempts": 99, "round": 1 })).await;
    app.wait_until("SELECT count(*) FROM workflow_compensation_log WHERE status = 'AWAITING_OPERATOR'", 120).await;
    assert!(!run_finished(&app, &cycle).await, "the run waits for the operator");
    let log = app.scalar("SELECT id FROM workflow_compensation_log WHERE status = 'AWAITING_OPERATOR'").await;
    let resolve =
        "mutation($l: ID!, $a: OperatorAction!) { resolveIntervention(compensationLogId: $l, action: $a) { id } }";
    let tester = app.login("tester").await;
    let body = app.gql(&tester, resolve, json!({ "l": log.to_string(), "a": "RETRY" })).await;
    assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    let manager = app.login("test-manager").await;
    let body = app.gql(&manager, resolve, json!({ "l": log.to_string(), "a": "RETRY" })).await;
    assert!(body["errors"].is_null(), "{body}");
    wait_finished(&app, &cycle).await;
    assert_retried_to_completion(&app, log, &cycle).await;
}

#[tokio::test]
async fn a_run_pinned_to_1_0_moves_to_1_1_at_a_phase_boundary_and_then_gets_sla_alerts() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let cycle = one_report_cycle(&app, &manager).await;
    start(&app, &manager, &cycle, json!({ "approvalMode": "MANUAL", "version": "1.0.0", "slaSeconds": 2 })).await;
    let child = "(SELECT id FROM workflow_execution WHERE parent_execution_id IS NOT NULL)";
    app.wait_until(&format!("SELECT count(*) FROM human_task WHERE execution_id IN {child} AND status = 'OPEN'"), 60)
        .await;
    // Version 1.0.0 has no SLA timers: a task past its 2 s SLA raises nothing.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert_eq!(app.scalar("SELECT count(*) FROM workflow_alert WHERE alert_type LIKE 'SLA_%'").await, 0);

    let parent = app
        .scalar(&format!("SELECT id FROM workflow_execution WHERE cycle_id = {cycle} AND parent_execution_id IS NULL"))
        .await;
    let migrate = "mutation($e: ID!, $v: String!) { migrateWorkflow(executionId: $e, toVersion: $v) { status fromVersion toVersion } }";
    let body = app.gql(&manager, migrate, json!({ "e": parent.to_string(), "v": "0.9" })).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
    let body = app.gql(&manager, migrate, json!({ "e": parent.to_string(), "v": "1.1.0" })).await;
    assert_eq!(body["data"]["migrateWorkflow"][0]["status"], "REQUESTED", "{body}");
    let body = app.gql(&manager, migrate, json!({ "e": parent.to_string(), "v": "1.1.0" })).await;
    assert_eq!(error_code(&body), Some("CONFLICT"), "one pending migration at a time: {body}");
    let migrations = "query($c: ID!) { cycle(id: $c) { currentExecution { children {
        migrations { status fromVersion toVersion atPhase } } } } }";
    let runs = |body: Value| body["data"]["cycle"]["currentExecution"]["children"][0]["migrations"].clone();
    let body = app.gql(&manager, migrations, json!({ "c": cycle })).await;
    assert_eq!(runs(body)[0]["status"], "REQUESTED", "a pending migration can be read back");

    // Approving the planning task ends the phase: the migration applies as scoping starts.
    let owner = app.login("report-owner").await;
    let task =
        app.scalar(&format!("SELECT id FROM human_task WHERE execution_id IN {child} AND status = 'OPEN'")).await;
    let body = app.gql(&owner, COMPLETE, json!({ "t": task.to_string(), "i": { "decision": "APPROVE" } })).await;
    assert!(body["errors"].is_null(), "{body}");
    app.wait_until(
        "SELECT count(*) FROM workflow_migration_history WHERE status = 'APPLIED' AND at_phase = 'SCOPING'",
        60,
    )
    .await;
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM workflow_execution WHERE id IN {child} AND version = '1.1.0'")).await,
        1
    );
    assert_eq!(app.scalar("SELECT count(*) FROM workflow_event WHERE kind = 'VERSION_MIGRATED'").await, 1);
    let applied = runs(app.gql(&manager, migrations, json!({ "c": cycle })).await);
    // The second request, refused while the first was pending, is kept as REJECTED.
    assert_eq!(
        applied,
        json!([{ "status": "APPLIED", "fromVersion": "1.0.0", "toVersion": "1.1.0", "atPhase": "SCOPING" },
               { "status": "REJECTED", "fromVersion": "1.0.0", "toVersion": "1.1.0", "atPhase": null }])
    );
    // On 1.1.0 the scoping review task gets its reminder and then its escalation.
    app.wait_until("SELECT count(*) FROM workflow_alert WHERE alert_type = 'SLA_BREACH'", 60).await;
    assert_eq!(app.scalar("SELECT count(*) FROM workflow_alert WHERE alert_type = 'SLA_WARNING'").await, 1);
    assert!(app.scalar("SELECT count(*) FROM notification WHERE kind = 'SLA'").await >= 2);
    assert_eq!(app.db_strings("SELECT DISTINCT link FROM notification WHERE kind = 'SLA'").await, vec!["/inbox"]);
}
