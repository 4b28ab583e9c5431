//! Limits and malformed requests: page-size cap, depth limit, bad JSON, and no N+1 queries.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{Value, json};

use crate::harness::{TestApp, error_code};

#[tokio::test]
async fn a_page_over_the_cap_is_bad_input() {
    let app = TestApp::spawn().await;
    let token = app.login("admin").await;
    for list in ["cycles", "reports", "workflowExecutions", "tasks", "compensationLogs"] {
        let body = app.gql(&token, &format!("{{ {list}(first: 101) {{ totalCount }} }}"), Value::Null).await;
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{list}: {body}");
        let body = app.gql(&token, &format!("{{ {list}(first: -1) {{ totalCount }} }}"), Value::Null).await;
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{list}: {body}");
    }
    let body = app.gql(&token, "{ cycles(after: \"garbage\") { totalCount } }", Value::Null).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
}

#[tokio::test]
async fn a_query_over_the_depth_limit_is_bad_input() {
    let app = TestApp::spawn().await;
    let token = app.login("admin").await;
    let mut inner = "id".to_owned();
    for _ in 0..8 {
        inner = format!("parent {{ cycle {{ currentExecution {{ {inner} }} }} }}");
    }
    let query = format!("{{ workflowExecutions {{ edges {{ node {{ {inner} }} }} }} }}");
    let body = app.gql(&token, &query, Value::Null).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
    assert!(body["errors"][0]["message"].as_str().is_some_and(|m| m.contains("nested too deep")), "{body}");
}

#[tokio::test]
async fn malformed_json_is_bad_input_with_status_400() {
    let app = TestApp::spawn().await;
    let raw = app.login("admin").await;
    let token = format!("Bearer {raw}");
    for body in ["{not json", "", "[1, 2]", "{\"query\": 5}"] {
        let (status, response) = app.post_graphql(Some(&token), body.to_owned()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {response}");
        assert_eq!(error_code(&response), Some("BAD_USER_INPUT"), "{body}: {response}");
    }
    let body = app.gql(&raw, "{ cycles { ", Value::Null).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "syntax error: {body}");
}

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = TestApp::spawn().await;
    let (status, body) = app.request(Request::get("/healthz").body(Body::empty()).expect("request")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.wait_listening().await;
    let (status, body) = app.request(Request::get("/readyz").body(Body::empty()).expect("request")).await;
    assert_eq!(
        (status, &body["database"], &body["listener"]),
        (StatusCode::OK, &json!("up"), &json!("listening")),
        "{body}"
    );
    let (status, body) = app.request(Request::get("/graphiql").body(Body::empty()).expect("request")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.as_str().is_some_and(|html| html.contains("/graphql/ws")), "GraphiQL knows the websocket endpoint");
}

/// Adds `n` cycles, each with three reports and two executions with steps.
async fn add_cycles(app: &TestApp, n: usize) {
    app.exec(&format!(
        "WITH manager AS (SELECT id FROM app_user WHERE username = 'test-manager'),
         cycles AS (
           INSERT INTO test_cycle (name, test_manager_id, start_date, end_date)
           SELECT 'bulk ' || g, manager.id, '2027-01-01', '2027-02-01' FROM generate_series(1, {n}) g, manager
           RETURNING id),
         links AS (
           INSERT INTO cycle_report (cycle_id, report_id)
           SELECT cycles.id, r.id FROM cycles, (SELECT id FROM report ORDER BY id LIMIT 3) r RETURNING cycle_id),
         runs AS (
           INSERT INTO workflow_execution (workflow_id, run_id, workflow_type, cycle_id, version, status)
           SELECT 'test-cycle-' || cycles.id, 'run-' || k, 'EnhancedTestCycleWorkflow', cycles.id, '1.1.0', 'COMPLETED'
           FROM cycles, generate_series(1, 2) k RETURNING id)
         INSERT INTO workflow_step (execution_id, step_key, phase, name, step_type, status)
         SELECT runs.id, 'phase:PLANNING', 'PLANNING', 'Planning', 'PHASE', 'COMPLETED' FROM runs"
    ))
    .await;
}

const NESTED: &str = "query($first: Int) { cycles(first: $first) { edges { node {
    name testManager { username }
    reports { name owner { username } lob { code } }
    cycleReports { status tester { username } report { reportNumber } }
    currentExecution { status }
    workflowExecutions(first: 5) { totalCount edges { node { status cycle { name } steps { name } children { id } } } }
} } } }";

#[tokio::test]
async fn nested_lists_cost_the_same_number_of_statements_whatever_the_page_size() {
    let app = TestApp::spawn().await;
    add_cycles(&app, 60).await;
    let token = app.login("test-manager").await;

    let mut counts = Vec::new();
    for first in [5, 50] {
        let before = app.statement_count();
        let body = app.gql(&token, NESTED, json!({ "first": first })).await;
        assert!(body["errors"].is_null(), "{body}");
        assert_eq!(body["data"]["cycles"]["edges"].as_array().map(Vec::len), Some(first), "{body}");
        let steps =
            body["data"]["cycles"]["edges"][0]["node"]["workflowExecutions"]["edges"][0]["node"]["steps"].clone();
        assert_eq!(steps.as_array().map(Vec::len), Some(1), "nested data is really loaded: {body}");
        counts.push(app.statement_count() - before);
    }
    assert_eq!(counts[0], counts[1], "statements for 5 and for 50 cycles: {counts:?}");
    assert!(counts[1] <= 15, "a handful of batched statements, not one per row: {counts:?}");
}
