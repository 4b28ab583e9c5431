//! E-mail copies of notifications over a real SMTP conversation (a local sink): a MANUAL run
//! mails each person a task waits on, a refused delivery is retried under the e-mail policy and
//! logged, nothing goes out twice, and a pause's e-mail being retried does not hold up the
//! operator's answer.

use secrecy::SecretString;
use serde_json::json;

use crate::fixtures::{assert_retried_to_completion, wait_finished};
use crate::harness::TestApp;
use crate::smtp_sink::SmtpSink;
use crate::workflow_steering::run_with_fault;

const OPEN_TASKS: &str = "{ tasks(open: true, mine: true, first: 10) { edges { node { id phase kind } } } }";

async fn email_of(app: &TestApp, username: &str) -> String {
    app.db_strings(&format!("SELECT email FROM app_user WHERE username = '{username}'")).await.remove(0)
}

#[tokio::test]
async fn a_manual_run_emails_each_assignee_and_retries_a_refused_delivery() {
    // The sink refuses the first message with a transient 451.
    let sink = SmtpSink::start(1).await;
    let url = sink.url();
    let app = TestApp::spawn_with(|config| config.smtp_url = Some(SecretString::from(url))).await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let cycle = app.demo_cycle_with_only("FR Y-9C").await;
    let body = app
        .gql(
            &manager,
            // A null approval mode is MANUAL, as API.md's default says.
            "mutation($c: ID!) { startWorkflow(cycleId: $c, input: {approvalMode: null}) { id } }",
            json!({ "c": cycle.to_string() }),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");

    // Planning waits on the report owner: mailed on the second attempt, after one logged refusal.
    app.wait_until("SELECT count(*) FROM notification WHERE kind = 'TASK' AND email_sent_at IS NOT NULL", 60).await;
    let mails = sink.mails().await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0].to, vec![email_of(&app, "report-owner").await]);
    assert_eq!(mails[0].from, "synapse@localhost", "the default SMTP_FROM");
    assert!(mails[0].data.contains("Subject: New task: Approve the attributes"), "{}", mails[0].data);
    assert!(mails[0].data.contains("http://localhost:8000/inbox"), "a link to the inbox: {}", mails[0].data);
    let refusals = app
        .db_strings("SELECT activity_type || ' ' || activity_kind || ' ' || attempt || ': ' || error FROM workflow_activity_retry_log")
        .await;
    assert_eq!(refusals.len(), 1, "the refused attempt is logged: {refusals:?}");
    assert!(
        refusals[0].starts_with("TaskActivities::send_emails EMAIL 1: ") && refusals[0].contains("451"),
        "{refusals:?}"
    );
    // Each message is stamped as it goes out and the attempt's step row is written after the
    // last one, so the step is waited for rather than read at once.
    app.wait_until(
        "SELECT count(*) FROM workflow_step WHERE name = 'TaskActivities::send_emails' AND status = 'COMPLETED'",
        30,
    )
    .await;
    let completed = app
        .db_strings(
            "SELECT attempt::text FROM workflow_step WHERE name = 'TaskActivities::send_emails' AND status = 'COMPLETED'",
        )
        .await;
    assert_eq!(completed, vec!["2"], "one step, completed on the second attempt");

    // The report owner approves; scoping's review waits on the tester, who is mailed in turn.
    let owner = app.login("report-owner").await;
    let tasks = app.gql(&owner, OPEN_TASKS, json!({})).await;
    let task = tasks["data"]["tasks"]["edges"][0]["node"]["id"].as_str().expect("an open task").to_owned();
    let done = app
        .gql(
            &owner,
            "mutation($t: ID!) { completeTask(taskId: $t, input: {decision: APPROVE}) { id } }",
            json!({ "t": task }),
        )
        .await;
    assert!(done["errors"].is_null(), "{done}");
    app.wait_until("SELECT count(*) / 2 FROM notification WHERE kind = 'TASK' AND email_sent_at IS NOT NULL", 60).await;
    let mails = sink.mails().await;
    assert_eq!(mails.len(), 2, "one message per task, none twice: {mails:?}");
    assert_eq!(mails[1].to, vec![email_of(&app, "tester").await]);

    let parent = app
        .scalar(&format!("SELECT id FROM workflow_execution WHERE cycle_id = {cycle} AND parent_execution_id IS NULL"))
        .await;
    let cancelled = app
        .gql(
            &manager,
            "mutation($e: ID!) { cancelWorkflow(executionId: $e, reason: \"test over\") { id } }",
            json!({ "e": parent.to_string() }),
        )
        .await;
    assert!(cancelled["errors"].is_null(), "{cancelled}");
}

#[tokio::test]
async fn an_operator_answers_a_pause_while_its_email_is_still_retried() {
    // A relay that refuses everything: the pause's e-mail is retried for about 14 s, well over
    // the API's 5 s grace for a run not yet waiting.
    let sink = SmtpSink::start(usize::MAX).await;
    let url = sink.url();
    let app = TestApp::spawn_with(|config| config.smtp_url = Some(SecretString::from(url))).await;
    app.exec("UPDATE retry_policy SET max_attempts = 8 WHERE activity_kind = 'EMAIL'").await;
    let cycle =
        run_with_fault(&app, json!({ "phase": "REQUEST_FOR_INFORMATION", "failingAttempts": 99, "round": 1 })).await;
    app.wait_until("SELECT count(*) FROM workflow_compensation_log WHERE status = 'AWAITING_OPERATOR'", 120).await;
    app.wait_until("SELECT count(*) FROM workflow_activity_retry_log WHERE activity_kind = 'EMAIL'", 30).await;

    let log = app.scalar("SELECT id FROM workflow_compensation_log WHERE status = 'AWAITING_OPERATOR'").await;
    let manager = app.login("test-manager").await;
    let body = app
        .gql(
            &manager,
            "mutation($l: ID!) { resolveIntervention(compensationLogId: $l, action: RETRY) { id } }",
            json!({ "l": log.to_string() }),
        )
        .await;
    assert!(body["errors"].is_null(), "taken while the e-mail is retried: {body}");
    let emails_over =
        "SELECT count(*) FROM workflow_step WHERE name = 'TaskActivities::send_emails' AND status = 'FAILED'";
    assert_eq!(app.scalar(emails_over).await, 0, "the e-mail was still being retried");

    // The run goes on once the e-mail has given up: retried phase, completed cycle.
    wait_finished(&app, &cycle).await;
    assert!(app.scalar(emails_over).await >= 1, "the pause's e-mail gave up after its retries");
    assert_retried_to_completion(&app, log, &cycle).await;
}
