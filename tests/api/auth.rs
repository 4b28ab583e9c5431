//! Signing in, and every way a token can be wrong.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

use crate::harness::{TestApp, error_code};

const ME: &str = "{ me { username role displayName lob { code } } }";

#[tokio::test]
async fn every_demo_user_can_log_in_and_see_themselves() {
    let app = TestApp::spawn().await;
    let users = [
        ("admin", "ADMIN"),
        ("test-manager", "TEST_MANAGER"),
        ("tester", "TESTER"),
        ("report-owner", "REPORT_OWNER"),
        ("report-owner-executive", "REPORT_OWNER_EXECUTIVE"),
        ("data-executive", "DATA_EXECUTIVE"),
        ("data-owner", "DATA_OWNER"),
    ];
    for (username, role) in users {
        let token = app.login(username).await;
        let body = app.gql(&token, ME, Value::Null).await;
        assert_eq!(body["data"]["me"]["username"], username, "{body}");
        assert_eq!(body["data"]["me"]["role"], role, "{body}");
    }
}

#[tokio::test]
async fn login_returns_a_token_with_sub_role_iat_and_exp() {
    let app = TestApp::spawn().await;
    let token = app.login("tester").await;
    let claims = token.split('.').nth(1).expect("three parts");
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).expect("base64")).expect("json");
    assert_eq!(claims["sub"], app.user_id("tester").await.to_string());
    assert_eq!(claims["role"], "TESTER");
    assert!(claims["exp"].as_u64().expect("exp") > claims["iat"].as_u64().expect("iat"));
}

#[tokio::test]
async fn a_wrong_password_or_unknown_user_is_unauthenticated() {
    let app = TestApp::spawn().await;
    let login = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }";
    for (user, password) in [("tester", "wrong-password"), ("nobody", "synapse-demo")] {
        let body = app.gql_anonymous(login, json!({ "u": user, "p": password })).await;
        assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{body}");
        assert_eq!(body["errors"][0]["message"], "invalid username or password");
    }
}

#[tokio::test]
async fn a_deactivated_user_cannot_log_in() {
    let app = TestApp::spawn().await;
    app.exec("UPDATE app_user SET active = false WHERE username = 'tester'").await;
    let body = app
        .gql_anonymous("mutation { login(username: \"tester\", password: \"synapse-demo\") { token } }", Value::Null)
        .await;
    assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{body}");
}

fn forge(header: &str, claims: &Value) -> String {
    format!("{}.{}.", URL_SAFE_NO_PAD.encode(header), URL_SAFE_NO_PAD.encode(claims.to_string()))
}

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("clock").as_secs()
}

#[tokio::test]
async fn bad_tokens_are_unauthenticated() {
    let app = TestApp::spawn().await;
    let admin_id = app.user_id("admin").await;
    let claims = |exp: u64| json!({ "sub": admin_id.to_string(), "role": "ADMIN", "iat": now() - 7200, "exp": exp });
    let sign = |secret: &str, exp: u64| {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims(exp), &EncodingKey::from_secret(secret.as_bytes()))
            .expect("sign")
    };
    let cases = [
        ("missing", None, "missing bearer token"),
        ("not bearer", Some("Basic YWRtaW46eA==".to_owned()), "invalid token"),
        ("malformed", Some("Bearer not.a.jwt".to_owned()), "invalid token"),
        (
            "wrongly signed",
            Some(format!("Bearer {}", sign("some-other-secret-entirely", now() + 600))),
            "invalid token",
        ),
        ("expired", Some(format!("Bearer {}", sign(crate::harness::TEST_SECRET, now() - 3600))), "token expired"),
        (
            "alg none",
            Some(format!("Bearer {}", forge(r#"{"alg":"none","typ":"JWT"}"#, &claims(now() + 600)))),
            "invalid token",
        ),
    ];
    for (case, authorization, message) in cases {
        let body = json!({ "query": ME }).to_string();
        let (_, body) = app.post_graphql(authorization.as_deref(), body).await;
        assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{case}: {body}");
        assert_eq!(body["errors"][0]["message"], message, "{case}");
        assert!(body["data"].is_null(), "{case}: no data leaks: {body}");
    }
}

#[tokio::test]
async fn every_operation_but_login_needs_a_token() {
    let app = TestApp::spawn().await;
    let operations = [
        "{ me { id } }",
        "{ cycles { totalCount } }",
        "{ cycle(id: \"1\") { id } }",
        "{ reports { totalCount } }",
        "{ workflowExecution(id: \"1\") { id } }",
        "{ workflowExecutions { totalCount } }",
        "{ tasks { totalCount } }",
        "{ compensationLogs { totalCount } }",
        "{ workflowVersions { version } }",
        "mutation { createCycle(input: {name: \"x\", startDate: \"2026-01-01\", endDate: \"2026-02-01\"}) { id } }",
        "mutation { addReportsToCycle(cycleId: \"1\", reportIds: [\"1\"]) { id } }",
    ];
    for operation in operations {
        let body = app.gql_anonymous(operation, Value::Null).await;
        assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{operation}: {body}");
    }
    assert_eq!(app.scalar("SELECT count(*) FROM test_cycle WHERE name = 'x'").await, 0);
}
