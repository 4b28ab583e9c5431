//! A decision's payload checked against its task before it reaches the workflow: each kind of
//! task takes its own payload, and what a payload names (attributes, attribute/LOB pairs,
//! observations, data owners) must be the report's. Bad payloads are BAD_USER_INPUT and leave the
//! task open; good ones pass the check and go on to the workflow (here a finished one, so
//! CONFLICT).

use serde_json::{Value, json};

use crate::fixtures::{cycle_completed, first_manual_task, start};
use crate::harness::{TestApp, error_code};
use crate::workflow_steering::one_report_cycle;

const COMPLETE: &str = "mutation($t: ID!, $i: TaskDecisionInput!) { completeTask(taskId: $t, input: $i) { id } }";

/// A finished AUTO cycle of one report, for its real attributes, pairs and observations.
struct Finished {
    app: TestApp,
    admin: String,
    cycle: String,
    link: i64,
    execution: i64,
}

impl Finished {
    async fn new() -> Self {
        let app = TestApp::spawn().await;
        app.start_worker();
        let manager = app.login("test-manager").await;
        let cycle = one_report_cycle(&app, &manager).await;
        start(&app, &manager, &cycle, json!({ "approvalMode": "AUTO" })).await;
        app.wait_until(&cycle_completed(&cycle), 240).await;
        let link = app.scalar(&format!("SELECT id FROM cycle_report WHERE cycle_id = {cycle}")).await;
        let execution = app.scalar(&format!("SELECT id FROM workflow_execution WHERE cycle_report_id = {link}")).await;
        let admin = app.login("admin").await;
        Self { app, admin, cycle, link, execution }
    }

    /// Opens a task of `kind` in `phase` on the report (as the workflow would) and returns its id.
    async fn open(&self, phase: &str, kind: &str) -> String {
        let (cycle, link, execution) = (&self.cycle, self.link, self.execution);
        self.app
            .scalar(&format!(
                "INSERT INTO human_task (task_key, cycle_id, cycle_report_id, execution_id, phase, kind, title, assignee_role)
                 VALUES ('payload-check-{phase}-{kind}', {cycle}, {link}, {execution}, '{phase}', '{kind}', 'check', 'ADMIN')
                 RETURNING id"
            ))
            .await
            .to_string()
    }

    async fn decide(&self, task: &str, decision: &str, payload: Value) -> Value {
        let input = json!({ "decision": decision, "comment": "see payload", "payload": payload });
        self.app.gql(&self.admin, COMPLETE, json!({ "t": task, "i": input })).await
    }

    /// The decision is refused as bad input, saying `expected`, and the task stays open.
    async fn refused(&self, task: &str, decision: &str, payload: Value, expected: &str) {
        let body = self.decide(task, decision, payload.clone()).await;
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{payload}: {body}");
        let message = body["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(message.contains(expected), "{payload}: {message:?} should say {expected:?}");
        let open = format!("SELECT count(*) FROM human_task WHERE id = {task} AND status = 'OPEN'");
        assert_eq!(self.app.scalar(&open).await, 1, "a refused decision leaves the task open");
    }

    /// The payload passes the check: the decision goes to the workflow, which has finished.
    async fn accepted(&self, task: &str, decision: &str, payload: Value) {
        let body = self.decide(task, decision, payload.clone()).await;
        assert_eq!(error_code(&body), Some("CONFLICT"), "{payload}: {body}");
    }
}

/// A payload that passed the check, as the activity applying it reads it.
fn read<T: serde::de::DeserializeOwned>(payload: &Value) -> T {
    worker::payloads::parse(payload).expect("a checked payload reads")
}

#[tokio::test]
async fn each_task_takes_only_its_own_payload_naming_the_reports_own_things() {
    let run = Finished::new().await;
    let app = &run.app;
    let link = run.link;

    // Planning: attributes to leave out, only when sending the attributes back.
    let planning = run.open("PLANNING", "APPROVAL").await;
    let attribute = &app
        .db_strings(&format!(
            "SELECT name FROM attribute WHERE cycle_report_id = {link} AND NOT is_primary_key ORDER BY id LIMIT 1"
        ))
        .await[0];
    let key = &app
        .db_strings(&format!("SELECT name FROM attribute WHERE cycle_report_id = {link} AND is_primary_key LIMIT 1"))
        .await[0];
    run.refused(&planning, "APPROVE", json!({ "exclude": [attribute] }), "send it with REJECT or REQUEST_CHANGES")
        .await;
    run.refused(&planning, "REJECT", json!({ "exclude": ["No such field"] }), "is not an attribute of this report")
        .await;
    run.refused(&planning, "REJECT", json!({ "exclude": [key] }), "is a primary key").await;
    run.refused(&planning, "REJECT", json!({ "exclude": "all" }), "invalid type").await;
    run.accepted(&planning, "REQUEST_CHANGES", json!({ "exclude": [attribute] })).await;

    // Scoping review: overrides of the report's attributes, each with a reason.
    let scoping = run.open("SCOPING", "REVIEW").await;
    let unexplained = json!({ "overrides": [{ "attribute": attribute, "inScope": false, "reason": "" }] });
    run.refused(&scoping, "APPROVE", unexplained, "every scoping override needs a reason").await;
    let stranger = json!({ "overrides": [{ "attribute": "No such field", "inScope": false, "reason": "r" }] });
    run.refused(&scoping, "APPROVE", stranger, "is not an attribute of this report").await;
    let untyped = json!({ "overrides": [{ "attribute": attribute, "inScope": "no", "reason": "r" }] });
    run.refused(&scoping, "APPROVE", untyped, "invalid type").await;
    let good =
        json!({ "overrides": [{ "attribute": attribute, "inScope": false, "reason": "Covered by the GL tie-out" }] });
    run.accepted(&scoping, "APPROVE", good.clone()).await;

    // Assignment: the report's own attribute/LOB pairs, to active data owners.
    let assignment = run.open("DATA_OWNER_IDENTIFICATION", "ASSIGNMENT").await;
    let (attribute_id, lob_id) = (
        app.scalar(&format!("SELECT attribute_id FROM data_owner_assignment WHERE cycle_report_id = {link} ORDER BY attribute_id, lob_id LIMIT 1")).await,
        app.scalar(&format!("SELECT lob_id FROM data_owner_assignment WHERE cycle_report_id = {link} ORDER BY attribute_id, lob_id LIMIT 1")).await,
    );
    let (owner, tester) = (app.user_id("data-owner").await, app.user_id("tester").await);
    let pair =
        |owner: i64| json!({ "assignments": [{ "attributeId": attribute_id, "lobId": lob_id, "dataOwnerId": owner }] });
    run.refused(&assignment, "APPROVE", json!({ "assignment": [] }), "unknown field `assignment`").await;
    run.refused(&assignment, "APPROVE", pair(tester), "is not an active data owner").await;
    let elsewhere = json!({ "assignments": [{ "attributeId": -1, "lobId": lob_id, "dataOwnerId": owner }] });
    run.refused(&assignment, "APPROVE", elsewhere, "is not a pair of this report").await;
    let partial = json!({ "assignments": [{ "attributeId": attribute_id, "lobId": lob_id }] });
    run.refused(&assignment, "APPROVE", partial, "missing field `dataOwnerId`").await;
    run.accepted(&assignment, "APPROVE", pair(owner)).await;

    // Observation approval: the report's observations, known severities, each with a reason.
    let approval = run.open("OBSERVATION_MANAGEMENT", "APPROVAL").await;
    let observation = app.scalar(&format!("SELECT min(id) FROM observation WHERE cycle_report_id = {link}")).await;
    let change = |id: i64, severity: &str, reason: &str| json!({ "severityOverrides": [{ "observationId": id, "severity": severity, "reason": reason }] });
    run.refused(&approval, "APPROVE", change(observation, "SEVERE", "r"), "unknown variant `SEVERE`").await;
    run.refused(&approval, "APPROVE", change(observation, "LOW", " "), "every severity override needs a reason").await;
    run.refused(&approval, "APPROVE", change(-1, "LOW", "r"), "is not one of this report's").await;
    let lowered = change(observation, "LOW", "Isolated, fixed at source");
    run.accepted(&approval, "APPROVE", lowered.clone()).await;

    // Tasks that take no payload refuse any.
    let review = run.open("TEST_EXECUTION", "REVIEW").await;
    run.refused(&review, "APPROVE", json!({ "overrides": [] }), "takes no payload").await;
    run.refused(&review, "APPROVE", json!([]), "payload must be a JSON object").await;
    run.accepted(&review, "APPROVE", json!({})).await;

    // Nothing refused reached the report's data.
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM data_owner_assignment WHERE cycle_report_id = {link} AND method = 'MANUAL'"
        ))
        .await,
        0
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM observation WHERE cycle_report_id = {link} AND severity_override_reason IS NOT NULL"
        ))
        .await,
        0
    );

    // The payloads that passed, applied as the activities closing those tasks apply them.
    let admin = app.user_id("admin").await;
    worker::phases::owners::assign(&app.db, link, &read(&pair(owner)), admin).await.expect("assign");
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM data_owner_assignment WHERE cycle_report_id = {link} AND method = 'MANUAL'
               AND attribute_id = {attribute_id} AND lob_id = {lob_id} AND data_owner_id = {owner} AND assigned_by = {admin}"
        ))
        .await,
        1
    );
    worker::phases::scoping::apply_overrides(&app.db, link, &read(&good)).await.expect("override");
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM scoping_decision sd JOIN attribute a ON a.id = sd.attribute_id
             WHERE a.cycle_report_id = {link} AND a.name = '{attribute}' AND NOT sd.in_scope
               AND sd.override_reason = 'Covered by the GL tie-out'"
        ))
        .await,
        1
    );
    worker::phases::observations::approve(&app.db, link, &read(&lowered)).await.expect("approve");
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM observation WHERE id = {observation} AND severity = 'LOW' AND status = 'APPROVED'
               AND severity_override_reason = 'Isolated, fixed at source'"
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn the_workflow_itself_refuses_a_payload_that_does_not_fit_the_task_it_waits_on() {
    use temporalio_client::WorkflowExecuteUpdateOptions;
    use worker::messages::TaskDecision;
    use worker::workflows::ReportTestingWorkflow;

    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let cycle = one_report_cycle(&app, &manager).await;
    let task = first_manual_task(&app, &manager, &cycle).await;
    let workflow = app
        .db_strings(&format!(
            "SELECT e.workflow_id FROM human_task t JOIN workflow_execution e ON e.id = t.execution_id WHERE t.id = {task}"
        ))
        .await
        .remove(0);

    // Past the API, straight to the workflow: the update's validator reads the payload for the
    // task (the planning approval takes only `exclude`, a list of names).
    let decision = TaskDecision {
        task_id: task,
        decision: entity::enums::Decision::Reject,
        comment: Some("see payload".to_owned()),
        payload: Some(json!({ "exclude": "everything" })),
        decided_by: app.user_id("report-owner").await,
    };
    let handle = app.gateway_client().await.get_workflow_handle::<ReportTestingWorkflow>(workflow);
    // The task row is written just before the run starts waiting on it (the API allows for
    // that the same way): until then the validator says the task is not awaited.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let refused = loop {
        let sent = handle.execute_update(
            ReportTestingWorkflow::decide,
            decision.clone(),
            WorkflowExecuteUpdateOptions::default(),
        );
        let refused = sent.await.expect_err("the validator refuses the payload").to_string();
        if !refused.contains("is not awaiting a decision") || std::time::Instant::now() > deadline {
            break refused;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert!(refused.contains("invalid type"), "{refused}");

    // The run still waits on the task, and a decision through the API moves it on.
    let owner = app.login("report-owner").await;
    let body = app.gql(&owner, COMPLETE, json!({ "t": task.to_string(), "i": { "decision": "APPROVE" } })).await;
    assert!(body["errors"].is_null(), "{body}");
    app.wait_until(
        &format!("SELECT count(*) FROM human_task WHERE cycle_id = {cycle} AND status = 'OPEN' AND id <> {task}"),
        60,
    )
    .await;
}
