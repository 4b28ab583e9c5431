//! The live inbox (`taskEvents`) over real websockets, fed by a real MANUAL run: the person a
//! task is addressed to sees it open and be withdrawn, nobody else sees it, and resuming from the
//! start gives the same events from the table.

use sea_orm::TransactionTrait;
use serde_json::{Value, json};
use worker::events::{EventKind, NewEvent, append};

use crate::fixtures::first_manual_task;
use crate::harness::{TestApp, error_code};
use crate::workflow_steering::one_report_cycle;
use crate::ws::WsClient;

const INBOX: &str = "subscription($after: Int) { taskEvents(afterSeq: $after) { seq kind status detail } }";
const PEOPLE: [&str; 7] =
    ["admin", "test-manager", "tester", "report-owner", "report-owner-executive", "data-executive", "data-owner"];

async fn next_task_event(client: &mut WsClient) -> Value {
    client.next_data("inbox").await["taskEvents"].clone()
}

#[tokio::test]
async fn each_person_sees_the_tasks_addressed_to_them_open_and_be_withdrawn_and_nobody_else_does() {
    let app = TestApp::spawn().await;
    app.start_worker();
    app.wait_listening().await;
    let port = app.serve().await;
    let manager = app.login("test-manager").await;
    let cycle = one_report_cycle(&app, &manager).await;

    let mut inboxes = Vec::new();
    for person in PEOPLE {
        let mut client = WsClient::connect(port, &app.login(person).await).await;
        client.subscribe("inbox", INBOX, json!({})).await;
        inboxes.push(client);
    }
    app.wait_subscribed(PEOPLE.len() as i64).await;
    let task = first_manual_task(&app, &manager, &cycle).await;
    // The one person it is addressed to: the named assignee, else the demo user holding the role.
    let addressee = app
        .db_strings(&format!(
            "SELECT u.username FROM human_task t JOIN app_user u
                 ON u.id = t.assignee_id OR (t.assignee_id IS NULL AND u.role::text = t.assignee_role)
             WHERE t.id = {task} ORDER BY u.id LIMIT 1"
        ))
        .await
        .remove(0);
    let addressed = PEOPLE.iter().position(|p| *p == addressee).expect("a demo user is addressed");

    let opened = next_task_event(&mut inboxes[addressed]).await;
    assert_eq!(opened["kind"], "TASK_OPENED", "{opened}");
    assert_eq!(opened["detail"]["taskId"], task, "{opened}");

    let parent = app
        .scalar(&format!("SELECT id FROM workflow_execution WHERE cycle_id = {cycle} AND parent_execution_id IS NULL"))
        .await;
    let cancel = "mutation($e: ID!) { cancelWorkflow(executionId: $e, reason: \"Scope changed\") { id } }";
    let body = app.gql(&manager, cancel, json!({ "e": parent.to_string() })).await;
    assert!(error_code(&body).is_none(), "{body}");
    let withdrawn = next_task_event(&mut inboxes[addressed]).await;
    assert_eq!((&withdrawn["kind"], &withdrawn["status"]), (&json!("TASK_CANCELLED"), &json!("CANCELLED")));
    assert_eq!(withdrawn["detail"]["taskId"], task, "{withdrawn}");

    // Nobody else saw any of it: the first event each of them gets is one addressed to them alone.
    for (n, person) in PEOPLE.iter().enumerate().filter(|(n, _)| *n != addressed) {
        let key = format!("inbox-check-{person}");
        let txn = app.db.begin().await.expect("begin");
        let detail =
            json!({ "taskId": 0, "assigneeId": app.user_id(person).await, "assigneeRole": "NOBODY", "check": key });
        let event = NewEvent {
            cycle_id: cycle.parse().expect("cycle id"),
            report_id: None,
            execution_id: None,
            phase: None,
            kind: EventKind::TaskOpened,
            status: "OPEN".to_owned(),
            detail,
            key: key.clone(),
        };
        append(&txn, event).await.expect("append");
        txn.commit().await.expect("commit");
        let first = next_task_event(&mut inboxes[n]).await;
        assert_eq!(first["detail"]["check"], key, "{person} saw an event not addressed to them: {first}");
    }

    // Resuming from the start replays the addressee's events from the table, in order.
    let mut resumed = WsClient::connect(port, &app.login(&addressee).await).await;
    resumed.subscribe("inbox", INBOX, json!({ "after": 0 })).await;
    assert_eq!(next_task_event(&mut resumed).await, opened);
    assert_eq!(next_task_event(&mut resumed).await, withdrawn);
}

#[tokio::test]
async fn the_report_owner_executive_sees_observation_approvals_they_may_decide_live_and_in_the_inbox() {
    let app = TestApp::spawn().await;
    app.wait_listening().await;
    let port = app.serve().await;
    let cycle = app.scalar("SELECT min(id) FROM test_cycle").await;
    let owner = app.user_id("report-owner").await;
    app.exec(&format!(
        "INSERT INTO human_task (task_key, cycle_id, phase, kind, title, assignee_role, assignee_id)
         VALUES ('observations-check', {cycle}, 'OBSERVATION_MANAGEMENT', 'APPROVAL', 'Approve the observations',
                 'REPORT_OWNER', {owner})"
    ))
    .await;
    let task = app.scalar("SELECT id FROM human_task WHERE task_key = 'observations-check'").await;

    let mut executive = WsClient::connect(port, &app.login("report-owner-executive").await).await;
    executive.subscribe("inbox", INBOX, json!({})).await;
    let mut tester = WsClient::connect(port, &app.login("tester").await).await;
    tester.subscribe("inbox", INBOX, json!({})).await;
    app.wait_subscribed(2).await;
    let txn = app.db.begin().await.expect("begin");
    let event = NewEvent {
        cycle_id: cycle,
        report_id: None,
        execution_id: None,
        phase: Some(entity::enums::Phase::ObservationManagement),
        kind: EventKind::TaskOpened,
        status: "OPEN".to_owned(),
        detail: json!({ "taskId": task, "kind": "APPROVAL", "assigneeRole": "REPORT_OWNER", "assigneeId": owner }),
        key: "observations-check:opened".to_owned(),
    };
    append(&txn, event).await.expect("append");
    txn.commit().await.expect("commit");
    let seen = next_task_event(&mut executive).await;
    assert_eq!(seen["detail"]["taskId"], task, "the executive may override severity on it: {seen}");

    // The tester's first event is one addressed to them alone: the approval did not reach them.
    let txn = app.db.begin().await.expect("begin");
    let check = NewEvent {
        cycle_id: cycle,
        report_id: None,
        execution_id: None,
        phase: None,
        kind: EventKind::TaskOpened,
        status: "OPEN".to_owned(),
        detail: json!({ "taskId": 0, "assigneeId": app.user_id("tester").await, "check": "tester" }),
        key: "observations-check:tester".to_owned(),
    };
    append(&txn, check).await.expect("append");
    txn.commit().await.expect("commit");
    assert_eq!(next_task_event(&mut tester).await["detail"]["check"], "tester");

    // From the table too, and in the inbox list.
    let mut resumed = WsClient::connect(port, &app.login("report-owner-executive").await).await;
    resumed.subscribe("inbox", INBOX, json!({ "after": 0 })).await;
    assert_eq!(next_task_event(&mut resumed).await, seen);
    let list = "{ tasks(open: true, mine: true) { nodes { id } } }";
    let token = app.login("report-owner-executive").await;
    let body = app.gql(&token, list, json!({})).await;
    assert_eq!(body["data"]["tasks"]["nodes"], json!([{ "id": task.to_string() }]), "{body}");
    let token = app.login("tester").await;
    let body = app.gql(&token, list, json!({})).await;
    assert_eq!(body["data"]["tasks"]["nodes"], json!([]), "{body}");
}
