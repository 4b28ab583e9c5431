//! `workflowMetrics` over runs, rollups, steps and tasks written the way the worker writes them:
//! figures checked against values worked out by hand from the fixture, the window and its
//! defaults, who may see it, and its cost in statements.

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};

use crate::harness::{TestApp, error_code};

const METRICS: &str = "query($from: DateTime, $to: DateTime) { workflowMetrics(from: $from, to: $to) {
    from to computedAt totalRuns successRate totalCycleRuns
    totalsByStatus { status count } cycleTotalsByStatus { status count }
    phaseDurations { phase completedCount skippedCount failedCount avgSeconds p50Seconds p95Seconds
                     avgWorkingSeconds avgWaitingSeconds retryCount }
    bottlenecks { phase waitingSeconds workingSeconds waitingShare activeRunCount openTaskCount
                  overdueTaskCount oldestOpenTaskAgeSeconds }
    dailyTrend { date started completed failed cancelled successRate avgDurationSeconds cycleRunsStarted } } }";

/// Midnight (UTC) today, as SQL; fixture times hang off it so each run's day is known.
const TODAY: &str = "(date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')";

/// Inserts a run of the demo cycle started at `started` (SQL), returning its id.
async fn run(app: &TestApp, key: &str, parent: Option<i64>, status: &str, started: &str, took: Option<&str>) -> i64 {
    let cycle = app.scalar("SELECT min(id) FROM test_cycle").await;
    let kind = if parent.is_some() { "ReportTestingWorkflow" } else { "EnhancedTestCycleWorkflow" };
    let parent = parent.map_or("NULL".to_owned(), |p| p.to_string());
    let completed = took.map_or("NULL".to_owned(), |t| format!("{started} + interval '{t}'"));
    app.exec(&format!(
        "INSERT INTO workflow_execution (workflow_id, run_id, workflow_type, parent_execution_id, cycle_id, version,
                status, started_at, completed_at)
         VALUES ('{key}', 'run', '{kind}', {parent}, {cycle}, '1.1.0', '{status}', {started}, {completed})"
    ))
    .await;
    app.scalar(&format!("SELECT id FROM workflow_execution WHERE workflow_id = '{key}'")).await
}

/// A phase rollup: (duration, working, waiting) in seconds.
async fn rollup(app: &TestApp, execution: i64, phase: &str, status: &str, secs: (i64, i64, i64), retries: i32) {
    let (duration, working, waiting) = secs;
    app.exec(&format!(
        "INSERT INTO workflow_metrics (execution_id, phase, status, duration_ms, working_ms, waiting_ms, retry_count)
         VALUES ({execution}, '{phase}', '{status}', {}, {}, {}, {retries})",
        duration * 1000,
        working * 1000,
        waiting * 1000
    ))
    .await;
}

/// The fixture, with every figure the tests expect worked out in the comments:
///
/// - cycle run P1 (COMPLETED) two days ago with report runs C1, C2 (COMPLETED, 1 h and 2 h),
///   C3 (FAILED); C4 (CANCELLED) yesterday under P1 too; cycle run P2 (RUNNING) today with C5
///   (RUNNING); cycle run P0 and its report run C6 (COMPLETED) 40 days ago, outside the default
///   window.
/// - PLANNING completed in C1..C4 in 10, 20, 30, 40 s (working 6+20+10+40, waiting 4+0+20+0);
///   in C6 in 1000 s. SCOPING completed in C1 (100 s: 70 working, 30 waiting), was skipped in
///   C2, failed in C3 after 2 retries.
/// - C5 finished PLANNING (60 to 50 minutes ago, a human step that waited 5 minutes) and has
///   been in SCOPING for 50 minutes, its human step waiting for the last 30.
/// - Open tasks: SCOPING of C5 (30 minutes old, due tomorrow), SCOPING of no run (10 minutes
///   old, a minute overdue), REQUEST_FOR_INFORMATION of the cancelled C4 (left out).
async fn fixture(app: &TestApp) -> Vec<i64> {
    let two_days_ago = format!("({TODAY} - interval '2 days' + interval '10 hours')");
    let yesterday = format!("({TODAY} - interval '1 day' + interval '10 hours')");
    let long_ago = format!("({TODAY} - interval '40 days')");
    let p0 = run(app, "p0", None, "COMPLETED", &long_ago, Some("3 hours")).await;
    let c6 = run(app, "c6", Some(p0), "COMPLETED", &long_ago, Some("3 hours")).await;
    let p1 = run(app, "p1", None, "COMPLETED", &two_days_ago, Some("3 hours")).await;
    let c1 = run(app, "c1", Some(p1), "COMPLETED", &two_days_ago, Some("1 hour")).await;
    let c2 = run(app, "c2", Some(p1), "COMPLETED", &two_days_ago, Some("2 hours")).await;
    let c3 = run(app, "c3", Some(p1), "FAILED", &two_days_ago, Some("30 minutes")).await;
    let c4 = run(app, "c4", Some(p1), "CANCELLED", &yesterday, Some("1 hour")).await;
    let p2 = run(app, "p2", None, "RUNNING", TODAY, None).await;
    let c5 = run(app, "c5", Some(p2), "RUNNING", TODAY, None).await;

    for (run, secs) in
        [(c1, (10, 6, 4)), (c2, (20, 20, 0)), (c3, (30, 10, 20)), (c4, (40, 40, 0)), (c6, (1000, 1000, 0))]
    {
        rollup(app, run, "PLANNING", "COMPLETED", secs, 0).await;
    }
    rollup(app, c1, "SCOPING", "COMPLETED", (100, 70, 30), 0).await;
    rollup(app, c2, "SCOPING", "SKIPPED", (0, 0, 0), 0).await;
    rollup(app, c3, "SCOPING", "FAILED", (5, 5, 0), 2).await;

    app.exec(&format!(
        "INSERT INTO workflow_step (execution_id, step_key, phase, name, step_type, status, started_at, completed_at, waiting_ms)
         VALUES ({c5}, 'phase:PLANNING', 'PLANNING', 'Planning', 'PHASE', 'COMPLETED', now() - interval '60 minutes', now() - interval '50 minutes', 0),
                ({c5}, 'activity:plan', 'PLANNING', 'plan', 'ACTIVITY', 'COMPLETED', now() - interval '60 minutes', now() - interval '59 minutes', 0),
                ({c5}, 'task:plan', 'PLANNING', 'Approve', 'HUMAN_TASK', 'COMPLETED', now() - interval '55 minutes', now() - interval '50 minutes', 300000),
                ({c5}, 'phase:SCOPING', 'SCOPING', 'Scoping', 'PHASE', 'RUNNING', now() - interval '50 minutes', NULL, 0),
                ({c5}, 'task:scope', 'SCOPING', 'Review', 'HUMAN_TASK', 'WAITING', now() - interval '30 minutes', NULL, 0)"
    ))
    .await;
    let cycle = app.scalar("SELECT min(id) FROM test_cycle").await;
    app.exec(&format!(
        "INSERT INTO human_task (task_key, cycle_id, execution_id, phase, kind, title, assignee_role, created_at, due_at)
         VALUES ('m1', {cycle}, {c5}, 'SCOPING', 'REVIEW', 'Review scoping', 'REPORT_OWNER', now() - interval '30 minutes', now() + interval '1 day'),
                ('m2', {cycle}, NULL, 'SCOPING', 'APPROVAL', 'Approve scoping', 'TEST_MANAGER', now() - interval '10 minutes', now() - interval '1 minute'),
                ('m3', {cycle}, {c4}, 'REQUEST_FOR_INFORMATION', 'EVIDENCE', 'Evidence', 'DATA_OWNER', now() - interval '20 hours', now() - interval '1 hour')"
    ))
    .await;
    vec![c1, c2, c3, c4, c5, c6]
}

/// Midnight (UTC) today by the database's clock, the instant the fixture's days hang off.
async fn today(app: &TestApp) -> DateTime<Utc> {
    let epoch = app.scalar(&format!("SELECT extract(epoch FROM {TODAY})::int8")).await;
    DateTime::from_timestamp(epoch, 0).expect("a valid instant")
}

fn days_before(day: DateTime<Utc>, days: i64) -> DateTime<Utc> {
    day - TimeDelta::days(days)
}

fn instant(value: &Value) -> Option<DateTime<Utc>> {
    value.as_str().and_then(|s| DateTime::parse_from_rfc3339(s).ok()).map(|t| t.with_timezone(&Utc))
}

/// How long after the fixture was written the query may run, on a loaded machine.
const LATE: f64 = 120.0;

/// `actual` is `expected` plus the time since the fixture was written.
fn at_least(actual: &Value, expected: f64) -> bool {
    actual.as_f64().is_some_and(|a| a >= expected - 0.5 && a < expected + LATE)
}

fn close(actual: &Value, expected: f64, tolerance: f64) -> bool {
    actual.as_f64().is_some_and(|a| (a - expected).abs() <= tolerance)
}

fn status_count(list: &Value, status: &str) -> Value {
    list.as_array().and_then(|l| l.iter().find(|e| e["status"] == status)).map_or(Value::Null, |e| e["count"].clone())
}

fn phase<'a>(list: &'a Value, name: &str) -> &'a Value {
    list.as_array().and_then(|l| l.iter().find(|e| e["phase"] == name)).unwrap_or(&Value::Null)
}

#[tokio::test]
async fn metrics_count_report_runs_by_status_and_rate_the_finished_ones() {
    let app = TestApp::spawn().await;
    fixture(&app).await;
    let token = app.login("test-manager").await;
    let body = app.gql(&token, METRICS, json!({})).await;
    let m = &body["data"]["workflowMetrics"];
    assert_eq!(m["totalRuns"], 5, "C1..C5; C6 is 40 days old: {body}");
    let by_status = &m["totalsByStatus"];
    assert_eq!(by_status.as_array().map(Vec::len), Some(7), "every status is listed: {body}");
    for (status, count) in
        [("COMPLETED", 2), ("FAILED", 1), ("CANCELLED", 1), ("RUNNING", 1), ("PENDING", 0), ("TIMED_OUT", 0)]
    {
        assert_eq!(status_count(by_status, status), count, "{status}: {body}");
    }
    assert!(close(&m["successRate"], 0.5, 1e-9), "2 completed of 4 finished: {body}");
    assert_eq!(m["totalCycleRuns"], 2, "{body}");
    assert_eq!(status_count(&m["cycleTotalsByStatus"], "COMPLETED"), 1, "{body}");
    assert_eq!(status_count(&m["cycleTotalsByStatus"], "RUNNING"), 1, "{body}");
}

#[tokio::test]
async fn metrics_give_each_phase_its_mean_and_continuous_percentiles() {
    let app = TestApp::spawn().await;
    fixture(&app).await;
    let token = app.login("admin").await;
    let body = app.gql(&token, METRICS, json!({})).await;
    let phases = &body["data"]["workflowMetrics"]["phaseDurations"];
    let order: Vec<&str> =
        phases.as_array().map(|l| l.iter().filter_map(|p| p["phase"].as_str()).collect()).unwrap_or_default();
    assert_eq!(order.len(), 8, "all eight phases: {body}");
    assert_eq!((order[0], order[7]), ("PLANNING", "FINALIZE_TEST_REPORT"), "in workflow order: {body}");

    // 10, 20, 30, 40 s: mean 25; p50 halfway between 20 and 30; p95 at rank 0.95 * 3 = 2.85,
    // i.e. 30 + 0.85 * (40 - 30). The 1000 s of the 40-day-old run stay out.
    let planning = phase(phases, "PLANNING");
    assert_eq!(planning["completedCount"], 4, "{body}");
    assert!(close(&planning["avgSeconds"], 25.0, 1e-9), "{planning}");
    assert!(close(&planning["p50Seconds"], 25.0, 1e-9), "{planning}");
    assert!(close(&planning["p95Seconds"], 38.5, 1e-9), "{planning}");
    assert!(close(&planning["avgWorkingSeconds"], 19.0, 1e-9), "(6 + 20 + 10 + 40) / 4: {planning}");
    assert!(close(&planning["avgWaitingSeconds"], 6.0, 1e-9), "(4 + 0 + 20 + 0) / 4: {planning}");

    // Only the completed SCOPING is measured; the skipped and the failed one are counted.
    let scoping = phase(phases, "SCOPING");
    assert_eq!(
        (&scoping["completedCount"], &scoping["skippedCount"], &scoping["failedCount"]),
        (&json!(1), &json!(1), &json!(1))
    );
    assert!(close(&scoping["p50Seconds"], 100.0, 1e-9) && close(&scoping["p95Seconds"], 100.0, 1e-9), "{scoping}");
    assert_eq!(scoping["retryCount"], 2, "{scoping}");

    let unseen = phase(phases, "TEST_EXECUTION");
    assert_eq!(unseen["completedCount"], 0, "{body}");
    assert!(unseen["avgSeconds"].is_null() && unseen["p95Seconds"].is_null(), "{unseen}");
}

#[tokio::test]
async fn metrics_show_where_work_waits() {
    let app = TestApp::spawn().await;
    fixture(&app).await;
    let token = app.login("report-owner-executive").await;
    let body = app.gql(&token, METRICS, json!({})).await;
    let bottlenecks = &body["data"]["workflowMetrics"]["bottlenecks"];
    let order: Vec<&str> =
        bottlenecks.as_array().map(|l| l.iter().filter_map(|p| p["phase"].as_str()).collect()).unwrap_or_default();
    assert_eq!(order, ["SCOPING", "PLANNING"], "open tasks first; the cancelled run's task is no bottleneck: {body}");

    // SCOPING: 30 s waiting and 70 + 5 working in finished runs; in the running C5, 50 minutes
    // so far of which its human step has waited 30.
    let scoping = phase(bottlenecks, "SCOPING");
    assert_eq!((&scoping["openTaskCount"], &scoping["overdueTaskCount"]), (&json!(2), &json!(1)), "{scoping}");
    assert_eq!(scoping["activeRunCount"], 1, "{scoping}");
    // Ages grow while the test runs (by `LATE` at most); working time does not: the phase and its
    // waiting human step started together, so their clocks move together.
    assert!(at_least(&scoping["oldestOpenTaskAgeSeconds"], 1800.0), "{scoping}");
    assert!(at_least(&scoping["waitingSeconds"], 30.0 + 1800.0), "{scoping}");
    assert!(close(&scoping["workingSeconds"], 75.0 + 1200.0, 0.01), "{scoping}");

    // PLANNING: 4 + 20 s waiting and 6 + 20 + 10 + 40 s working in finished runs, plus C5's
    // ten minutes of which its human step waited five.
    let planning = phase(bottlenecks, "PLANNING");
    assert_eq!((&planning["openTaskCount"], &planning["activeRunCount"]), (&json!(0), &json!(0)), "{planning}");
    assert!(planning["oldestOpenTaskAgeSeconds"].is_null(), "{planning}");
    assert!(close(&planning["waitingSeconds"], 324.0, 1e-6), "{planning}");
    assert!(close(&planning["workingSeconds"], 376.0, 1e-6), "{planning}");
    assert!(close(&planning["waitingShare"], 324.0 / 700.0, 1e-9), "{planning}");
}

#[tokio::test]
async fn metrics_trend_groups_runs_by_the_day_they_started() {
    let app = TestApp::spawn().await;
    fixture(&app).await;
    let token = app.login("data-executive").await;
    let body = app.gql(&token, METRICS, json!({})).await;
    let today = today(&app).await;
    let days: Vec<String> = [2, 1, 0].map(|n| days_before(today, n).format("%Y-%m-%d").to_string()).to_vec();
    let trend = &body["data"]["workflowMetrics"]["dailyTrend"];
    let expected = json!([
        { "date": days[0], "started": 3, "completed": 2, "failed": 1, "cancelled": 0,
          "avgDurationSeconds": 5400.0, "cycleRunsStarted": 1 },
        { "date": days[1], "started": 1, "completed": 0, "failed": 0, "cancelled": 1,
          "successRate": 0.0, "avgDurationSeconds": null, "cycleRunsStarted": 0 },
        { "date": days[2], "started": 1, "completed": 0, "failed": 0, "cancelled": 0,
          "successRate": null, "avgDurationSeconds": null, "cycleRunsStarted": 1 },
    ]);
    assert_eq!(trend.as_array().map(Vec::len), Some(3), "{body}");
    for (day, want) in trend.as_array().into_iter().flatten().zip(expected.as_array().into_iter().flatten()) {
        for (field, value) in want.as_object().into_iter().flatten() {
            assert_eq!(&day[field], value, "{field} of {day}");
        }
    }
    assert!(close(&trend[0]["successRate"], 2.0 / 3.0, 1e-9), "{body}");
}

#[tokio::test]
async fn metrics_count_only_runs_started_in_the_window() {
    let app = TestApp::spawn().await;
    fixture(&app).await;
    let token = app.login("admin").await;
    let today = today(&app).await;
    let at = |days: i64| days_before(today, days).to_rfc3339();
    let body = app.gql(&token, METRICS, json!({ "from": at(41), "to": at(39) })).await;
    let m = &body["data"]["workflowMetrics"];
    assert_eq!((&m["totalRuns"], &m["totalCycleRuns"]), (&json!(1), &json!(1)), "C6 and P0 alone: {body}");
    assert!(close(&m["successRate"], 1.0, 1e-9), "{body}");
    assert!(close(&phase(&m["phaseDurations"], "PLANNING")["p50Seconds"], 1000.0, 1e-9), "{body}");

    // `from` defaults to 30 days before `to`: C1..C3 of two days ago, not C4 of yesterday nor C6.
    let body = app.gql(&token, METRICS, json!({ "to": at(1) })).await;
    let m = &body["data"]["workflowMetrics"];
    assert_eq!(m["totalRuns"], 3, "{body}");
    assert_eq!((instant(&m["from"]), instant(&m["to"])), (Some(days_before(today, 31)), Some(days_before(today, 1))));
}

#[tokio::test]
async fn metrics_with_from_after_to_are_bad_input() {
    let app = TestApp::spawn().await;
    let token = app.login("admin").await;
    let body = app.gql(&token, METRICS, json!({ "from": "2026-11-02T00:00:00Z", "to": "2026-11-01T00:00:00Z" })).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
    assert_eq!(body["errors"][0]["extensions"]["field"], "from", "{body}");
    let body = app.gql(&token, METRICS, json!({ "from": "2999-01-01T00:00:00Z" })).await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "a window starting after now: {body}");
}

#[tokio::test]
async fn metrics_are_forbidden_to_roles_that_may_not_monitor() {
    let app = TestApp::spawn().await;
    fixture(&app).await;
    for user in ["tester", "report-owner", "data-owner"] {
        let token = app.login(user).await;
        let body = app.gql(&token, METRICS, json!({})).await;
        assert_eq!(error_code(&body), Some("FORBIDDEN"), "{user}: {body}");
        assert!(body["data"].is_null(), "{user}: no figure leaks: {body}");
    }
}

#[tokio::test]
async fn metrics_need_a_signed_in_caller() {
    let app = TestApp::spawn().await;
    let body = app.gql_anonymous(METRICS, json!({})).await;
    assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{body}");
    let body = app.gql("not-a-token", METRICS, json!({})).await;
    assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{body}");
}

#[tokio::test]
async fn metrics_cost_three_statements_whatever_the_number_of_runs() {
    let app = TestApp::spawn().await;
    let runs = fixture(&app).await;
    let token = app.login("test-manager").await;
    let before = app.statement_count();
    let body = app.gql(&token, METRICS, json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    let few = app.statement_count() - before;

    // Fifty more finished report runs, each with a rollup of every phase.
    app.exec(&format!(
        "WITH more AS (
           INSERT INTO workflow_execution (workflow_id, run_id, workflow_type, parent_execution_id, cycle_id, version,
                  status, started_at, completed_at)
           SELECT 'bulk-' || g, 'run', 'ReportTestingWorkflow', parent_execution_id, cycle_id, '1.1.0', 'COMPLETED',
                  now() - interval '3 hours', now() - interval '2 hours'
           FROM generate_series(1, 50) g, (SELECT parent_execution_id, cycle_id FROM workflow_execution WHERE id = {child}) c
           RETURNING id)
         INSERT INTO workflow_metrics (execution_id, phase, status, duration_ms)
         SELECT more.id, p, 'COMPLETED', 1000 FROM more,
                unnest(ARRAY['PLANNING', 'SCOPING', 'SAMPLE_SELECTION', 'DATA_OWNER_IDENTIFICATION', 'REQUEST_FOR_INFORMATION',
                             'TEST_EXECUTION', 'OBSERVATION_MANAGEMENT', 'FINALIZE_TEST_REPORT']) p",
        child = runs[0]
    ))
    .await;
    let before = app.statement_count();
    let body = app.gql(&token, METRICS, json!({})).await;
    assert_eq!(body["data"]["workflowMetrics"]["totalRuns"], 55, "{body}");
    let many = app.statement_count() - before;
    assert_eq!((few, many), (3, 3), "one statement each for totals, phases and the trend");
}
