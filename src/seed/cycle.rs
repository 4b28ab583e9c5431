//! The demo cycle: this quarter's regulatory testing with three reports, tested by `tester`.

use anyhow::Context;
use chrono::NaiveDate;
use entity::enums::CycleStatus;
use entity::{cycle_report, test_cycle};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::people::UserIds;
use super::records::ReportIds;

/// Name of the demo cycle (its natural key for the seed).
pub const DEMO_CYCLE: &str = "2026 Q4 Regulatory Testing";
/// The reports the demo cycle tests.
const DEMO_REPORTS: [&str; 3] = ["FR Y-14M D.1", "FR Y-9C", "FFIEC 031"];

/// The demo cycle's id, creating it and its reports when missing.
pub async fn demo_cycle(db: &impl ConnectionTrait, users: &UserIds, reports: &ReportIds) -> anyhow::Result<i64> {
    let manager = *users.get("test-manager").context("the test manager is seeded")?;
    let tester = *users.get("tester").context("the tester is seeded")?;
    let existing = test_cycle::Entity::find().filter(test_cycle::Column::Name.eq(DEMO_CYCLE)).one(db).await?;
    let cycle = match existing {
        Some(cycle) => cycle,
        None => {
            test_cycle::ActiveModel {
                name: Set(DEMO_CYCLE.to_owned()),
                description: Set("Quarter-end testing of the holding company's key regulatory filings.".to_owned()),
                test_manager_id: Set(manager),
                start_date: Set(NaiveDate::from_ymd_opt(2026, 10, 1).context("date")?),
                end_date: Set(NaiveDate::from_ymd_opt(2026, 12, 31).context("date")?),
                status: Set(CycleStatus::Active),
                ..Default::default()
            }
            .insert(db)
            .await?
        }
    };
    let rows = DEMO_REPORTS
        .iter()
        .map(|number| {
            let report_id = *reports.get(number).with_context(|| format!("{number} is in the catalogue"))?;
            Ok(cycle_report::ActiveModel {
                cycle_id: Set(cycle.id),
                report_id: Set(report_id),
                tester_id: Set(Some(tester)),
                ..Default::default()
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    cycle_report::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([cycle_report::Column::CycleId, cycle_report::Column::ReportId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(cycle.id)
}
