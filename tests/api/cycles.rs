//! Creating cycles and adding reports: rights, validation, audit, and nothing stored on error.

use serde_json::{Value, json};

use crate::harness::{TestApp, error_code};

const CREATE: &str = "mutation($input: CreateCycleInput!) {
    createCycle(input: $input) { id name status startDate endDate testManager { username } }
}";
const ADD: &str = "mutation($cycle: ID!, $reports: [ID!]!) {
    addReportsToCycle(cycleId: $cycle, reportIds: $reports) { id reports { reportNumber } }
}";

fn input(name: &str, start: &str, end: &str) -> Value {
    json!({ "input": { "name": name, "description": "test", "startDate": start, "endDate": end } })
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    app.scalar(sql).await
}

#[tokio::test]
async fn a_test_manager_creates_a_planned_cycle_and_it_is_audited() {
    let app = TestApp::spawn().await;
    let token = app.login("test-manager").await;
    let body = app.gql(&token, CREATE, input("2027 Q1 testing", "2027-01-01", "2027-03-31")).await;
    let cycle = &body["data"]["createCycle"];
    assert_eq!(cycle["status"], "PLANNED", "{body}");
    assert_eq!(cycle["startDate"], "2027-01-01");
    assert_eq!(cycle["testManager"]["username"], "test-manager");
    let id = cycle["id"].as_str().expect("id");
    let audited = count(
        &app,
        &format!(
            "SELECT count(*) FROM audit_log WHERE action = 'CYCLE_CREATED' AND entity_id = '{id}' \
                  AND actor_id = (SELECT id FROM app_user WHERE username = 'test-manager')"
        ),
    )
    .await;
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn an_admin_creates_a_cycle_for_a_named_test_manager_only() {
    let app = TestApp::spawn().await;
    let token = app.login("admin").await;
    let body = app.gql(&token, CREATE, input("Admin's", "2027-01-01", "2027-01-31")).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
    let manager = app.user_id("test-manager").await.to_string();
    let mut named = input("Admin's", "2027-01-01", "2027-01-31");
    named["input"]["testManagerId"] = json!(manager);
    let body = app.gql(&token, CREATE, named).await;
    assert_eq!(body["data"]["createCycle"]["testManager"]["username"], "test-manager", "{body}");
    let mut tester = input("Admin's", "2027-01-01", "2027-01-31");
    tester["input"]["testManagerId"] = json!(app.user_id("tester").await.to_string());
    let body = app.gql(&token, CREATE, tester).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "a tester cannot own a cycle: {body}");
}

#[tokio::test]
async fn data_executives_list_the_data_owners_they_assign_and_no_one_else() {
    let app = TestApp::spawn().await;
    let token = app.login("data-executive").await;
    let query = "query($role: Role) { users(role: $role, first: 100) { nodes { role lob { code } } } }";
    let body = app.gql(&token, query, json!({ "role": "DATA_OWNER" })).await;
    let owners = body["data"]["users"]["nodes"].as_array().cloned().unwrap_or_default();
    assert!(!owners.is_empty() && owners.iter().all(|u| u["role"] == "DATA_OWNER"), "{body}");
    assert!(owners.iter().any(|u| u["lob"]["code"].is_string()), "with their LOB to match pairs: {body}");
    for role in [json!("TESTER"), json!(null)] {
        let body = app.gql(&token, query, json!({ "role": role })).await;
        assert_eq!(error_code(&body), Some("FORBIDDEN"), "{role}: {body}");
    }
}

#[tokio::test]
async fn cycle_managers_list_active_users_by_role_and_nobody_else_may() {
    let app = TestApp::spawn().await;
    app.exec("UPDATE app_user SET active = false WHERE username = 'data-owner'").await;
    let query = "query($role: Role) { users(role: $role, first: 100) { totalCount nodes { username role } } }";
    for user in ["admin", "test-manager"] {
        let token = app.login(user).await;
        let body = app.gql(&token, query, json!({ "role": "TEST_MANAGER" })).await;
        let managers = &body["data"]["users"];
        assert_eq!(managers["totalCount"], 1, "{user}: {body}");
        assert_eq!(managers["nodes"][0], json!({ "username": "test-manager", "role": "TEST_MANAGER" }));
        let body = app.gql(&token, query, json!({ "role": "DATA_OWNER" })).await;
        let owners: Vec<&str> = body["data"]["users"]["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .filter_map(|u| u["username"].as_str())
            .collect();
        assert!(!owners.is_empty() && !owners.contains(&"data-owner"), "only active data owners: {owners:?}");
    }
    for user in ["tester", "report-owner", "report-owner-executive", "data-executive"] {
        let token = app.login(user).await;
        let body = app.gql(&token, query, json!({})).await;
        assert_eq!(error_code(&body), Some("FORBIDDEN"), "{user}: {body}");
    }
}

#[tokio::test]
async fn only_test_managers_and_admins_create_cycles() {
    let app = TestApp::spawn().await;
    let before = count(&app, "SELECT count(*) FROM test_cycle").await;
    for user in ["tester", "report-owner", "report-owner-executive", "data-executive", "data-owner"] {
        let token = app.login(user).await;
        let body = app.gql(&token, CREATE, input("Not allowed", "2027-01-01", "2027-01-31")).await;
        assert_eq!(error_code(&body), Some("FORBIDDEN"), "{user}: {body}");
    }
    assert_eq!(count(&app, "SELECT count(*) FROM test_cycle").await, before);
    assert_eq!(count(&app, "SELECT count(*) FROM audit_log").await, 0);
}

#[tokio::test]
async fn bad_cycle_input_is_rejected_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let token = app.login("test-manager").await;
    let before = count(&app, "SELECT count(*) FROM test_cycle").await;
    let cases = [
        (input("Backwards", "2027-03-01", "2027-01-01"), "endDate"),
        (input("   ", "2027-01-01", "2027-03-01"), "name"),
        (input(&"x".repeat(201), "2027-01-01", "2027-03-01"), "name"),
    ];
    for (variables, field) in cases {
        let body = app.gql(&token, CREATE, variables).await;
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
    }
    let body = app.gql(&token, CREATE, input("Bad date", "2027-02-30", "2027-03-01")).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
    assert_eq!(count(&app, "SELECT count(*) FROM test_cycle").await, before);
}

async fn new_cycle(app: &TestApp, token: &str) -> String {
    let body = app.gql(token, CREATE, input("Fresh", "2027-01-01", "2027-03-31")).await;
    body["data"]["createCycle"]["id"].as_str().expect("cycle id").to_owned()
}

async fn report_ids(app: &TestApp) -> Vec<String> {
    let ids = app.scalar("SELECT count(*) FROM report").await;
    assert!(ids >= 3, "the seed has at least three reports");
    let mut out = Vec::new();
    for n in 0..3 {
        out.push(app.scalar(&format!("SELECT id FROM report ORDER BY id OFFSET {n} LIMIT 1")).await.to_string());
    }
    out
}

#[tokio::test]
async fn reports_are_added_once_and_audited() {
    let app = TestApp::spawn().await;
    let token = app.login("test-manager").await;
    let cycle = new_cycle(&app, &token).await;
    let reports = report_ids(&app).await;
    let body = app.gql(&token, ADD, json!({ "cycle": cycle, "reports": [reports[0], reports[1]] })).await;
    assert_eq!(body["data"]["addReportsToCycle"]["reports"].as_array().map(Vec::len), Some(2), "{body}");
    let audited = count(
        &app,
        &format!("SELECT count(*) FROM audit_log WHERE action = 'REPORTS_ADDED_TO_CYCLE' AND entity_id = '{cycle}'"),
    )
    .await;
    assert_eq!(audited, 1);

    // Adding one again, even beside a new one, is a conflict and adds neither.
    let body = app.gql(&token, ADD, json!({ "cycle": cycle, "reports": [reports[2], reports[0]] })).await;
    assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
    let linked = count(&app, &format!("SELECT count(*) FROM cycle_report WHERE cycle_id = {cycle}")).await;
    assert_eq!(linked, 2);
}

#[tokio::test]
async fn unknown_ids_are_rejected_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let token = app.login("test-manager").await;
    let cycle = new_cycle(&app, &token).await;
    let reports = report_ids(&app).await;

    let body = app.gql(&token, ADD, json!({ "cycle": "999999", "reports": [reports[0]] })).await;
    assert_eq!(error_code(&body), Some("NOT_FOUND"), "{body}");

    let body = app.gql(&token, ADD, json!({ "cycle": cycle, "reports": [reports[0], "999999"] })).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");

    let body = app.gql(&token, ADD, json!({ "cycle": cycle, "reports": ["not-an-id"] })).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");

    let body = app.gql(&token, ADD, json!({ "cycle": cycle, "reports": [reports[1], reports[1]] })).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");

    let body = app.gql(&token, ADD, json!({ "cycle": cycle, "reports": [] })).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");

    let linked = count(&app, &format!("SELECT count(*) FROM cycle_report WHERE cycle_id = {cycle}")).await;
    assert_eq!(linked, 0);
    assert_eq!(count(&app, "SELECT count(*) FROM audit_log WHERE action = 'REPORTS_ADDED_TO_CYCLE'").await, 0);
}

#[tokio::test]
async fn a_closed_cycle_takes_no_reports() {
    let app = TestApp::spawn().await;
    let token = app.login("test-manager").await;
    let cycle = new_cycle(&app, &token).await;
    app.exec(&format!("UPDATE test_cycle SET status = 'COMPLETED' WHERE id = {cycle}")).await;
    let reports = report_ids(&app).await;
    let body = app.gql(&token, ADD, json!({ "cycle": cycle, "reports": [reports[0]] })).await;
    assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
}

#[tokio::test]
async fn only_test_managers_and_admins_add_reports() {
    let app = TestApp::spawn().await;
    let manager = app.login("test-manager").await;
    let cycle = new_cycle(&app, &manager).await;
    let reports = report_ids(&app).await;
    for user in ["tester", "report-owner", "data-owner"] {
        let token = app.login(user).await;
        let body = app.gql(&token, ADD, json!({ "cycle": cycle, "reports": [reports[0]] })).await;
        assert_eq!(error_code(&body), Some("FORBIDDEN"), "{user}: {body}");
    }
    let admin = app.login("admin").await;
    let body = app.gql(&admin, ADD, json!({ "cycle": cycle, "reports": [reports[0]] })).await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(count(&app, &format!("SELECT count(*) FROM cycle_report WHERE cycle_id = {cycle}")).await, 1);
}
