//! Workflow alerts on the monitoring dashboard: a failed run's alerts listed for monitoring roles
//! only, filtered by cycle and openness, and acknowledged once.

use serde_json::json;

use crate::harness::{TestApp, error_code};
use crate::workflow_steering::run_with_fault;

const ALERTS: &str = "query($o: Boolean, $c: ID) { workflowAlerts(open: $o, cycleId: $c) { totalCount
    edges { node { id alertType severity message execution { id } acknowledgedBy { username } acknowledgedAt } } } }";
const ACK: &str =
    "mutation($a: ID!) { acknowledgeAlert(alertId: $a) { id acknowledgedBy { username } acknowledgedAt } }";

#[tokio::test]
async fn a_compensated_phase_raises_an_alert_that_monitors_list_and_acknowledge_once() {
    let app = TestApp::spawn().await;
    let cycle = run_with_fault(&app, json!({ "phase": "OBSERVATION_MANAGEMENT", "failingAttempts": 99 })).await;
    app.wait_until("SELECT count(*) FROM workflow_alert WHERE alert_type = 'COMPENSATION'", 120).await;
    let manager = app.login("test-manager").await;

    let body = app.gql(&manager, ALERTS, json!({ "o": true, "c": cycle })).await;
    let edges = body["data"]["workflowAlerts"]["edges"].as_array().cloned().unwrap_or_default();
    let compensation = edges
        .iter()
        .map(|e| &e["node"])
        .find(|n| n["alertType"] == "COMPENSATION")
        .unwrap_or_else(|| panic!("the compensation's alert: {body}"))
        .clone();
    assert_eq!(compensation["severity"], "WARNING");
    assert!(compensation["execution"]["id"].is_string(), "{compensation}");
    assert!(compensation["acknowledgedAt"].is_null());
    let body = app.gql(&manager, ALERTS, json!({ "c": "999999" })).await;
    assert_eq!(body["data"]["workflowAlerts"]["totalCount"], 0, "another cycle's alerts only: {body}");

    let tester = app.login("tester").await;
    assert_eq!(error_code(&app.gql(&tester, ALERTS, json!({})).await), Some("FORBIDDEN"));
    let alert = compensation["id"].as_str().expect("id").to_owned();
    assert_eq!(error_code(&app.gql(&tester, ACK, json!({ "a": alert })).await), Some("FORBIDDEN"));

    let executive = app.login("report-owner-executive").await;
    let body = app.gql(&executive, ACK, json!({ "a": alert })).await;
    assert_eq!(body["data"]["acknowledgeAlert"]["acknowledgedBy"]["username"], "report-owner-executive", "{body}");
    assert_eq!(error_code(&app.gql(&manager, ACK, json!({ "a": alert })).await), Some("CONFLICT"));
    assert_eq!(error_code(&app.gql(&manager, ACK, json!({ "a": "999999" })).await), Some("NOT_FOUND"));
    let body = app.gql(&manager, ALERTS, json!({ "o": true, "c": cycle })).await;
    let still_open: Vec<&str> = body["data"]["workflowAlerts"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .filter_map(|e| e["node"]["id"].as_str())
        .collect();
    assert!(!still_open.contains(&alert.as_str()), "an acknowledged alert leaves the open list: {body}");
    assert_eq!(app.scalar("SELECT count(*) FROM audit_log WHERE action = 'ALERT_ACKNOWLEDGED'").await, 1);
}
