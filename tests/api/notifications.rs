//! In-app notifications: each person reads and marks only their own, and a MANUAL run's task
//! reaches its assignee's list with a link into the inbox.

use serde_json::json;

use crate::fixtures::first_manual_task;
use crate::harness::{TestApp, error_code};
use crate::workflow_steering::one_report_cycle;

const LIST: &str = "query($u: Boolean) { unreadNotificationCount
    notifications(unread: $u) { totalCount edges { node { id kind subject body link readAt } } } }";
const MARK: &str = "mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }";

async fn notify(app: &TestApp, username: &str, subject: &str) -> i64 {
    app.exec(&format!(
        "INSERT INTO notification (user_id, kind, subject, body, link)
         SELECT id, 'SLA', '{subject}', 'body of {subject}', '/inbox' FROM app_user WHERE username = '{username}'"
    ))
    .await;
    app.scalar("SELECT max(id) FROM notification").await
}

#[tokio::test]
async fn a_person_reads_and_marks_only_their_own_notifications() {
    let app = TestApp::spawn().await;
    let first = notify(&app, "report-owner", "first").await;
    notify(&app, "report-owner", "second").await;
    notify(&app, "report-owner", "third").await;
    let theirs = notify(&app, "tester", "for the tester").await;
    let owner = app.login("report-owner").await;

    let body = app.gql(&owner, LIST, json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(body["data"]["unreadNotificationCount"], 3);
    let subjects: Vec<&str> = body["data"]["notifications"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| e["node"]["subject"].as_str().expect("subject"))
        .collect();
    assert_eq!(subjects, ["third", "second", "first"], "newest first, and only their own");
    assert_eq!(body["data"]["notifications"]["edges"][0]["node"]["link"], "/inbox");

    let body = app.gql(&owner, MARK, json!({ "ids": [first.to_string(), theirs.to_string()] })).await;
    assert_eq!(body["data"]["markNotificationsRead"], 1, "another person's notification is left alone: {body}");
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM notification WHERE id = {theirs} AND read_at IS NULL")).await,
        1
    );
    let body = app.gql(&owner, LIST, json!({ "u": true })).await;
    assert_eq!(body["data"]["unreadNotificationCount"], 2);
    assert_eq!(body["data"]["notifications"]["totalCount"], 2);

    let body = app.gql(&owner, MARK, json!({})).await;
    assert_eq!(body["data"]["markNotificationsRead"], 2, "{body}");
    let body = app.gql(&owner, LIST, json!({ "u": true })).await;
    assert_eq!(body["data"]["unreadNotificationCount"], 0);
    assert_eq!(body["data"]["notifications"]["totalCount"], 0);
    let body = app.gql(&owner, LIST, json!({})).await;
    assert!(body["data"]["notifications"]["edges"][2]["node"]["readAt"].is_string(), "{body}");

    let body = app.gql(&owner, MARK, json!({ "ids": ["x"] })).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
    let many: Vec<String> = (1..=101).map(|n| n.to_string()).collect();
    let body = app.gql(&owner, MARK, json!({ "ids": many })).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
    let body = app.gql_anonymous(LIST, json!({})).await;
    assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{body}");
}

#[tokio::test]
async fn a_manual_runs_task_reaches_its_assignee_in_app_with_a_link_to_the_inbox() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let cycle = one_report_cycle(&app, &manager).await;
    first_manual_task(&app, &manager, &cycle).await;
    let owner = app.login("report-owner").await;
    app.wait_until("SELECT count(*) FROM notification WHERE kind = 'TASK'", 30).await;
    let body = app.gql(&owner, LIST, json!({ "u": true })).await;
    assert_eq!(body["data"]["unreadNotificationCount"], 1, "{body}");
    let node = &body["data"]["notifications"]["edges"][0]["node"];
    assert_eq!(node["kind"], "TASK");
    assert_eq!(node["subject"], "New task: Approve the attributes to test for FR Y-9C", "titles name the report");
    assert_eq!(node["link"], "/inbox");
    let tester = app.login("tester").await;
    let body = app.gql(&tester, LIST, json!({})).await;
    assert_eq!(body["data"]["unreadNotificationCount"], 0, "the task waits on the report owner alone: {body}");
}
