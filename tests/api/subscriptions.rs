//! Live subscriptions over real websockets: the handshake's auth, protocol negotiation, ordered delivery of a running
//! cycle's transitions, resuming with `afterSeq`, commit-ordered delivery of concurrent writers,
//! two API processes fed by one worker, and metrics.

use sea_orm::TransactionTrait;
use serde_json::{Value, json};
use worker::events::{EventKind, NewEvent, append, committed_seq};

use crate::harness::{TestApp, free_port, http, wait_ready};
use crate::ws::WsClient;

const EVENTS: &str = "subscription($c: ID, $after: Int) { workflowEvents(cycleId: $c, afterSeq: $after) { seq kind status phase cycleId } }";
const TRANSITIONS: &str =
    "subscription($c: ID!) { phaseTransitions(cycleId: $c) { __typename seq kind status phase reportId } }";

async fn start_auto(app: &TestApp, token: &str, cycle: i64) {
    let body = app
        .gql(
            token,
            "mutation($c: ID!) { startWorkflow(cycleId: $c, input: {approvalMode: AUTO}) { id } }",
            json!({ "c": cycle.to_string() }),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
}

/// Waits until the server on `port` reports `count` active subscriptions.
async fn wait_subscribed_at(port: u16, count: u64) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while metric(&http(port, "GET", "/metrics", None, None).await.1, "synapse_active_subscriptions") < count {
        assert!(std::time::Instant::now() < deadline, "{count} subscriptions did not start on port {port}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

fn demo_cycle() -> &'static str {
    "SELECT min(id) FROM test_cycle"
}

/// Appends one event to the demo cycle in its own transaction; returns its sequence number.
async fn append_event(app: &TestApp, key: &str) -> i64 {
    let cycle = app.scalar(demo_cycle()).await;
    let txn = app.db.begin().await.expect("begin");
    assert!(append(&txn, event(cycle, key)).await.expect("append"), "a new event");
    txn.commit().await.expect("commit");
    committed_seq(&app.db, key).await.expect("read seq").expect("committed")
}

fn event(cycle: i64, key: &str) -> NewEvent {
    NewEvent {
        cycle_id: cycle,
        report_id: None,
        execution_id: None,
        phase: None,
        kind: EventKind::AlertRaised,
        status: "TEST".to_owned(),
        detail: json!({ "key": key }),
        key: key.to_owned(),
    }
}

#[tokio::test]
async fn the_handshake_refuses_bad_tokens_with_4403_and_early_subscribes_with_4401() {
    let app = TestApp::spawn().await;
    let port = app.serve().await;
    let mut client = WsClient::open(port).await;
    client.send(json!({ "type": "connection_init", "payload": { "Authorization": "Bearer nonsense" } })).await;
    assert_eq!(client.close_code().await, Some(4403));

    let mut client = WsClient::open(port).await;
    client.send(json!({ "type": "connection_init", "payload": {} })).await;
    assert_eq!(client.close_code().await, Some(4403), "no token");

    let mut client = WsClient::open(port).await;
    client.subscribe("1", EVENTS, json!({})).await;
    assert_eq!(client.close_code().await, Some(4401), "subscribe before connection_init");

    // A tester may not follow a cycle they do not take part in.
    app.exec("UPDATE cycle_report SET tester_id = NULL").await;
    let tester = app.login("tester").await;
    let mut client = WsClient::connect(port, &tester).await;
    let cycle = app.scalar(demo_cycle()).await;
    client.subscribe("1", EVENTS, json!({ "c": cycle.to_string() })).await;
    let answer = client.next_message().await.expect("an answer");
    let errors = if answer["type"] == "error" { &answer["payload"] } else { &answer["payload"]["errors"] };
    assert_eq!(errors[0]["extensions"]["code"], "NOT_FOUND", "{answer}");
}

#[tokio::test]
async fn the_legacy_protocol_is_served_and_a_socket_offering_no_graphql_protocol_is_refused() {
    let app = TestApp::spawn().await;
    app.wait_listening().await;
    let port = app.serve().await;
    assert!(WsClient::open_offering(port, "soap").await.is_err(), "no GraphQL protocol offered: refused");

    let manager = app.login("test-manager").await;
    let cycle = app.scalar(demo_cycle()).await.to_string();
    let mut client = WsClient::open_offering(port, "graphql-ws").await.expect("subscriptions-transport-ws accepted");
    client
        .send(json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {manager}") } }))
        .await;
    assert_eq!(client.next_message().await.expect("an answer to connection_init")["type"], "connection_ack");
    client
        .send(json!({ "id": "1", "type": "start", "payload": { "query": EVENTS, "variables": { "c": cycle } } }))
        .await;
    wait_subscribed_at(port, 1).await;
    let seq = append_event(&app, "legacy").await;
    let data = client.next_message().await.expect("the event");
    assert_eq!(data["type"], "data", "{data}");
    assert_eq!(data["payload"]["data"]["workflowEvents"]["seq"].as_i64(), Some(seq), "{data}");
}

#[tokio::test]
async fn a_running_cycles_phase_transitions_arrive_in_order() {
    let app = TestApp::spawn().await;
    app.start_worker();
    app.wait_listening().await;
    let port = app.serve().await;
    let manager = app.login("test-manager").await;
    let cycle = app.demo_cycle_with_only("FR Y-9C").await;
    let mut client = WsClient::connect(port, &manager).await;
    client.subscribe("t", TRANSITIONS, json!({ "c": cycle.to_string() })).await;
    app.wait_subscribed(1).await;
    start_auto(&app, &manager, cycle).await;
    let mut received = Vec::new();
    while received.len() < 16 {
        let data = client.next_data("t").await;
        received.push(data["phaseTransitions"].clone());
    }
    let seqs: Vec<i64> = received.iter().map(|e| e["seq"].as_i64().expect("seq")).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "in order: {seqs:?}");
    let stored = app
        .db_strings(&format!(
            "SELECT seq::text FROM workflow_event WHERE cycle_id = {cycle} AND kind IN ('PHASE_STARTED', 'PHASE_COMPLETED') ORDER BY workflow_event.seq"
        ))
        .await;
    let stored: Vec<i64> = stored.iter().map(|s| s.parse().expect("seq")).collect();
    assert_eq!(seqs, stored, "exactly the stored transitions");
    assert_eq!(received[0]["__typename"], "PhaseTransitionEvent", "API.md's name for it");
    assert_eq!(received[0]["kind"], "PHASE_STARTED");
    assert_eq!(received[0]["phase"], "PLANNING");
    assert_eq!(received[15]["phase"], "FINALIZE_TEST_REPORT");
    assert_eq!(received[15]["kind"], "PHASE_COMPLETED");
}

#[tokio::test]
async fn resuming_with_after_seq_yields_exactly_the_missed_events_then_live_ones() {
    let app = TestApp::spawn().await;
    app.wait_listening().await;
    let port = app.serve().await;
    let manager = app.login("test-manager").await;
    let cycle = app.scalar(demo_cycle()).await.to_string();

    let mut client = WsClient::connect(port, &manager).await;
    client.subscribe("e", EVENTS, json!({ "c": cycle, "after": 0 })).await;
    let mut seen = Vec::new();
    for n in 0..3 {
        append_event(&app, &format!("before-{n}")).await;
        seen.push(client.next_data("e").await["workflowEvents"]["seq"].as_i64().expect("seq"));
    }
    client.close().await;

    let mut missed = Vec::new();
    for n in 0..4 {
        missed.push(append_event(&app, &format!("missed-{n}")).await);
    }
    let mut client = WsClient::connect(port, &manager).await;
    client.subscribe("e", EVENTS, json!({ "c": cycle, "after": seen[2] })).await;
    let mut resumed = Vec::new();
    for _ in 0..4 {
        resumed.push(client.next_data("e").await["workflowEvents"]["seq"].as_i64().expect("seq"));
    }
    assert_eq!(resumed, missed, "exactly the missed events, in order");
    let live = append_event(&app, "live").await;
    assert_eq!(client.next_data("e").await["workflowEvents"]["seq"].as_i64(), Some(live), "then live, no duplicate");
}

#[tokio::test]
async fn concurrent_writers_are_delivered_gap_free_in_commit_order() {
    let app = TestApp::spawn().await;
    app.wait_listening().await;
    let port = app.serve().await;
    let manager = app.login("test-manager").await;
    let cycle = app.scalar(demo_cycle()).await;
    let mut client = WsClient::connect(port, &manager).await;
    client.subscribe("e", EVENTS, json!({ "c": cycle.to_string() })).await;
    app.wait_subscribed(1).await;

    // The first writer appends and keeps its transaction open; the second appends after it but
    // commits first. Numbers follow commits, not inserts, and nobody waits for an open writer.
    let first = app.db.begin().await.expect("begin");
    assert!(append(&first, event(cycle, "slow")).await.expect("append"));
    let second = app.db.begin().await.expect("begin");
    assert!(append(&second, event(cycle, "fast")).await.expect("append"));
    tokio::time::timeout(std::time::Duration::from_secs(5), second.commit())
        .await
        .expect("the second writer does not wait for the first")
        .expect("commit");
    first.commit().await.expect("commit");
    let fast = committed_seq(&app.db, "fast").await.expect("seq").expect("committed");
    let slow = committed_seq(&app.db, "slow").await.expect("seq").expect("committed");
    assert_eq!(slow, fast + 1, "the later commit gets the next number");

    // And many writers at once.
    let writers: Vec<_> = (0..20)
        .map(|n| {
            let db = app.db.clone();
            tokio::spawn(async move {
                let txn = db.begin().await.expect("begin");
                append(&txn, event(cycle, &format!("many-{n}"))).await.expect("append");
                tokio::time::sleep(std::time::Duration::from_millis((n * 7) % 30)).await;
                txn.commit().await.expect("commit");
            })
        })
        .collect();
    for writer in writers {
        writer.await.expect("writer");
    }
    let mut seqs = Vec::new();
    for _ in 0..22 {
        seqs.push(client.next_data("e").await["workflowEvents"]["seq"].as_i64().expect("seq"));
    }
    assert_eq!(&seqs[..2], &[fast, slow], "delivered in commit order");
    assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1), "gap-free and ordered: {seqs:?}");
}

#[tokio::test]
async fn two_api_processes_both_deliver_the_events_one_worker_writes() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let cycle = app.demo_cycle_with_only("FR Y-9C").await;
    let ports = [free_port(), free_port()];
    let _servers: Vec<_> =
        ports.iter().map(|port| app.spawn_binary(&["serve"], &[("BIND_ADDR", format!("127.0.0.1:{port}"))])).collect();
    for port in ports {
        wait_ready(port, 60).await;
    }
    let manager = app.login("test-manager").await;
    let mut clients = Vec::new();
    for port in ports {
        let mut client = WsClient::connect(port, &manager).await;
        client.subscribe("t", TRANSITIONS, json!({ "c": cycle.to_string() })).await;
        clients.push(client);
    }
    for port in ports {
        wait_subscribed_at(port, 1).await;
    }
    start_auto(&app, &manager, cycle).await;
    let mut per_server = Vec::new();
    for client in &mut clients {
        let mut seqs = Vec::new();
        while seqs.len() < 16 {
            seqs.push(client.next_data("t").await["phaseTransitions"]["seq"].as_i64().expect("seq"));
        }
        per_server.push(seqs);
    }
    assert_eq!(per_server[0], per_server[1], "both processes delivered the same events");
    let (status, metrics) = http(ports[0], "GET", "/metrics", None, None).await;
    assert_eq!(status, 200);
    assert!(metrics.contains("synapse_listener_up 1"), "{metrics}");
    assert!(metrics.contains("synapse_active_subscriptions 1"), "{metrics}");
    let delivered: u64 = metric(&metrics, "synapse_events_delivered_total");
    assert!(delivered >= 16, "{metrics}");
    let (_, ready) = http(ports[1], "GET", "/readyz", None, None).await;
    let ready: Value = serde_json::from_str(&ready).expect("json");
    assert_eq!(ready["listener"], "listening");
}

fn metric(text: &str, name: &str) -> u64 {
    text.lines()
        .find_map(|line| line.strip_prefix(&format!("{name} ")))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_default()
}
