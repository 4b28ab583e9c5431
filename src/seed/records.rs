//! Demo reports from the built-in catalogue and their generated source records.

use std::collections::HashMap;

use anyhow::Context;
use entity::{report, source_record};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use worker::catalog::{self, generate_records};
use worker::rules::categorize;

use super::people::{LobIds, UserIds};
use super::{RECORD_SEED, RECORDS_PER_REPORT};

/// Report ids by report number.
pub type ReportIds = HashMap<&'static str, i64>;

/// Every catalogue report, owned by `report-owner`, inserted when missing.
pub async fn reports(db: &impl ConnectionTrait, lobs: &LobIds, users: &UserIds) -> anyhow::Result<ReportIds> {
    let owner = *users.get("report-owner").context("the report owner is seeded")?;
    let mut rows = Vec::new();
    for spec in catalog::reports() {
        let lob = spec.lob_codes.first().and_then(|code| lobs.get(code)).context("a report's LOB is seeded")?;
        rows.push(report::ActiveModel {
            name: Set(spec.name.to_owned()),
            report_number: Set(spec.number.to_owned()),
            regulation: Set(spec.regulation.to_owned()),
            frequency: Set(spec.frequency.as_str().to_owned()),
            description: Set(spec.description.to_owned()),
            owner_id: Set(owner),
            lob_id: Set(*lob),
            ..Default::default()
        });
    }
    report::Entity::insert_many(rows)
        .on_conflict(OnConflict::column(report::Column::ReportNumber).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    let numbers = catalog::reports().iter().map(|s| s.number);
    let stored = report::Entity::find().filter(report::Column::ReportNumber.is_in(numbers)).all(db).await?;
    Ok(catalog::reports()
        .iter()
        .filter_map(|s| stored.iter().find(|r| r.report_number == s.number).map(|r| (s.number, r.id)))
        .collect())
}

/// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters.
const CHUNK: usize = 1000;

/// The generated source records of every report with their sampling categories, inserted when
/// missing; returns how many were added.
pub async fn source_records(db: &impl ConnectionTrait, lobs: &LobIds, reports: &ReportIds) -> anyhow::Result<u64> {
    let mut added = 0;
    for spec in catalog::reports() {
        let report_id = *reports.get(spec.number).context("report seeded")?;
        let records = generate_records(spec, RECORDS_PER_REPORT, RECORD_SEED);
        for chunk in records.chunks(CHUNK) {
            let mut rows = Vec::with_capacity(chunk.len());
            for record in chunk {
                let lob_id = *lobs.get(record.lob_code).context("a record's LOB is seeded")?;
                rows.push(source_record::ActiveModel {
                    report_id: Set(report_id),
                    lob_id: Set(lob_id),
                    record_key: Set(record.record_key.clone()),
                    reported_values: Set(record.reported.clone().into()),
                    system_values: Set(record.system.clone().into()),
                    category: Set(Some(categorize(spec, &record.reported).as_str().to_owned())),
                    ..Default::default()
                });
            }
            added += source_record::Entity::insert_many(rows)
                .on_conflict(
                    OnConflict::columns([source_record::Column::ReportId, source_record::Column::RecordKey])
                        .do_nothing()
                        .to_owned(),
                )
                .exec_without_returning(db)
                .await?;
        }
    }
    Ok(added)
}
