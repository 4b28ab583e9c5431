//! Phase 3 (Sample Selection): sort source records into CLEAN, ANOMALY and BOUNDARY, and draw a
//! reproducible sample stratified by LOB and category.
//!
//! The categories are deliberately simple checks a reviewer can repeat by eye: an empty mandatory
//! field or an impossible number is an anomaly, a value on an edge (zero, a month end, the end
//! of a scale) is a boundary case, everything else is clean.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate};
use rand::SeedableRng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;
use serde_json::{Map, Value};

use crate::catalog::{AttributeSpec, DataType, ReportSpec, Requirement, ValueSpec};

/// Credit bureau scores (FICO, VantageScore 3+) run from 300 to 850.
const SCORE_SCALE: (f64, f64) = (300.0, 850.0);

/// An amount more than e^2 (about 7.4) times its typical (median) size is an outlier: roughly the
/// top 2 % of a log-normal portfolio.
const OUTLIER_LOG_SPREADS: f64 = 2.0;

/// Which kind of record a sample is, for coverage of normal and unusual cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SampleCategory {
    Clean,
    Anomaly,
    Boundary,
}

impl SampleCategory {
    /// The spelling stored in `sample.category`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Clean => "CLEAN",
            Self::Anomaly => "ANOMALY",
            Self::Boundary => "BOUNDARY",
        }
    }

    /// The category spelled as [`Self::as_str`] spells it.
    pub fn parse(text: &str) -> Option<Self> {
        [Self::Clean, Self::Anomaly, Self::Boundary].into_iter().find(|category| category.as_str() == text)
    }
}

/// A source record that may be sampled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub record_id: i64,
    pub lob_id: i64,
    pub category: SampleCategory,
}

/// A record chosen for the sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleChoice {
    pub record_id: i64,
    pub lob_id: i64,
    pub category: SampleCategory,
}

/// The category of a record from the values its report states.
pub fn categorize(spec: &ReportSpec, reported: &Map<String, Value>) -> SampleCategory {
    categorize_explained(spec, reported).0
}

/// [`categorize`] with the reason in words, e.g. "current_apr is above 100 percent". Anomalies
/// win over boundaries; within each, the first attribute in report order gives the reason.
pub fn categorize_explained(spec: &ReportSpec, reported: &Map<String, Value>) -> (SampleCategory, String) {
    let findings: Vec<(SampleCategory, String)> =
        spec.attributes.iter().filter_map(|attribute| check(attribute, reported.get(attribute.name))).collect();
    for wanted in [SampleCategory::Anomaly, SampleCategory::Boundary] {
        if let Some(finding) = findings.iter().find(|(category, _)| *category == wanted) {
            return finding.clone();
        }
    }
    (SampleCategory::Clean, "no anomaly or edge value".to_owned())
}

/// What one attribute's value says about the record, if anything.
fn check(attribute: &AttributeSpec, value: Option<&Value>) -> Option<(SampleCategory, String)> {
    let name = attribute.name;
    let anomaly = |reason: String| Some((SampleCategory::Anomaly, reason));
    let boundary = |reason: String| Some((SampleCategory::Boundary, reason));
    let value = match value {
        None | Some(Value::Null) if attribute.requirement == Requirement::Mandatory => {
            return anomaly(format!("mandatory {name} is empty"));
        }
        None | Some(Value::Null) => return None,
        Some(value) => value,
    };
    // A conditional field's range is that of the value it holds when present.
    let values = match attribute.values {
        ValueSpec::Sometimes { value, .. } => *value,
        values => values,
    };
    match attribute.data_type {
        DataType::Decimal | DataType::Integer => {
            let Some(number) = number(value) else { return anomaly(format!("{name} is not a number")) };
            let lower = name.to_ascii_lowercase();
            let is_percent = ["rate", "apr", "ltv", "percent"].iter().any(|word| lower.contains(word));
            let is_score = lower.contains("score");
            if number < 0.0 {
                return anomaly(format!("{name} is negative ({number})"));
            }
            if is_percent && number > 100.0 {
                return anomaly(format!("{name} is above 100 percent ({number})"));
            }
            if is_score && !(SCORE_SCALE.0..=SCORE_SCALE.1).contains(&number) {
                return anomaly(format!("{name} is off the 300-850 score scale ({number})"));
            }
            if let Some(reason) = off_range(name, number, &values) {
                return anomaly(reason);
            }
            if attribute.data_type == DataType::Decimal && number == 0.0 {
                // Counts and days are often zero; a zero amount or balance is the edge case.
                return boundary(format!("{name} is zero"));
            }
            if is_score && (number == SCORE_SCALE.0 || number == SCORE_SCALE.1) {
                return boundary(format!("{name} is at the end of the score scale ({number})"));
            }
            on_range_edge(name, number, &values).and_then(boundary)
        }
        // A date every record shares (the reporting date) says nothing about the record.
        DataType::Date if matches!(values, ValueSpec::Fixed(_)) => None,
        DataType::Date => {
            let Some(date) = value.as_str().and_then(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()) else {
                return anomaly(format!("{name} is not a valid date"));
            };
            let month_end = date.succ_opt().is_none_or(|next| next.month() != date.month());
            match (month_end, date.month() % 3 == 0) {
                (true, true) => boundary(format!("{name} falls on a quarter end ({date})")),
                (true, false) => boundary(format!("{name} falls on a month end ({date})")),
                _ => None,
            }
        }
        DataType::Boolean | DataType::Code | DataType::String => None,
    }
}

/// A JSON number, or a string holding one.
fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => text.trim().parse::<f64>().ok().filter(|number| number.is_finite()),
        _ => None,
    }
}

/// Why `number` lies outside the plausible range the catalogue declares for it, if it does.
fn off_range(name: &str, number: f64, values: &ValueSpec) -> Option<String> {
    match *values {
        ValueSpec::Range { min, max, .. } | ValueSpec::Amount { min, max, .. } if number < min || number > max => {
            Some(format!("{name} is outside its plausible range {min}-{max} ({number})"))
        }
        ValueSpec::Amount { median, spread, .. } if number > median * (OUTLIER_LOG_SPREADS * spread).exp() => {
            Some(format!(
                "{name} is an outlier, over {:.0} times the typical {median}",
                (OUTLIER_LOG_SPREADS * spread).exp()
            ))
        }
        _ => None,
    }
}

/// Why `number` sits exactly on an end of its declared range, if it does.
fn on_range_edge(name: &str, number: f64, values: &ValueSpec) -> Option<String> {
    match *values {
        ValueSpec::Range { min, max, .. } | ValueSpec::Amount { min, max, .. } if number == min || number == max => {
            Some(format!("{name} is at the edge of its range {min}-{max} ({number})"))
        }
        _ => None,
    }
}

/// Draws `size` records from `candidates` (all of them when there are fewer), stratified by
/// (LOB, category).
///
/// Every non-empty stratum gets at least one record when `size` allows (the largest strata
/// first when it does not); the rest is shared in proportion to stratum sizes by the
/// largest-remainder method. Records in `keep` (approved samples a partial rollback kept) are
/// always included and count toward `size`; an id in `keep` that is not a candidate is ignored.
/// The same candidates (in any order), size, seed and keep always give the same sample, sorted
/// by record id, never larger than the number of candidates (nor smaller than the kept ones).
pub fn stratified_sample(candidates: &[Candidate], size: usize, seed: u64, keep: &[i64]) -> Vec<SampleChoice> {
    // Sorting (and dropping duplicate ids) makes the draw independent of the input order.
    let mut sorted = candidates.to_vec();
    sorted.sort_by_key(|candidate| candidate.record_id);
    sorted.dedup_by_key(|candidate| candidate.record_id);
    let keep: HashSet<i64> = keep.iter().copied().collect();
    let (kept, pool): (Vec<Candidate>, Vec<Candidate>) =
        sorted.into_iter().partition(|candidate| keep.contains(&candidate.record_id));

    let mut strata: BTreeMap<(i64, SampleCategory), Vec<Candidate>> = BTreeMap::new();
    for candidate in pool {
        strata.entry((candidate.lob_id, candidate.category)).or_default().push(candidate);
    }
    let covered: HashSet<(i64, SampleCategory)> = kept.iter().map(|c| (c.lob_id, c.category)).collect();
    let to_draw = size.saturating_sub(kept.len());
    let populations: Vec<usize> = strata.values().map(Vec::len).collect();

    // First one record for each stratum the kept samples do not already cover.
    let mut uncovered: Vec<usize> =
        strata.keys().enumerate().filter(|(_, key)| !covered.contains(key)).map(|(i, _)| i).collect();
    uncovered.sort_by_key(|&index| std::cmp::Reverse(populations[index]));
    let mut quotas = vec![0_usize; strata.len()];
    for &index in uncovered.iter().take(to_draw) {
        quotas[index] = 1;
    }
    let left = to_draw - quotas.iter().sum::<usize>();
    let capacities: Vec<usize> =
        populations.iter().zip(&quotas).map(|(population, quota)| population - quota).collect();
    for (quota, extra) in quotas.iter_mut().zip(apportion(left, &populations, &capacities)) {
        *quota += extra;
    }

    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut chosen: Vec<SampleChoice> = kept.iter().map(choice).collect();
    for (members, quota) in strata.values().zip(quotas) {
        chosen.extend(members.choose_multiple(&mut rng, quota).map(choice));
    }
    chosen.sort_by_key(|sample| sample.record_id);
    chosen
}

fn choice(candidate: &Candidate) -> SampleChoice {
    SampleChoice { record_id: candidate.record_id, lob_id: candidate.lob_id, category: candidate.category }
}

/// Shares `total` in proportion to `weights` without exceeding `capacities` (largest remainder,
/// ties to the earlier index). Hands out less than `total` only when the capacities run out.
fn apportion(total: usize, weights: &[usize], capacities: &[usize]) -> Vec<usize> {
    let mut shares = vec![0_usize; weights.len()];
    let mut left = total;
    while left > 0 {
        let open: Vec<usize> = (0..weights.len()).filter(|&i| shares[i] < capacities[i] && weights[i] > 0).collect();
        let weight_sum: usize = open.iter().map(|&i| weights[i]).sum();
        if weight_sum == 0 {
            break;
        }
        let round = left;
        let mut remainders = Vec::with_capacity(open.len());
        for &i in &open {
            let exact = round * weights[i];
            let share = (exact / weight_sum).min(capacities[i] - shares[i]);
            shares[i] += share;
            left -= share;
            remainders.push((exact % weight_sum, i));
        }
        // Largest remainders first, one record each, while any are left to hand out.
        remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, i) in remainders {
            if left > 0 && shares[i] < capacities[i] {
                shares[i] += 1;
                left -= 1;
            }
        }
    }
    shares
}

#[cfg(test)]
#[path = "sampling_tests.rs"]
mod tests;
