//! PostgreSQL restarting under a running cycle: connected subscribers lose nothing, and when the
//! database stays away, open streams end with an error instead of going silently stale.
//!
//! Restarting the server disturbs every other test, so this one is ignored in the parallel run
//! and run on its own by `run_all_tests.sh`.

use std::process::Command;
use std::sync::atomic::Ordering;
use std::time::Duration;

use serde_json::json;

use crate::harness::TestApp;
use crate::ws::WsClient;

fn pg_ctl(action: &str) {
    let version = std::fs::read_dir("/etc/postgresql")
        .expect("a local PostgreSQL cluster")
        .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
        .max()
        .expect("a version");
    let status = Command::new("pg_ctlcluster")
        .args(["--skip-systemctl-redirect", &version, "main", action, "--", "-m", "fast"])
        .status()
        .expect("pg_ctlcluster runs");
    assert!(status.success(), "pg_ctlcluster {action}");
}

#[tokio::test]
#[ignore = "restarts PostgreSQL; run alone (run_all_tests.sh does)"]
async fn postgres_restart_loses_nothing_for_connected_subscribers() {
    let app = TestApp::spawn().await;
    app.start_worker();
    app.wait_listening().await;
    let port = app.serve().await;
    let manager = app.login("test-manager").await;
    let cycle = app.demo_cycle_with_only("FR Y-9C").await;
    let mut client = WsClient::connect(port, &manager).await;
    client
        .subscribe(
            "e",
            "subscription($c: ID) { workflowEvents(cycleId: $c) { seq kind reportId } }",
            json!({ "c": cycle.to_string() }),
        )
        .await;
    app.wait_subscribed(1).await;
    let body = app
        .gql(
            &manager,
            "mutation($c: ID!, $i: StartWorkflowInput) { startWorkflow(cycleId: $c, input: $i) { id } }",
            json!({ "c": cycle.to_string(), "i": { "approvalMode": "AUTO",
                    "faults": [{ "phase": "TEST_EXECUTION", "failingAttempts": 0, "delayMs": 3000 }] } }),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
    app.wait_until(&format!("SELECT count(*) FROM workflow_event WHERE cycle_id = {cycle} AND kind = 'PHASE_STARTED' AND phase = 'TEST_EXECUTION'"), 120).await;
    pg_ctl("restart");

    let mut seqs = Vec::new();
    loop {
        let event = client.next_data("e").await["workflowEvents"].clone();
        seqs.push(event["seq"].as_i64().expect("seq"));
        if event["kind"] == "WORKFLOW_COMPLETED" && event["reportId"].is_null() {
            break;
        }
    }
    let stored = app
        .db_strings(&format!(
            "SELECT seq::text FROM workflow_event WHERE cycle_id = {cycle} ORDER BY workflow_event.seq"
        ))
        .await;
    let stored: Vec<i64> = stored.iter().map(|s| s.parse().expect("seq")).collect();
    assert_eq!(seqs, stored, "every event of the cycle, in order, across the restart");
    assert!(app.hub.metrics().listener_reconnects.load(Ordering::Relaxed) >= 1);

    // A database that stays away ends open streams with an error.
    pg_ctl("stop");
    let ended = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            match client.next_message().await {
                Some(message) if message["type"] == "next" && !message["payload"]["errors"].is_null() => {
                    return message;
                }
                Some(message) if message["type"] == "error" => return message,
                Some(_) => {}
                None => panic!("the socket closed without saying why"),
            }
        }
    })
    .await;
    pg_ctl("start");
    let message = ended.expect("the stream ended with an error in time");
    assert!(message.to_string().contains("UNAVAILABLE"), "{message}");
}
