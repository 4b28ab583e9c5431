//! Assigning testers: who may, what is checked, and a running cycle's open tester step moving
//! to the newly assigned tester (live in both inboxes).

use serde_json::json;

use crate::fixtures::{cycle_with, start, wait_opened};
use crate::harness::{TestApp, error_code};

const ASSIGN: &str = "mutation($c: ID!, $r: ID!, $t: ID) {
    assignTester(cycleId: $c, reportId: $r, testerId: $t) { id tester { username } } }";

/// A second active tester, signing in with the demo password; returns their id.
async fn second_tester(app: &TestApp) -> i64 {
    app.exec(
        "INSERT INTO app_user (username, display_name, email, role, password_hash, active)
         SELECT 'tester-2', 'Tom Tester', 'tester-2@example.test', role, password_hash, true
         FROM app_user WHERE username = 'tester'",
    )
    .await;
    app.user_id("tester-2").await
}

#[tokio::test]
async fn only_managers_assign_active_testers_to_reports_of_their_cycles() {
    let app = TestApp::spawn().await;
    let manager = app.login("test-manager").await;
    let cycle = cycle_with(&app, &manager, "Assignments", &["FR Y-9C"]).await;
    let report = app.scalar("SELECT id FROM report WHERE report_number = 'FR Y-9C'").await.to_string();
    let other = second_tester(&app).await.to_string();
    let vars = |tester: &str| json!({ "c": cycle, "r": report, "t": tester });

    let tester = app.login("tester").await;
    assert_eq!(error_code(&app.gql(&tester, ASSIGN, vars(&other)).await), Some("FORBIDDEN"));
    let owner = app.user_id("report-owner").await.to_string();
    let body = app.gql(&manager, ASSIGN, vars(&owner)).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "a report owner is no tester: {body}");
    assert_eq!(error_code(&app.gql(&manager, ASSIGN, vars("x")).await), Some("BAD_USER_INPUT"));
    let elsewhere = app.scalar("SELECT id FROM report WHERE report_number = 'FFIEC 031'").await.to_string();
    let body = app.gql(&manager, ASSIGN, json!({ "c": cycle, "r": elsewhere, "t": other })).await;
    assert_eq!(error_code(&body), Some("NOT_FOUND"), "the report is not in the cycle: {body}");
    assert_eq!(
        app.db_strings(&format!(
            "SELECT u.username FROM cycle_report cr JOIN app_user u ON u.id = cr.tester_id WHERE cr.cycle_id = {cycle}"
        ))
        .await,
        vec!["tester"],
        "refused requests change nothing"
    );

    let body = app.gql(&manager, ASSIGN, vars(&other)).await;
    assert_eq!(body["data"]["assignTester"]["tester"]["username"], "tester-2", "{body}");
    let entry = "SELECT count(*) FROM audit_log WHERE action = 'TESTER_ASSIGNED' AND detail->>'testerId' IS NOT NULL";
    assert_eq!(app.scalar(entry).await, 2, "the fixture's assignment and this one are audited");
    // The newly assigned tester now sees the cycle; the former one no longer does.
    let see = "query($c: ID!) { cycle(id: $c) { id } }";
    let newly = app.login("tester-2").await;
    assert_eq!(app.gql(&newly, see, json!({ "c": cycle })).await["data"]["cycle"]["id"], cycle.as_str());
    assert!(app.gql(&tester, see, json!({ "c": cycle })).await["data"]["cycle"].is_null());

    let body = app.gql(&manager, ASSIGN, json!({ "c": cycle, "r": report, "t": null })).await;
    assert!(body["data"]["assignTester"]["tester"].is_null(), "unassigned: {body}");
    app.exec(&format!("UPDATE test_cycle SET status = 'COMPLETED' WHERE id = {cycle}")).await;
    assert_eq!(error_code(&app.gql(&manager, ASSIGN, vars(&other)).await), Some("CONFLICT"));
}

#[tokio::test]
async fn a_running_cycles_open_tester_step_moves_to_the_newly_assigned_tester() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let cycle = cycle_with(&app, &manager, "Hand-over", &["FR Y-9C"]).await;
    let report = app.scalar("SELECT id FROM report WHERE report_number = 'FR Y-9C'").await.to_string();
    let other = second_tester(&app).await;
    start(&app, &manager, &cycle, json!({ "approvalMode": "MANUAL" })).await;
    let open = |phase: &str| {
        format!("SELECT id FROM human_task WHERE cycle_id = {cycle} AND status = 'OPEN' AND phase = '{phase}'")
    };
    app.wait_until(&format!("SELECT count(*) FROM ({}) t", open("PLANNING")), 60).await;
    let owner = app.login("report-owner").await;
    let complete = "mutation($t: ID!) { completeTask(taskId: $t, input: {decision: APPROVE}) { id } }";
    let planning = app.scalar(&open("PLANNING")).await.to_string();
    assert!(app.gql(&owner, complete, json!({ "t": planning })).await["errors"].is_null());
    app.wait_until(&format!("SELECT count(*) FROM ({}) t", open("SCOPING")), 60).await;
    let review = app.scalar(&open("SCOPING")).await;
    wait_opened(&app, review).await;
    let after = app.scalar("SELECT COALESCE(max(seq), 0) FROM workflow_event").await;

    let body = app.gql(&manager, ASSIGN, json!({ "c": cycle, "r": report, "t": other.to_string() })).await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(app.scalar(&format!("SELECT assignee_id FROM human_task WHERE id = {review}")).await, other);
    // It leaves the former tester's inbox for the new one's; live inboxes hear of it as a
    // withdrawal addressed to the one and an opening addressed to the other.
    let heard = |username: &'static str| {
        let app = &app;
        async move {
            let token = app.login(username).await;
            let body = app.gql(&token, "{ tasks(open: true, mine: true) { edges { node { id } } } }", json!({})).await;
            body["data"]["tasks"]["edges"].as_array().map_or(0, Vec::len)
        }
    };
    assert_eq!(heard("tester").await, 0);
    assert_eq!(heard("tester-2").await, 1);
    let events = app
        .db_strings(&format!(
            "SELECT kind || ' ' || COALESCE(detail->>'assigneeId', 'role') FROM workflow_event
             WHERE seq > {after} AND detail->>'taskId' = '{review}' ORDER BY seq"
        ))
        .await;
    let former = app.user_id("tester").await;
    assert_eq!(events, vec![format!("TASK_CANCELLED {former}"), format!("TASK_OPENED {other}")]);

    // The new tester decides it; the run goes on to the report owner's approval of the scope.
    let token = app.login("tester-2").await;
    let body = app.gql(&token, complete, json!({ "t": review.to_string() })).await;
    assert!(body["errors"].is_null(), "{body}");
    app.wait_until(
        &format!(
            "SELECT count(*) FROM human_task WHERE cycle_id = {cycle} AND phase = 'SCOPING' AND kind = 'APPROVAL'"
        ),
        60,
    )
    .await;
}
