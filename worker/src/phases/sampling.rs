//! Phase 3, Sample Selection: a stratified, reproducible random sample of the report's source
//! records by LOB and category. The seed is stored on every sample so the draw can be repeated.

use sea_orm::{ConnectionTrait, FromQueryResult};

use super::{PhaseInput, PhaseResult, stable_hash};
use crate::catalog;
use crate::rules::sampling::{Candidate, SampleCategory, categorize, stratified_sample};
use crate::sql::{exec, insert_batch, rows};

/// A record that may be drawn: its category as stored, or its values to work the category out
/// from when it was stored without one.
#[derive(Debug, FromQueryResult)]
struct Record {
    id: i64,
    lob_id: i64,
    category: Option<String>,
    reported_values: Option<serde_json::Value>,
}

impl Record {
    /// The record's category: the stored one, else from its values by the report's rules.
    fn category(&self, spec: Option<&catalog::ReportSpec>) -> SampleCategory {
        if let Some(stored) = self.category.as_deref().and_then(SampleCategory::parse) {
            return stored;
        }
        match (spec, self.reported_values.as_ref().and_then(|values| values.as_object())) {
            (Some(spec), Some(values)) => categorize(spec, values),
            _ => SampleCategory::Clean,
        }
    }
}

#[derive(Debug, serde::Serialize)]
struct NewSample {
    source_record_id: i64,
    lob_id: i64,
    category: &'static str,
    status: &'static str,
}

#[derive(Debug, FromQueryResult)]
struct Kept {
    source_record_id: i64,
}

/// Draws and stores this round's sample of `size` records; returns how many were drawn.
pub async fn select(db: &impl ConnectionTrait, input: &PhaseInput, size: usize) -> PhaseResult<usize> {
    let number: Vec<ReportNumber> =
        rows(db, "SELECT report_number FROM report WHERE id = $1", vec![input.report_id.into()]).await?;
    let spec = number.first().and_then(|r| catalog::find(&r.report_number));
    let records: Vec<Record> = rows(
        db,
        // Values only where no category was stored: most records need a few bytes, not a document.
        "SELECT id, lob_id, category, CASE WHEN category IS NULL THEN reported_values END AS reported_values
         FROM source_record WHERE report_id = $1 ORDER BY id",
        vec![input.report_id.into()],
    )
    .await?;
    let candidates: Vec<Candidate> =
        records.iter().map(|r| Candidate { record_id: r.id, lob_id: r.lob_id, category: r.category(spec) }).collect();
    // Samples a reviewer already approved survive a partial rollback and count toward the size.
    let kept: Vec<Kept> = rows(
        db,
        "SELECT source_record_id FROM sample WHERE cycle_report_id = $1 AND status = 'APPROVED'",
        vec![input.cycle_report_id.into()],
    )
    .await?;
    let keep: Vec<i64> = kept.iter().map(|k| k.source_record_id).collect();
    let seed = stable_hash(&[&input.cycle_report_id.to_string(), &input.round.to_string()]);
    let chosen = stratified_sample(&candidates, size, seed, &keep);
    let samples: Vec<NewSample> = chosen
        .iter()
        .map(|choice| NewSample {
            source_record_id: choice.record_id,
            lob_id: choice.lob_id,
            category: choice.category.as_str(),
            status: if keep.contains(&choice.record_id) { "APPROVED" } else { "PROPOSED" },
        })
        .collect();
    insert_batch(
        db,
        "INSERT INTO sample (cycle_report_id, source_record_id, lob_id, version, category, selection_method,
                random_seed, status)
         SELECT $2, x.source_record_id, x.lob_id, $3, x.category, 'STRATIFIED_RANDOM', $4, x.status
         FROM jsonb_to_recordset($1::jsonb) AS x(source_record_id bigint, lob_id bigint, category text, status text)
         ON CONFLICT (cycle_report_id, version, source_record_id) DO NOTHING",
        &samples,
        [
            input.cycle_report_id.into(),
            input.version().into(),
            // Stored as a signed 64-bit value; the bits are what matter.
            i64::from_ne_bytes(seed.to_ne_bytes()).into(),
        ],
    )
    .await?;
    Ok(chosen.len())
}

#[derive(Debug, FromQueryResult)]
struct ReportNumber {
    report_number: String,
}

/// Marks the latest sample set approved (or rejected).
pub async fn decide(db: &impl ConnectionTrait, cycle_report_id: i64, approved: bool) -> PhaseResult<()> {
    exec(
        db,
        "UPDATE sample SET status = $2 WHERE cycle_report_id = $1 AND status = 'PROPOSED'
           AND version = (SELECT max(version) FROM sample WHERE cycle_report_id = $1)",
        vec![cycle_report_id.into(), if approved { "APPROVED" } else { "REJECTED" }.into()],
    )
    .await?;
    Ok(())
}
