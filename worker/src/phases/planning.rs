//! Phase 1, Planning: generate the attributes to test for the report.

use entity::{attribute, report};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};

use super::{PhaseError, PhaseInput, PhaseResult};
use crate::provider::{AttributeProvider, ReportContext};

/// Generates and stores this round's attribute set; returns how many attributes it has.
pub async fn generate_attributes(
    db: &DatabaseConnection,
    provider: &dyn AttributeProvider,
    input: &PhaseInput,
) -> PhaseResult<usize> {
    let report = report::Entity::find_by_id(input.report_id)
        .one(db)
        .await?
        .ok_or_else(|| PhaseError::Business(format!("report {} does not exist", input.report_id)))?;
    let context =
        ReportContext { report_number: report.report_number, name: report.name, regulation: report.regulation };
    let drafts = provider.generate(&context, input.revision.as_ref()).await?;
    if drafts.is_empty() {
        return Err(PhaseError::Business(format!("no attributes were generated for {}", context.report_number)));
    }
    let count = drafts.len();
    let rows = drafts.into_iter().map(|d| attribute::ActiveModel {
        cycle_report_id: Set(input.cycle_report_id),
        version: Set(input.version()),
        name: Set(d.name),
        description: Set(d.description),
        data_type: Set(d.data_type),
        requirement: Set(d.requirement),
        is_cde: Set(d.is_cde),
        has_historical_issue: Set(d.has_historical_issue),
        is_primary_key: Set(d.is_primary_key),
        line_item: Set(d.line_item),
        validation_rule: Set(d.validation_rule),
        origin: Set(provider.origin().to_owned()),
        ..Default::default()
    });
    attribute::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([
                attribute::Column::CycleReportId,
                attribute::Column::Version,
                attribute::Column::Name,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(count)
}
