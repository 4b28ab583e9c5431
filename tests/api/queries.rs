//! Reading cycles and reports: pagination, filters, and what each role may see.

use serde_json::{Value, json};

use crate::harness::{TestApp, error_code};

#[tokio::test]
async fn the_demo_cycle_is_listed_with_its_reports() {
    let app = TestApp::spawn().await;
    let token = app.login("test-manager").await;
    let body = app
        .gql(
            &token,
            "{ cycles(first: 10) { totalCount edges { node { name status reports { reportNumber owner { username } }
               cycleReports { status tester { username } report { name } } } } } }",
            Value::Null,
        )
        .await;
    let cycles = &body["data"]["cycles"];
    assert!(cycles["totalCount"].as_u64() >= Some(1), "{body}");
    let demo = &cycles["edges"][0]["node"];
    assert!(demo["reports"].as_array().is_some_and(|r| r.len() >= 3), "{body}");
    assert_eq!(demo["reports"][0]["owner"]["username"], "report-owner");
    assert_eq!(demo["cycleReports"][0]["tester"]["username"], "tester");
}

#[tokio::test]
async fn cycles_page_by_cursor_without_gaps_or_repeats() {
    let app = TestApp::spawn().await;
    let token = app.login("test-manager").await;
    for n in 0..7 {
        app.exec(&format!(
            "INSERT INTO test_cycle (name, test_manager_id, start_date, end_date) \
             SELECT 'paged {n}', id, '2027-01-01', '2027-02-01' FROM app_user WHERE username = 'test-manager'"
        ))
        .await;
    }
    let total = app.scalar("SELECT count(*) FROM test_cycle").await as usize;
    let query = "query($after: String) { cycles(first: 3, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }";
    let mut seen = Vec::new();
    let mut after = Value::Null;
    loop {
        let body = app.gql(&token, query, json!({ "after": after })).await;
        let page = &body["data"]["cycles"];
        assert_eq!(page["totalCount"].as_u64(), Some(total as u64), "{body}");
        for edge in page["edges"].as_array().expect("edges") {
            seen.push(edge["node"]["id"].as_str().expect("id").to_owned());
        }
        if page["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(seen.len(), total);
    assert_eq!(unique.len(), total);
}

#[tokio::test]
async fn cycles_filter_by_status() {
    let app = TestApp::spawn().await;
    let token = app.login("admin").await;
    let body = app.gql(&token, "{ cycles(status: COMPLETED) { totalCount } }", Value::Null).await;
    assert_eq!(body["data"]["cycles"]["totalCount"], 0, "{body}");
    let active = app.scalar("SELECT count(*) FROM test_cycle WHERE status = 'ACTIVE'").await;
    let body = app.gql(&token, "{ cycles(status: ACTIVE) { totalCount } }", Value::Null).await;
    assert_eq!(body["data"]["cycles"]["totalCount"], active, "{body}");
}

#[tokio::test]
async fn testers_see_only_cycles_they_test() {
    let app = TestApp::spawn().await;
    let manager = app.login("test-manager").await;
    app.exec(
        "INSERT INTO test_cycle (name, test_manager_id, start_date, end_date) \
         SELECT 'not for the tester', id, '2027-01-01', '2027-02-01' FROM app_user WHERE username = 'test-manager'",
    )
    .await;
    let hidden = app.scalar("SELECT id FROM test_cycle WHERE name = 'not for the tester'").await;
    let all = app.gql(&manager, "{ cycles { totalCount } }", Value::Null).await;
    let tester = app.login("tester").await;
    let mine = app.gql(&tester, "{ cycles { totalCount edges { node { name } } } }", Value::Null).await;
    assert!(mine["data"]["cycles"]["totalCount"].as_u64() < all["data"]["cycles"]["totalCount"].as_u64(), "{mine}");
    assert!(!mine.to_string().contains("not for the tester"));
    let body = app.gql(&tester, "query($id: ID!) { cycle(id: $id) { id } }", json!({ "id": hidden.to_string() })).await;
    assert!(body["data"]["cycle"].is_null(), "{body}");
    let body =
        app.gql(&manager, "query($id: ID!) { cycle(id: $id) { name } }", json!({ "id": hidden.to_string() })).await;
    assert_eq!(body["data"]["cycle"]["name"], "not for the tester", "{body}");
}

#[tokio::test]
async fn an_unknown_cycle_is_null_and_a_malformed_id_is_bad_input() {
    let app = TestApp::spawn().await;
    let token = app.login("admin").await;
    let body = app.gql(&token, "{ cycle(id: \"987654\") { id } }", Value::Null).await;
    assert!(body["errors"].is_null() && body["data"]["cycle"].is_null(), "{body}");
    let body = app.gql(&token, "{ cycle(id: \"abc\") { id } }", Value::Null).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
}

#[tokio::test]
async fn reports_of_real_regulations_are_listed() {
    let app = TestApp::spawn().await;
    let token = app.login("data-owner").await;
    let body = app
        .gql(
            &token,
            "{ reports(first: 100) { totalCount edges { node { reportNumber regulation frequency lob { code } } } } }",
            Value::Null,
        )
        .await;
    let text = body.to_string();
    for number in ["FR Y-14M", "FR Y-9C", "FFIEC 031"] {
        assert!(text.contains(number), "{number} missing: {body}");
    }
}
