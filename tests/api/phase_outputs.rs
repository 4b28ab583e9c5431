//! What the phases produced, as reviewers read it: a report's attributes with their scoping, its
//! samples and its data owners, on the cycle and on the task that asks for a decision, batch-loaded.

use serde_json::{Value, json};

use crate::fixtures::{cycle_completed, cycle_with, first_manual_task, start};
use crate::harness::TestApp;

const OUTPUTS: &str = "query($c: ID!) { cycle(id: $c) { cycleReports {
    attributes { id name dataType isCde version scoping { recommendation riskScore inScope rationale } }
    samples { recordKey lob { code } category status randomSeed }
    ownerAssignments { attribute { name } lob { code } dataOwner { username } method } } } }";

async fn completed_auto_cycle(app: &TestApp, token: &str, name: &str, reports: &[&str]) -> String {
    let cycle = cycle_with(app, token, name, reports).await;
    start(app, token, &cycle, json!({ "approvalMode": "AUTO" })).await;
    app.wait_until(&cycle_completed(&cycle), 120).await;
    cycle
}

fn list_len(value: &Value) -> usize {
    value.as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn a_completed_reports_attributes_scoping_samples_and_owners_are_readable_in_few_statements() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let one = completed_auto_cycle(&app, &manager, "One report", &["FR Y-9C"]).await;
    let two = completed_auto_cycle(&app, &manager, "Two reports", &["FR Y-9C", "FFIEC 031"]).await;

    let before = app.statement_count();
    let body = app.gql(&manager, OUTPUTS, json!({ "c": one })).await;
    let for_one = app.statement_count() - before;
    let report = &body["data"]["cycle"]["cycleReports"][0];
    let link = format!("(SELECT id FROM cycle_report WHERE cycle_id = {one})");
    let attributes = app.scalar(&format!("SELECT count(*) FROM attribute WHERE cycle_report_id IN {link}")).await;
    assert_eq!(list_len(&report["attributes"]) as i64, attributes, "{body}");
    assert!(attributes > 0);
    for attribute in report["attributes"].as_array().expect("attributes") {
        assert!(attribute["scoping"]["recommendation"].is_string(), "every attribute was scoped: {attribute}");
        if attribute["isCde"] == true {
            assert_eq!(attribute["scoping"]["inScope"], true, "a CDE is always tested: {attribute}");
        }
    }
    assert_eq!(list_len(&report["samples"]), 25, "the default sample size");
    assert!(report["samples"][0]["recordKey"].is_string() && report["samples"][0]["lob"]["code"].is_string(), "{body}");
    let pairs =
        app.scalar(&format!("SELECT count(*) FROM data_owner_assignment WHERE cycle_report_id IN {link}")).await;
    assert_eq!(list_len(&report["ownerAssignments"]) as i64, pairs);
    assert!(report["ownerAssignments"][0]["attribute"]["name"].is_string(), "{body}");

    let before = app.statement_count();
    let body = app.gql(&manager, OUTPUTS, json!({ "c": two })).await;
    let for_two = app.statement_count() - before;
    assert_eq!(list_len(&body["data"]["cycle"]["cycleReports"]), 2);
    // Batched, not one statement per row (two reports hold 50 samples and dozens of attributes):
    // one statement per loader, give or take a loader asked in two rounds when the lists feeding
    // it (samples' and assignments' LOBs) finish at different moments.
    let loaders = 12;
    assert!(for_one <= loaders && for_two <= loaders, "statements for one report and for two: {for_one}, {for_two}");
}

#[tokio::test]
async fn the_report_owner_reads_the_attributes_to_approve_on_the_task() {
    let app = TestApp::spawn().await;
    app.start_worker();
    let manager = app.login("test-manager").await;
    let cycle = cycle_with(&app, &manager, "To approve", &["FR Y-9C"]).await;
    first_manual_task(&app, &manager, &cycle).await;
    let owner = app.login("report-owner").await;
    let body = app
        .gql(
            &owner,
            "{ tasks(open: true, mine: true) { nodes { phase kind cycleReport { attributes { name scoping { inScope } } } } } }",
            json!({}),
        )
        .await;
    let task = &body["data"]["tasks"]["nodes"][0];
    assert_eq!(task["phase"], "PLANNING", "{body}");
    let attributes = task["cycleReport"]["attributes"].as_array().expect("attributes");
    assert!(!attributes.is_empty(), "{body}");
    assert!(attributes.iter().all(|a| a["scoping"].is_null()), "not scoped yet: {body}");
}
