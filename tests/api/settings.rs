//! Workflow settings: reading a cycle's and the defaults, who may change which, what is checked
//! (all or nothing), retry policies, and a run starting under its cycle's settings.

use serde_json::{Value, json};

use crate::fixtures::{cycle_completed, cycle_with, start};
use crate::harness::{TestApp, error_code};

const READ: &str = "query($c: ID) { workflowSettings(cycleId: $c) { cycleId sampleSize rfiDueDays
    phases { phase compensation allowedCompensations slaHours slaWarningPercent maxReviewRounds overridden }
    retryPolicies { kind backoff maxAttempts initialIntervalMs backoffCoefficient maximumIntervalMs } } }";
const UPDATE: &str = "mutation($c: ID, $i: WorkflowSettingsInput!) { updateWorkflowSettings(cycleId: $c, input: $i) {
    sampleSize rfiDueDays phases { phase compensation slaHours maxReviewRounds overridden } } }";
const RETRY: &str = "mutation($k: ActivityKind!, $i: RetryPolicyInput!) { updateRetryPolicy(kind: $k, input: $i) {
    kind backoff maxAttempts initialIntervalMs backoffCoefficient maximumIntervalMs } }";

fn phase<'a>(settings: &'a Value, name: &str) -> &'a Value {
    settings["phases"].as_array().expect("phases").iter().find(|p| p["phase"] == name).expect("the phase")
}

#[tokio::test]
async fn the_defaults_follow_the_domain_and_only_managers_and_monitors_read_them() {
    let app = TestApp::spawn().await;
    let manager = app.login("test-manager").await;
    let body = app.gql(&manager, READ, json!({})).await;
    let settings = &body["data"]["workflowSettings"];
    assert!(settings["cycleId"].is_null(), "{body}");
    assert_eq!(settings["sampleSize"], 25);
    assert_eq!(settings["phases"].as_array().map(Vec::len), Some(8));
    assert_eq!(phase(settings, "SCOPING")["compensation"], "ROLLBACK");
    assert_eq!(phase(settings, "REQUEST_FOR_INFORMATION")["compensation"], "MANUAL_INTERVENTION");
    assert_eq!(phase(settings, "PLANNING")["allowedCompensations"], json!(["NOTIFY", "SKIP", "MANUAL_INTERVENTION"]));
    let kinds: Vec<String> = settings["retryPolicies"]
        .as_array()
        .expect("policies")
        .iter()
        .map(|p| format!("{} {}", p["kind"].as_str().unwrap_or("?"), p["backoff"].as_str().unwrap_or("?")))
        .collect();
    assert_eq!(kinds, ["LLM EXPONENTIAL", "DATABASE LINEAR", "EMAIL FIXED"]);
    let tester = app.login("tester").await;
    assert_eq!(error_code(&app.gql(&tester, READ, json!({})).await), Some("FORBIDDEN"));
    // A cycle's settings are read by whoever sees the cycle.
    let cycle = cycle_with(&app, &manager, "Readable", &["FR Y-9C"]).await;
    let body = app.gql(&tester, READ, json!({ "c": cycle })).await;
    assert_eq!(body["data"]["workflowSettings"]["cycleId"], cycle.as_str(), "{body}");
    let owner = app.login("data-owner-treasury-2").await;
    assert_eq!(error_code(&app.gql(&owner, READ, json!({ "c": cycle })).await), Some("NOT_FOUND"));
}

#[tokio::test]
async fn managers_change_their_cycles_settings_all_or_nothing_and_admins_the_defaults() {
    let app = TestApp::spawn().await;
    let manager = app.login("test-manager").await;
    let cycle = cycle_with(&app, &manager, "Tuned", &["FR Y-9C"]).await;
    let other = cycle_with(&app, &manager, "Untouched", &["FR Y-9C"]).await;
    let change = json!({ "sampleSize": 5, "rfiDueDays": 3, "phases": [
        { "phase": "SCOPING", "slaHours": 24, "maxReviewRounds": 2 },
        { "phase": "PLANNING", "compensation": "MANUAL_INTERVENTION" } ] });
    let body = app.gql(&manager, UPDATE, json!({ "c": cycle, "i": change })).await;
    let settings = &body["data"]["updateWorkflowSettings"];
    assert_eq!(settings["sampleSize"], 5, "{body}");
    assert_eq!(settings["rfiDueDays"], 3);
    assert_eq!(phase(settings, "SCOPING")["slaHours"], 24);
    assert_eq!(phase(settings, "SCOPING")["maxReviewRounds"], 2);
    assert_eq!(phase(settings, "SCOPING")["compensation"], "ROLLBACK", "what is left out stays");
    assert_eq!(phase(settings, "SCOPING")["overridden"], true);
    assert_eq!(phase(settings, "PLANNING")["compensation"], "MANUAL_INTERVENTION");
    assert_eq!(phase(settings, "TEST_EXECUTION")["overridden"], false);
    let untouched = app.gql(&manager, READ, json!({ "c": other })).await;
    assert_eq!(phase(&untouched["data"]["workflowSettings"], "SCOPING")["slaHours"], 72, "{untouched}");

    let refused = [
        json!({ "sampleSize": 4, "phases": [{ "phase": "PLANNING", "compensation": "ROLLBACK" }] }),
        json!({ "phases": [{ "phase": "SCOPING", "slaHours": 1 }, { "phase": "SCOPING", "slaHours": 2 }] }),
        json!({ "sampleSize": 0 }),
        json!({ "rfiDueDays": 91 }),
        json!({ "phases": [{ "phase": "SCOPING", "maxReviewRounds": 11 }] }),
        json!({ "phases": [{ "phase": "SCOPING", "slaWarningPercent": 100 }] }),
    ];
    for input in refused {
        let body = app.gql(&manager, UPDATE, json!({ "c": cycle, "i": input })).await;
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{input}: {body}");
    }
    let body = app.gql(&manager, READ, json!({ "c": cycle })).await;
    assert_eq!(body["data"]["workflowSettings"]["sampleSize"], 5, "a refused change stores nothing: {body}");

    let tester = app.login("tester").await;
    let body = app.gql(&tester, UPDATE, json!({ "c": cycle, "i": { "sampleSize": 9 } })).await;
    assert_eq!(error_code(&body), Some("FORBIDDEN"));
    let defaults = json!({ "phases": [{ "phase": "PLANNING", "slaHours": 12 }] });
    assert_eq!(error_code(&app.gql(&manager, UPDATE, json!({ "i": defaults })).await), Some("FORBIDDEN"));
    let admin = app.login("admin").await;
    let body = app.gql(&admin, UPDATE, json!({ "i": { "sampleSize": 9 } })).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "the sample size is set per cycle: {body}");
    let body = app.gql(&admin, UPDATE, json!({ "i": defaults })).await;
    assert_eq!(phase(&body["data"]["updateWorkflowSettings"], "PLANNING")["slaHours"], 12, "{body}");
    let body = app.gql(&manager, READ, json!({ "c": other })).await;
    assert_eq!(phase(&body["data"]["workflowSettings"], "PLANNING")["slaHours"], 12, "cycles take the defaults");
    assert_eq!(app.scalar("SELECT count(*) FROM audit_log WHERE action = 'WORKFLOW_SETTINGS_CHANGED'").await, 2);

    app.exec(&format!("UPDATE test_cycle SET status = 'CANCELLED' WHERE id = {cycle}")).await;
    let body = app.gql(&manager, UPDATE, json!({ "c": cycle, "i": { "sampleSize": 6 } })).await;
    assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
}

#[tokio::test]
async fn admins_tune_retry_policies_within_their_kinds_backoff() {
    let app = TestApp::spawn().await;
    let admin = app.login("admin").await;
    let body =
        app.gql(&admin, RETRY, json!({ "k": "DATABASE", "i": { "maxAttempts": 5, "initialIntervalMs": 200 } })).await;
    let policy = &body["data"]["updateRetryPolicy"];
    assert_eq!(policy["maxAttempts"], 5, "{body}");
    assert_eq!(policy["initialIntervalMs"], 200);
    assert_eq!(policy["backoff"], "LINEAR");
    let body = app.gql(&admin, RETRY, json!({ "k": "LLM", "i": { "backoffCoefficient": 3.0 } })).await;
    assert_eq!(body["data"]["updateRetryPolicy"]["backoffCoefficient"], 3.0, "{body}");
    for (kind, input) in [
        ("DATABASE", json!({ "backoffCoefficient": 2.0 })),
        ("LLM", json!({ "backoffCoefficient": 0.5 })),
        ("EMAIL", json!({ "maxAttempts": 0 })),
        ("EMAIL", json!({ "initialIntervalMs": 5000, "maximumIntervalMs": 1000 })),
    ] {
        let body = app.gql(&admin, RETRY, json!({ "k": kind, "i": input })).await;
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{kind} {input}: {body}");
    }
    let manager = app.login("test-manager").await;
    let body = app.gql(&manager, RETRY, json!({ "k": "EMAIL", "i": { "maxAttempts": 2 } })).await;
    assert_eq!(error_code(&body), Some("FORBIDDEN"));
    assert_eq!(app.scalar("SELECT max_attempts::int8 FROM retry_policy WHERE activity_kind = 'EMAIL'").await, 3);
    let body = app.gql(&manager, READ, json!({})).await;
    let database = &body["data"]["workflowSettings"]["retryPolicies"][1];
    assert_eq!(database["maxAttempts"], 5, "{body}");
}

#[tokio::test]
async fn a_run_starts_under_its_cycles_sample_size_and_due_days() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let cycle = cycle_with(&app, &manager, "Small sample", &["FR Y-9C"]).await;
    let body = app.gql(&manager, UPDATE, json!({ "c": cycle, "i": { "sampleSize": 5, "rfiDueDays": 3 } })).await;
    assert!(body["errors"].is_null(), "{body}");
    start(&app, &manager, &cycle, json!({ "approvalMode": "AUTO" })).await;
    app.wait_until(&cycle_completed(&cycle), 120).await;
    let link = format!("(SELECT id FROM cycle_report WHERE cycle_id = {cycle})");
    assert_eq!(app.scalar(&format!("SELECT count(*) FROM sample WHERE cycle_report_id IN {link}")).await, 5);
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM information_request WHERE cycle_report_id IN {link}
               AND due_at - sent_at BETWEEN interval '71 hours' AND interval '73 hours'"
        ))
        .await,
        app.scalar(&format!("SELECT count(*) FROM information_request WHERE cycle_report_id IN {link}")).await
    );
}
