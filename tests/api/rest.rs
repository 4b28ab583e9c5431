//! The seed's REST call reads its body as JSON whatever the declared type, and answers what it
//! cannot read with BAD_USER_INPUT in its JSON error shape.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;

use crate::harness::TestApp;

async fn post(app: &TestApp, token: &str, path: &str, content_type: &str, body: &str) -> (StatusCode, Value) {
    let request = Request::post(path)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", content_type)
        .body(Body::from(body.to_owned()))
        .expect("request");
    app.request(request).await
}

#[tokio::test]
async fn a_body_sent_as_curl_sends_it_is_read_and_what_cannot_be_read_has_a_code() {
    let app = TestApp::spawn().await;
    let manager = app.login("test-manager").await;
    // `curl -d` declares a form; the JSON is read anyway, so the service answers (no such cycle).
    let form = "application/x-www-form-urlencoded";
    let (status, body) = post(&app, &manager, "/api/v1/workflow/start/999999", form, r#"{"report_ids": []}"#).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(body["error"]["code"], "NOT_FOUND", "{body}");

    let (status, body) = post(&app, &manager, "/api/v1/workflow/start/999999", form, "report_ids=1").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], "BAD_USER_INPUT", "{body}");

    let (status, body) = post(&app, &manager, "/api/v1/workflow/start/first", "application/json", "{}").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], "BAD_USER_INPUT", "{body}");
    assert!(body["error"]["message"].as_str().is_some_and(|m| m.contains("cycle id")), "{body}");

    // An empty body asks for the defaults.
    let (status, body) = post(&app, &manager, "/api/v1/workflow/start/999999", "application/json", "").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");

    // A scheduled start's time is checked before anything else is looked at.
    let past = r#"{"report_ids": [], "start_at": "2020-01-01T00:00:00Z"}"#;
    let (status, body) = post(&app, &manager, "/api/v1/workflow/start/999999", "application/json", past).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(body["error"]["message"].as_str().is_some_and(|m| m.contains("startAt")), "{body}");
}
