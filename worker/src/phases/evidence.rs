//! Evidence: the value a data owner reports from the system of record for one test case,
//! versioned so corrections never overwrite what was tested.

use sea_orm::ConnectionTrait;

use super::PhaseResult;
use crate::sql::{exec, scalar_i64};

/// Stores a new version of a test case's evidence and acknowledges its request; returns the version.
pub async fn submit(
    db: &impl ConnectionTrait,
    test_case_id: i64,
    value: &str,
    document_ref: Option<&str>,
    submitted_by: i64,
) -> PhaseResult<i64> {
    let version = scalar_i64(
        db,
        "INSERT INTO evidence (test_case_id, version, value, document_ref, submitted_by, source)
         SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, 'DATA_OWNER' FROM evidence WHERE test_case_id = $1
         RETURNING version::bigint",
        vec![test_case_id.into(), value.into(), document_ref.map(str::to_owned).into(), submitted_by.into()],
    )
    .await?;
    // The data owner's first evidence acknowledges the request (an overdue one stays overdue).
    exec(
        db,
        "UPDATE information_request SET status = 'ACKNOWLEDGED'
         WHERE id = (SELECT information_request_id FROM test_case WHERE id = $1) AND status = 'SENT'",
        vec![test_case_id.into()],
    )
    .await?;
    Ok(version.unwrap_or(1))
}

/// AUTO approval mode: every test case without evidence gets the system-of-record value
/// (recorded with source AUTO), and every request is marked submitted. Missing system values
/// stay without evidence, so testing finds them INCONCLUSIVE. A test case with evidence has a
/// first version (versions count from 1), so the conflict on version 1 is what skips it: no
/// probe of the evidence table, whose size grows with every report.
pub async fn auto_fill(db: &impl ConnectionTrait, cycle_report_id: i64) -> PhaseResult<u64> {
    let added = exec(
        db,
        "INSERT INTO evidence (test_case_id, version, value, document_ref, source)
         SELECT tc.id, 1, CASE jsonb_typeof(sr.system_values -> a.name)
                            WHEN 'string' THEN sr.system_values ->> a.name
                            ELSE (sr.system_values -> a.name)::text END,
                'system-of-record:' || sr.record_key, 'AUTO'
         FROM test_case tc
         JOIN sample s ON s.id = tc.sample_id AND s.cycle_report_id = $1
         JOIN source_record sr ON sr.id = s.source_record_id
         JOIN attribute a ON a.id = tc.attribute_id AND a.cycle_report_id = $1
         WHERE tc.cycle_report_id = $1
           AND jsonb_typeof(sr.system_values -> a.name) NOT IN ('null')
           AND sr.system_values ? a.name
         ON CONFLICT (test_case_id, version) DO NOTHING",
        vec![cycle_report_id.into()],
    )
    .await?;
    exec(
        db,
        "UPDATE information_request SET status = 'SUBMITTED', submitted_at = now()
         WHERE cycle_report_id = $1 AND status IN ('SENT', 'ACKNOWLEDGED', 'OVERDUE')",
        vec![cycle_report_id.into()],
    )
    .await?;
    Ok(added)
}

/// Marks one request submitted (its data owner completed the EVIDENCE task).
pub async fn request_submitted(db: &impl ConnectionTrait, information_request_id: i64) -> PhaseResult<()> {
    exec(
        db,
        "UPDATE information_request SET status = 'SUBMITTED', submitted_at = COALESCE(submitted_at, now())
         WHERE id = $1 AND status <> 'CLOSED'",
        vec![information_request_id.into()],
    )
    .await?;
    Ok(())
}
