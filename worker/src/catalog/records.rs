//! Reproducible demo source records for a catalogue report: the values the report states, the
//! values the system of record holds, and a small planted share of disagreements between them.

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{Map, Value};

use super::ReportSpec;
use super::discrepancy::altered_value;
use super::draw::{RecordDraw, pick_weighted};

/// Share of records whose system-of-record values disagree with the report somewhere: enough
/// for a 25-record sample to find failures now and then, few enough that most tests pass.
const DISCREPANCY_RATE: f64 = 0.03;

/// Share of disagreeing records where two fields, not one, disagree.
const TWO_FIELD_DISCREPANCY_RATE: f64 = 0.3;

/// Separates the values of a composite primary key in [`GeneratedRecord::record_key`].
const KEY_SEPARATOR: &str = "|";

/// One row behind a report, ready for `source_record`.
#[derive(Debug, Clone, PartialEq)]
pub struct GeneratedRecord {
    /// The primary-key values joined by `|`; unique within the report.
    pub record_key: String,
    /// The LOB that owns the record, one of the report's `lob_codes`.
    pub lob_code: &'static str,
    /// attribute name → value the report states (JSON null when the report leaves it empty).
    pub reported: Map<String, Value>,
    /// attribute name → value the system of record holds.
    pub system: Map<String, Value>,
}

impl GeneratedRecord {
    /// Names of the attributes whose reported and system values differ (the planted breaks).
    pub fn mismatched_attributes(&self) -> Vec<&str> {
        self.reported
            .iter()
            .filter(|(name, value)| self.system.get(name.as_str()) != Some(*value))
            .map(|(name, _)| name.as_str())
            .collect()
    }
}

/// `count` records for `spec`; the same `(spec, count, seed)` always gives the same records, and
/// the first records of a larger batch equal a smaller batch made with the same seed.
pub fn generate_records(spec: &ReportSpec, count: usize, seed: u64) -> Vec<GeneratedRecord> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ stable_hash(spec.number));
    let key_offset = rng.random::<u64>();
    (0..count).map(|index| generate_record(spec, index, key_offset, &mut rng)).collect()
}

fn generate_record(spec: &ReportSpec, index: usize, key_offset: u64, rng: &mut ChaCha8Rng) -> GeneratedRecord {
    let lob_code = draw_lob(spec.lob_codes, rng);
    let reported = RecordDraw::new(index, key_offset, lob_code).draw_all(spec.attributes, rng);
    let mut system = reported.clone();
    if rng.random_bool(DISCREPANCY_RATE) {
        plant_discrepancies(spec, &reported, &mut system, rng);
    }
    GeneratedRecord { record_key: record_key(spec, &reported), lob_code, reported, system }
}

/// Earlier LOBs weigh more (the first, owning LOB the most), so every LOB has records but the
/// split looks like a real portfolio rather than an even one.
fn draw_lob(lob_codes: &'static [&'static str], rng: &mut impl Rng) -> &'static str {
    let ranks: Vec<u32> = (1..=lob_codes.len()).rev().map(|rank| u32::try_from(rank).unwrap_or(1)).collect();
    pick_weighted(&ranks, |rank| *rank, rng).and_then(|index| lob_codes.get(index).copied()).unwrap_or_default()
}

/// Alters one or two non-key fields of `system`; keys stay equal so the record still matches.
fn plant_discrepancies(
    spec: &ReportSpec,
    reported: &Map<String, Value>,
    system: &mut Map<String, Value>,
    rng: &mut impl Rng,
) {
    let candidates: Vec<_> = spec.attributes.iter().filter(|attribute| !attribute.is_primary_key).collect();
    let fields = if rng.random_bool(TWO_FIELD_DISCREPANCY_RATE) { 2 } else { 1 };
    for attribute in candidates.choose_multiple(rng, fields).copied().collect::<Vec<_>>() {
        let reported_value = reported.get(attribute.name).unwrap_or(&Value::Null);
        let altered = altered_value(attribute, reported_value, reported, rng);
        system.insert(attribute.name.to_owned(), altered);
    }
}

fn record_key(spec: &ReportSpec, reported: &Map<String, Value>) -> String {
    spec.primary_key()
        .map(|attribute| match reported.get(attribute.name) {
            Some(Value::String(text)) => text.clone(),
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        })
        .collect::<Vec<_>>()
        .join(KEY_SEPARATOR)
}

/// FNV-1a: unlike std's hasher it is not randomised per process, so seeds stay reproducible.
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;
    use crate::catalog::{DataType, Requirement, calendar, find, reports};

    const SAMPLE_SIZE: usize = 2_000;

    fn report(number: &str) -> &'static ReportSpec {
        find(number).unwrap_or_else(|| panic!("{number} is in the catalogue"))
    }

    #[test]
    fn same_seed_gives_identical_records() {
        for spec in reports() {
            assert_eq!(generate_records(spec, 300, 11), generate_records(spec, 300, 11));
        }
    }

    #[test]
    fn different_seed_gives_different_records() {
        for spec in reports() {
            assert_ne!(generate_records(spec, 50, 11), generate_records(spec, 50, 12));
        }
    }

    #[test]
    fn a_larger_batch_starts_with_the_smaller_one() {
        let spec = report("FR Y-14M A.1");
        let small = generate_records(spec, 40, 5);
        assert_eq!(generate_records(spec, 400, 5)[..40], small[..]);
    }

    #[test]
    fn reports_do_not_share_their_random_streams() {
        let card = generate_records(report("FR Y-14M D.1"), 20, 1);
        let mortgage = generate_records(report("FR Y-14M A.1"), 20, 1);
        let card_lobs: Vec<_> = card.iter().map(|record| record.lob_code).collect();
        let mortgage_lobs: Vec<_> = mortgage.iter().map(|record| record.lob_code).collect();
        assert_ne!(card_lobs, mortgage_lobs);
    }

    #[test]
    fn discrepancy_share_is_between_one_and_six_percent() {
        for spec in reports() {
            let records = generate_records(spec, SAMPLE_SIZE, 2026);
            let broken = records.iter().filter(|record| !record.mismatched_attributes().is_empty()).count();
            let share = broken as f64 / SAMPLE_SIZE as f64;
            assert!((0.01..=0.06).contains(&share), "{}: {share}", spec.number);
            assert!(
                records.iter().all(|record| record.mismatched_attributes().len() <= 2),
                "{}: at most two fields per record disagree",
                spec.number
            );
        }
    }

    #[test]
    fn every_record_has_exactly_the_attribute_keys() {
        for spec in reports() {
            let names: HashSet<_> = spec.attributes.iter().map(|a| a.name).collect();
            for record in generate_records(spec, SAMPLE_SIZE, 3) {
                let reported: HashSet<_> = record.reported.keys().map(String::as_str).collect();
                let system: HashSet<_> = record.system.keys().map(String::as_str).collect();
                assert_eq!(reported, names, "{}", spec.number);
                assert_eq!(system, names, "{}", spec.number);
            }
        }
    }

    #[test]
    fn primary_keys_are_unique_and_never_altered() {
        for spec in reports() {
            let records = generate_records(spec, SAMPLE_SIZE, 4);
            let keys: HashSet<_> = records.iter().map(|record| &record.record_key).collect();
            assert_eq!(keys.len(), records.len(), "{}", spec.number);
            for record in &records {
                assert!(!record.record_key.is_empty());
                for key in spec.primary_key() {
                    assert_eq!(record.reported.get(key.name), record.system.get(key.name));
                }
            }
        }
    }

    #[test]
    fn records_are_spread_over_every_lob_of_the_report() {
        for spec in reports() {
            let seen: HashSet<_> =
                generate_records(spec, SAMPLE_SIZE, 6).iter().map(|record| record.lob_code).collect();
            let expected: HashSet<_> = spec.lob_codes.iter().copied().collect();
            assert_eq!(seen, expected, "{}", spec.number);
        }
    }

    #[test]
    fn reported_values_have_their_attribute_type() {
        for spec in reports() {
            for record in generate_records(spec, SAMPLE_SIZE, 8) {
                for attribute in spec.attributes {
                    let value = &record.reported[attribute.name];
                    if value.is_null() {
                        assert_ne!(attribute.requirement, Requirement::Mandatory, "{}", attribute.name);
                        continue;
                    }
                    let well_typed = match attribute.data_type {
                        DataType::Integer => value.is_i64(),
                        DataType::Decimal => value.is_number(),
                        DataType::Date => value.as_str().and_then(calendar::parse).is_some(),
                        DataType::Boolean => value.is_boolean(),
                        DataType::String | DataType::Code => value.is_string(),
                    };
                    assert!(well_typed, "{}.{} = {value}", spec.number, attribute.name);
                }
            }
        }
    }

    #[test]
    fn mortgage_values_are_internally_consistent() {
        for record in generate_records(report("FR Y-14M A.1"), SAMPLE_SIZE, 9) {
            let values = &record.reported;
            let amount = values["original_loan_amount"].as_f64().unwrap_or_default();
            let balance = values["unpaid_principal_balance"].as_f64().unwrap_or_default();
            assert!((40_000.0..=4_500_000.0).contains(&amount));
            assert!(balance <= amount);
            let originated = values["origination_date"].as_str().unwrap_or_default();
            let matures = values["maturity_date"].as_str().unwrap_or_default();
            assert!(originated < matures, "{originated} < {matures}");
            assert_eq!(values["loan_number"].as_str().map(str::len), Some(10));
        }
    }

    #[test]
    fn table_rows_follow_the_record_lob() {
        for record in generate_records(report("FFIEC 031"), SAMPLE_SIZE, 12) {
            let category = record.reported["loan_category"].as_str().unwrap_or_default();
            match record.lob_code {
                "CARD" => assert_eq!(category, "Credit cards"),
                "COMMERCIAL" => assert_ne!(category, "Credit cards"),
                _ => {}
            }
        }
        for record in generate_records(report("FR Y-9C"), SAMPLE_SIZE, 12) {
            if record.lob_code == "TREASURY" {
                assert_eq!(record.reported["schedule"], "HC");
            }
        }
    }

    #[test]
    fn linked_table_columns_come_from_one_row() {
        let mut line_of_mdrm: HashMap<String, String> = HashMap::new();
        for record in generate_records(report("FR Y-9C"), SAMPLE_SIZE, 10) {
            let mdrm = record.reported["mdrm_code"].to_string();
            let line = format!("{}{}", record.reported["schedule"], record.reported["line_item"]);
            assert_eq!(line_of_mdrm.entry(mdrm).or_insert_with(|| line.clone()), &line);
        }
        assert!(line_of_mdrm.len() > 15, "most line items appear");
    }
}
