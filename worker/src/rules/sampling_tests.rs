//! Pins down the sample categories and the stratified draw.

use std::collections::HashSet;

use serde_json::json;

use super::*;
use crate::catalog::{find, generate_records, reports};

fn card_spec() -> &'static ReportSpec {
    find("FR Y-14M D.1").unwrap_or_else(|| panic!("the card report is in the catalogue"))
}

/// A plain card record with no anomaly and no edge value.
fn clean_card_record() -> Map<String, Value> {
    let record = json!({
        "account_id": "CC0000000001", "origination_date": "2015-06-12", "card_type": "1",
        "current_credit_limit": 8000.0, "cycle_ending_balance": 1234.56, "cycle_end_date": "2026-09-17",
        "days_past_due": 0, "current_apr": 22.49, "refreshed_credit_score": 731, "borrower_state": "NY",
        "borrower_zip": "10001", "minimum_payment_due": 25.0, "actual_payment_amount": 100.0,
        "gross_charge_off_amount": null, "bankruptcy_flag": false, "securitized_flag": true
    });
    record.as_object().cloned().unwrap_or_default()
}

fn with(field: &str, value: Value) -> Map<String, Value> {
    let mut record = clean_card_record();
    record.insert(field.to_owned(), value);
    record
}

#[test]
fn categories_follow_simple_rules() {
    let spec = card_spec();
    assert_eq!(categorize_explained(spec, &clean_card_record()).0, SampleCategory::Clean);
    for (field, value) in [
        ("current_credit_limit", Value::Null),
        ("cycle_ending_balance", json!(-5.0)),
        ("current_apr", json!(123.0)),
        ("refreshed_credit_score", json!(120)),
        ("cycle_end_date", json!("2026-02-30")),
        ("current_credit_limit", json!(900_000.0)),
    ] {
        assert_eq!(categorize(spec, &with(field, value.clone())), SampleCategory::Anomaly, "{field} = {value}");
    }
    for (field, value) in [
        ("cycle_ending_balance", json!(0.0)),
        ("cycle_end_date", json!("2026-09-30")),
        ("origination_date", json!("2016-02-29")),
        ("refreshed_credit_score", json!(850)),
    ] {
        assert_eq!(categorize(spec, &with(field, value.clone())), SampleCategory::Boundary, "{field} = {value}");
    }
    // A conditional field may be empty, and zero days past due is normal.
    assert_eq!(categorize(spec, &with("gross_charge_off_amount", Value::Null)), SampleCategory::Clean);
    assert_eq!(categorize(spec, &with("days_past_due", json!(0))), SampleCategory::Clean);
}

#[test]
fn anomalies_win_over_boundaries_and_reasons_name_the_field() {
    let mut record = with("cycle_end_date", json!("2026-09-30"));
    record.insert("current_apr".to_owned(), json!(150.0));
    let (category, reason) = categorize_explained(card_spec(), &record);
    assert_eq!(category, SampleCategory::Anomaly);
    assert!(reason.contains("current_apr"), "{reason}");
    let (_, reason) = categorize_explained(card_spec(), &with("cycle_end_date", json!("2026-09-30")));
    assert!(reason.contains("quarter end"), "{reason}");
}

#[test]
fn generated_records_are_mostly_clean_with_some_of_each_kind() {
    for spec in reports() {
        let records = generate_records(spec, 2_000, 7);
        let count = |wanted| records.iter().filter(|r| categorize(spec, &r.reported) == wanted).count();
        let clean = count(SampleCategory::Clean);
        assert!(clean > 1_500, "{}: {clean} clean", spec.number);
        assert!(count(SampleCategory::Anomaly) > 0, "{}: some anomalies", spec.number);
    }
}

fn population() -> Vec<Candidate> {
    // Two LOBs; LOB 1 is large, LOB 2 small; a few anomalies and boundaries in each.
    (1..=300_i64)
        .map(|record_id| {
            let lob_id = if record_id % 5 == 0 { 2 } else { 1 };
            let category = match record_id % 31 {
                0 => SampleCategory::Anomaly,
                1 | 2 => SampleCategory::Boundary,
                _ => SampleCategory::Clean,
            };
            Candidate { record_id, lob_id, category }
        })
        .collect()
}

fn strata_of(sample: &[SampleChoice]) -> HashSet<(i64, SampleCategory)> {
    sample.iter().map(|s| (s.lob_id, s.category)).collect()
}

#[test]
fn same_inputs_in_any_order_give_the_same_sample() {
    let candidates = population();
    let first = stratified_sample(&candidates, 25, 42, &[]);
    let mut reversed = candidates.clone();
    reversed.reverse();
    assert_eq!(first, stratified_sample(&reversed, 25, 42, &[]));
    assert_ne!(first, stratified_sample(&candidates, 25, 43, &[]), "the seed matters");
    assert!(first.windows(2).all(|pair| pair[0].record_id < pair[1].record_id), "sorted, no duplicates");
}

#[test]
fn sample_has_the_size_and_covers_every_stratum() {
    let candidates = population();
    let all_strata: HashSet<_> = candidates.iter().map(|c| (c.lob_id, c.category)).collect();
    assert_eq!(all_strata.len(), 6);
    for size in [6, 10, 25, 100] {
        let sample = stratified_sample(&candidates, size, 1, &[]);
        assert_eq!(sample.len(), size);
        assert_eq!(strata_of(&sample), all_strata, "size {size}");
    }
    // Too small for every stratum: the largest ones first.
    let tiny = stratified_sample(&candidates, 2, 1, &[]);
    assert_eq!(strata_of(&tiny), HashSet::from([(1, SampleCategory::Clean), (2, SampleCategory::Clean)]));
    // The rest is proportional: LOB 1 clean holds most records, so most of the sample.
    let sample = stratified_sample(&candidates, 100, 1, &[]);
    let big = sample.iter().filter(|s| (s.lob_id, s.category) == (1, SampleCategory::Clean)).count();
    assert!((65..=80).contains(&big), "{big}");
}

#[test]
fn never_more_than_available() {
    let candidates: Vec<Candidate> = population().into_iter().take(7).collect();
    assert_eq!(stratified_sample(&candidates, 25, 3, &[]).len(), 7);
    assert!(stratified_sample(&[], 25, 3, &[]).is_empty());
    assert!(stratified_sample(&candidates, 0, 3, &[]).is_empty());
}

#[test]
fn kept_samples_are_included_and_count_toward_the_size() {
    let candidates = population();
    let keep = [4_i64, 10, 62, 999];
    let sample = stratified_sample(&candidates, 25, 9, &keep);
    assert_eq!(sample.len(), 25);
    let ids: HashSet<i64> = sample.iter().map(|s| s.record_id).collect();
    assert!(ids.contains(&4) && ids.contains(&10) && ids.contains(&62));
    assert!(!ids.contains(&999), "an unknown id is ignored");
    assert_eq!(strata_of(&sample).len(), 6);
    // More kept records than the size: all of them stay, nothing new is drawn.
    let many: Vec<i64> = (1..=30).collect();
    assert_eq!(stratified_sample(&candidates, 25, 9, &many).len(), 30);
}
