//! Phase 8, Finalize Test Report: render the report (Markdown and HTML) and collect sign-offs.

use sea_orm::{ConnectionTrait, FromQueryResult};
use serde::Deserialize;

use super::{PhaseError, PhaseInput, PhaseResult};
use crate::rules::report::{
    AttributeResult, ObservationLine, ReportData, SampleLine, ScopeLine, SignOffLine, render as render_report,
};
use crate::sql::{exec, rows, scalar_i64};

/// Everything a report shows, read in one statement: the header's columns, and each list as a
/// JSON array (a render is one round trip, not six).
#[derive(Debug, FromQueryResult)]
struct Stored {
    cycle_name: String,
    report_name: String,
    report_number: String,
    regulation: String,
    attributes_total: i64,
    scope: serde_json::Value,
    samples: serde_json::Value,
    results: serde_json::Value,
    observations: serde_json::Value,
    sign_offs: serde_json::Value,
}

#[derive(Debug, Deserialize)]
struct Scope {
    name: String,
    risk_score: i16,
    rationale: String,
}

#[derive(Debug, Deserialize)]
struct Sample {
    record_key: String,
    lob_code: String,
    category: String,
}

#[derive(Debug, Deserialize)]
struct Result {
    attribute_name: String,
    passed: i64,
    failed: i64,
    inconclusive: i64,
}

#[derive(Debug, Deserialize)]
struct Observation {
    title: String,
    severity: String,
    status: String,
}

#[derive(Debug, Deserialize)]
struct SignOff {
    role: String,
    name: String,
    signed_at: String,
    automatic: bool,
}

const STORED: &str = "
SELECT c.name AS cycle_name, r.name AS report_name, r.report_number, r.regulation,
       (SELECT count(*) FROM attribute a WHERE a.cycle_report_id = cr.id
          AND a.version = (SELECT max(version) FROM attribute WHERE cycle_report_id = cr.id)) AS attributes_total,
       (SELECT COALESCE(json_agg(x ORDER BY x.id), '[]') FROM (
          SELECT a.id, a.name, COALESCE(d.risk_score, 0)::smallint AS risk_score,
                 COALESCE(d.rationale, 'scoping skipped') AS rationale
          FROM attribute a
          LEFT JOIN LATERAL (SELECT * FROM scoping_decision sd WHERE sd.attribute_id = a.id ORDER BY version DESC LIMIT 1) d ON true
          WHERE a.cycle_report_id = cr.id AND a.version = (SELECT max(version) FROM attribute WHERE cycle_report_id = cr.id)
            AND COALESCE(d.in_scope, true)) x) AS scope,
       (SELECT COALESCE(json_agg(x ORDER BY x.lob_code, x.record_key), '[]') FROM (
          SELECT sr.record_key, l.code AS lob_code, s.category FROM sample s
          JOIN source_record sr ON sr.id = s.source_record_id JOIN lob l ON l.id = s.lob_id
          WHERE s.cycle_report_id = cr.id AND s.status <> 'REJECTED'
            AND s.version = (SELECT max(version) FROM sample WHERE cycle_report_id = cr.id)) x) AS samples,
       (SELECT COALESCE(json_agg(x ORDER BY x.id), '[]') FROM (
          SELECT a.id, a.name AS attribute_name,
                 count(*) FILTER (WHERE te.result = 'PASS') AS passed,
                 count(*) FILTER (WHERE te.result = 'FAIL') AS failed,
                 count(*) FILTER (WHERE te.result = 'INCONCLUSIVE') AS inconclusive
          FROM test_case tc
          JOIN LATERAL (SELECT result FROM test_execution x WHERE x.test_case_id = tc.id ORDER BY run_number DESC LIMIT 1) te ON true
          JOIN attribute a ON a.id = tc.attribute_id AND a.cycle_report_id = cr.id
          WHERE tc.cycle_report_id = cr.id GROUP BY a.id, a.name) x) AS results,
       (SELECT COALESCE(json_agg(x ORDER BY x.id), '[]') FROM (
          SELECT id, title, severity, status FROM observation WHERE cycle_report_id = cr.id) x) AS observations,
       (SELECT COALESCE(json_agg(x ORDER BY x.at), '[]') FROM (
          SELECT so.role, COALESCE(u.display_name, 'automatic') AS name, so.signed_at AS at,
                 to_char(so.signed_at, 'YYYY-MM-DD HH24:MI') AS signed_at, so.automatic
          FROM test_report_sign_off so JOIN test_report tr ON tr.id = so.test_report_id
          LEFT JOIN app_user u ON u.id = so.user_id
          WHERE tr.cycle_report_id = cr.id) x) AS sign_offs
FROM cycle_report cr JOIN test_cycle c ON c.id = cr.cycle_id JOIN report r ON r.id = cr.report_id
WHERE cr.id = $1";

/// One of the stored lists, as read.
fn list<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> PhaseResult<Vec<T>> {
    serde_json::from_value(value).map_err(|err| PhaseError::Business(format!("reading the report's data: {err}")))
}

/// Renders this round's report from what the phases stored; returns the test report's id.
pub async fn render(db: &impl ConnectionTrait, input: &PhaseInput, generated_on: &str) -> PhaseResult<i64> {
    let stored: Stored = rows(db, STORED, vec![input.cycle_report_id.into()])
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| PhaseError::Business(format!("cycle report {} does not exist", input.cycle_report_id)))?;
    let scope: Vec<Scope> = list(stored.scope)?;
    let samples: Vec<Sample> = list(stored.samples)?;
    let results: Vec<Result> = list(stored.results)?;
    let observations: Vec<Observation> = list(stored.observations)?;
    let sign_offs: Vec<SignOff> = list(stored.sign_offs)?;
    let data = ReportData {
        cycle_name: stored.cycle_name,
        report_name: stored.report_name,
        report_number: stored.report_number,
        regulation: stored.regulation,
        generated_on: generated_on.to_owned(),
        attributes_total: usize::try_from(stored.attributes_total).unwrap_or_default(),
        attributes_in_scope: scope
            .into_iter()
            .map(|s| ScopeLine { name: s.name, risk_score: s.risk_score, rationale: s.rationale })
            .collect(),
        samples: samples
            .into_iter()
            .map(|s| SampleLine { record_key: s.record_key, lob_code: s.lob_code, category: s.category })
            .collect(),
        results: results
            .into_iter()
            .map(|r| AttributeResult {
                attribute_name: r.attribute_name,
                passed: usize::try_from(r.passed).unwrap_or_default(),
                failed: usize::try_from(r.failed).unwrap_or_default(),
                inconclusive: usize::try_from(r.inconclusive).unwrap_or_default(),
            })
            .collect(),
        observations: observations
            .into_iter()
            .map(|o| ObservationLine { title: o.title, severity: o.severity, status: o.status })
            .collect(),
        sign_offs: sign_offs
            .into_iter()
            .map(|s| SignOffLine { role: s.role, name: s.name, signed_at: s.signed_at, automatic: s.automatic })
            .collect(),
    };
    let rendered = render_report(&data);
    let id = scalar_i64(
        db,
        "INSERT INTO test_report (cycle_report_id, version, status, markdown, html, summary)
         VALUES ($1, $2, 'PENDING_SIGN_OFF', $3, $4, $5)
         ON CONFLICT (cycle_report_id, version) DO UPDATE SET
            markdown = EXCLUDED.markdown, html = EXCLUDED.html, summary = EXCLUDED.summary, updated_at = now()
         RETURNING id",
        vec![
            input.cycle_report_id.into(),
            input.version().into(),
            rendered.markdown.into(),
            rendered.html.into(),
            rendered.summary.into(),
        ],
    )
    .await?
    .unwrap_or_default();
    Ok(id)
}

/// Records a sign-off on the report's latest version; once the test manager and the report
/// owner have both signed, the report is SIGNED_OFF and is rendered again with the sign-offs.
pub async fn sign_off(
    db: &impl ConnectionTrait,
    cycle_report_id: i64,
    role: &str,
    user_id: Option<i64>,
    comment: Option<String>,
) -> PhaseResult<bool> {
    exec(
        db,
        "INSERT INTO test_report_sign_off (test_report_id, user_id, role, comment, automatic)
         SELECT id, $2, $3, $4, $2 IS NULL FROM test_report
         WHERE cycle_report_id = $1 ORDER BY version DESC LIMIT 1
         ON CONFLICT (test_report_id, role) DO NOTHING",
        vec![cycle_report_id.into(), user_id.into(), role.into(), comment.into()],
    )
    .await?;
    let signed = scalar_i64(
        db,
        "SELECT count(DISTINCT so.role) FROM test_report_sign_off so
         WHERE so.test_report_id = (SELECT id FROM test_report WHERE cycle_report_id = $1 ORDER BY version DESC LIMIT 1)
           AND so.role IN ('TEST_MANAGER', 'REPORT_OWNER')",
        vec![cycle_report_id.into()],
    )
    .await?
    .unwrap_or(0);
    Ok(signed >= 2)
}

/// Marks the latest report signed off, re-rendered so the document lists its sign-offs.
pub async fn finalize(db: &impl ConnectionTrait, input: &PhaseInput, generated_on: &str) -> PhaseResult<()> {
    let latest = scalar_i64(
        db,
        "SELECT max(version)::bigint FROM test_report WHERE cycle_report_id = $1",
        vec![input.cycle_report_id.into()],
    )
    .await?
    .unwrap_or(1);
    let at_latest = PhaseInput { round: u32::try_from(latest).unwrap_or(1), ..input.clone() };
    render(db, &at_latest, generated_on).await?;
    exec(
        db,
        "UPDATE test_report SET status = 'SIGNED_OFF', updated_at = now() WHERE cycle_report_id = $1 AND version = $2",
        vec![input.cycle_report_id.into(), latest.into()],
    )
    .await?;
    Ok(())
}
