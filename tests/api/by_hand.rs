//! Cycles advanced by hand, without Temporal: phase by phase to complete, audited and heard by
//! dashboards, and kept apart from cycles that run as workflows.

use serde_json::json;

use crate::fixtures::{cycle_with, start};
use crate::harness::{TestApp, error_code};

const ADVANCE: &str = "mutation($c: ID!, $r: ID!, $n: String) {
    advanceReportByHand(cycleId: $c, reportId: $r, note: $n) { status currentPhase } }";

#[tokio::test]
async fn a_manager_moves_each_report_through_the_eight_phases_and_the_cycle_completes() {
    let app = TestApp::spawn().await;
    let manager = app.login("test-manager").await;
    let cycle = cycle_with(&app, &manager, "By hand", &["FR Y-9C", "FFIEC 031"]).await;
    let first = app.scalar("SELECT id FROM report WHERE report_number = 'FR Y-9C'").await.to_string();
    let second = app.scalar("SELECT id FROM report WHERE report_number = 'FFIEC 031'").await.to_string();
    let advance = |report: &str, note: Option<&str>| json!({ "c": cycle, "r": report, "n": note });

    let tester = app.login("tester").await;
    assert_eq!(error_code(&app.gql(&tester, ADVANCE, advance(&first, None)).await), Some("FORBIDDEN"));
    let long = "x".repeat(2001);
    assert_eq!(error_code(&app.gql(&manager, ADVANCE, advance(&first, Some(&long))).await), Some("BAD_USER_INPUT"));

    let body = app.gql(&manager, ADVANCE, advance(&first, Some("Kick-off held"))).await;
    assert_eq!(body["data"]["advanceReportByHand"], json!({ "status": "IN_PROGRESS", "currentPhase": "PLANNING" }));
    assert_eq!(app.db_strings(&format!("SELECT status FROM test_cycle WHERE id = {cycle}")).await, ["ACTIVE"]);
    let mut phases = vec!["PLANNING".to_owned()];
    for _ in 0..7 {
        let body = app.gql(&manager, ADVANCE, advance(&first, None)).await;
        phases.push(body["data"]["advanceReportByHand"]["currentPhase"].as_str().expect("a phase").to_owned());
    }
    assert_eq!(
        phases,
        [
            "PLANNING",
            "SCOPING",
            "SAMPLE_SELECTION",
            "DATA_OWNER_IDENTIFICATION",
            "REQUEST_FOR_INFORMATION",
            "TEST_EXECUTION",
            "OBSERVATION_MANAGEMENT",
            "FINALIZE_TEST_REPORT"
        ]
    );
    let body = app.gql(&manager, ADVANCE, advance(&first, None)).await;
    assert_eq!(body["data"]["advanceReportByHand"]["status"], "COMPLETE", "{body}");
    assert_eq!(error_code(&app.gql(&manager, ADVANCE, advance(&first, None)).await), Some("CONFLICT"));
    assert_eq!(app.db_strings(&format!("SELECT status FROM test_cycle WHERE id = {cycle}")).await, ["ACTIVE"]);

    for _ in 0..9 {
        let body = app.gql(&manager, ADVANCE, advance(&second, None)).await;
        assert!(body["errors"].is_null(), "{body}");
    }
    assert_eq!(app.db_strings(&format!("SELECT status FROM test_cycle WHERE id = {cycle}")).await, ["COMPLETED"]);
    assert_eq!(error_code(&app.gql(&manager, ADVANCE, advance(&second, None)).await), Some("CONFLICT"));

    // Every move is audited, and dashboards heard each phase start and end.
    assert_eq!(app.scalar("SELECT count(*) FROM audit_log WHERE action = 'REPORT_ADVANCED_BY_HAND'").await, 18);
    assert_eq!(
        app.scalar(
            "SELECT count(*) FROM audit_log WHERE action = 'REPORT_ADVANCED_BY_HAND' AND reason = 'Kick-off held'"
        )
        .await,
        1
    );
    let events = format!("SELECT count(*) FROM workflow_event WHERE cycle_id = {cycle} AND detail->>'byHand' = 'true'");
    assert_eq!(app.scalar(&format!("{events} AND kind = 'PHASE_STARTED'")).await, 16);
    assert_eq!(app.scalar(&format!("{events} AND kind = 'PHASE_COMPLETED'")).await, 16);
}

#[tokio::test]
async fn a_cycle_moves_by_hand_or_as_a_workflow_never_both() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let by_hand = cycle_with(&app, &manager, "By hand", &["FR Y-9C"]).await;
    let report = app.scalar("SELECT id FROM report WHERE report_number = 'FR Y-9C'").await.to_string();
    let body = app.gql(&manager, ADVANCE, json!({ "c": by_hand, "r": report })).await;
    assert!(body["errors"].is_null(), "{body}");
    let body = app
        .gql(
            &manager,
            "mutation($c: ID!) { startWorkflow(cycleId: $c, input: {approvalMode: AUTO}) { id } }",
            json!({ "c": by_hand }),
        )
        .await;
    assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM workflow_execution WHERE cycle_id = {by_hand}")).await, 0);

    let workflow = cycle_with(&app, &manager, "As a workflow", &["FR Y-9C"]).await;
    start(&app, &manager, &workflow, json!({ "approvalMode": "MANUAL" })).await;
    let body = app.gql(&manager, ADVANCE, json!({ "c": workflow, "r": report })).await;
    assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
}
