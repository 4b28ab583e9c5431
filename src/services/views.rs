//! Read models that join several tables (what a test case, an observation or a test report
//! looks like to a person), loaded in batches by key.

use sea_orm::{ConnectionTrait, FromQueryResult};

use crate::db::statement;
use crate::error::AppResult;

/// A test case as a data owner and a tester see it.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct TestCaseView {
    pub id: i64,
    pub information_request_id: Option<i64>,
    pub attribute_name: String,
    pub sample_key: String,
    pub reported_value: Option<String>,
    pub evidence_value: Option<String>,
    pub evidence_version: Option<i32>,
    pub evidence_document_ref: Option<String>,
    pub result: Option<String>,
}

const TEST_CASES: &str = "
    SELECT tc.id, tc.information_request_id, a.name AS attribute_name, sr.record_key AS sample_key, tc.reported_value,
           e.value AS evidence_value, e.version AS evidence_version, e.document_ref AS evidence_document_ref,
           te.result
    FROM test_case tc
    JOIN attribute a ON a.id = tc.attribute_id
    JOIN sample s ON s.id = tc.sample_id
    JOIN source_record sr ON sr.id = s.source_record_id
    LEFT JOIN LATERAL (SELECT value, version, document_ref FROM evidence
                       WHERE test_case_id = tc.id ORDER BY version DESC LIMIT 1) e ON true
    LEFT JOIN LATERAL (SELECT result FROM test_execution
                       WHERE test_case_id = tc.id ORDER BY run_number DESC LIMIT 1) te ON true";

/// The test cases of these requests.
pub async fn test_cases_of_requests(db: &impl ConnectionTrait, requests: Vec<i64>) -> AppResult<Vec<TestCaseView>> {
    let sql = format!("{TEST_CASES} WHERE tc.information_request_id = ANY($1) ORDER BY tc.id");
    Ok(TestCaseView::find_by_statement(statement(sql, [requests.into()])).all(db).await?)
}

/// One test case.
pub async fn test_case(db: &impl ConnectionTrait, id: i64) -> AppResult<Option<TestCaseView>> {
    let sql = format!("{TEST_CASES} WHERE tc.id = $1");
    Ok(TestCaseView::find_by_statement(statement(sql, [id.into()])).one(db).await?)
}

/// An observation with where it was found.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct ObservationView {
    pub cycle_id: i64,
    pub id: i64,
    pub report_id: i64,
    pub title: String,
    pub description: String,
    pub observation_type: String,
    pub severity: String,
    pub status: String,
    pub attribute_name: String,
    pub lob_code: String,
    pub failure_count: i32,
    pub tested_count: i32,
}

/// The observations of these cycles.
pub async fn observations_of_cycles(db: &impl ConnectionTrait, cycles: Vec<i64>) -> AppResult<Vec<ObservationView>> {
    let sql =
        "SELECT cr.cycle_id, o.id, cr.report_id, o.title, o.description, o.observation_type, o.severity, o.status,
                      a.name AS attribute_name, l.code AS lob_code, o.failure_count, o.tested_count
               FROM observation o JOIN cycle_report cr ON cr.id = o.cycle_report_id
               JOIN attribute a ON a.id = o.attribute_id JOIN lob l ON l.id = o.lob_id
               WHERE cr.cycle_id = ANY($1) ORDER BY o.id";
    Ok(ObservationView::find_by_statement(statement(sql, [cycles.into()])).all(db).await?)
}

/// The latest version of a report's test report within a cycle.
#[derive(Debug, Clone, PartialEq, FromQueryResult)]
pub struct TestReportView {
    pub cycle_id: i64,
    pub id: i64,
    pub report_id: i64,
    pub version: i32,
    pub status: String,
    pub markdown: String,
    pub html: String,
    pub summary: serde_json::Value,
}

/// The latest test reports of these cycles.
pub async fn test_reports_of_cycles(db: &impl ConnectionTrait, cycles: Vec<i64>) -> AppResult<Vec<TestReportView>> {
    let sql = "SELECT DISTINCT ON (tr.cycle_report_id) cr.cycle_id, tr.id, cr.report_id, tr.version, tr.status,
                      tr.markdown, tr.html, tr.summary
               FROM test_report tr JOIN cycle_report cr ON cr.id = tr.cycle_report_id
               WHERE cr.cycle_id = ANY($1) ORDER BY tr.cycle_report_id, tr.version DESC";
    Ok(TestReportView::find_by_statement(statement(sql, [cycles.into()])).all(db).await?)
}

impl ObservationView {
    /// The cycle, as a grouping key.
    pub fn cycle_id_opt(&self) -> Option<i64> {
        Some(self.cycle_id)
    }
}

impl TestReportView {
    /// The cycle, as a grouping key.
    pub fn cycle_id_opt(&self) -> Option<i64> {
        Some(self.cycle_id)
    }
}
