//! Phase 6 (Test Execution): compares the value a report states with the evidence a data owner
//! submitted from the system of record, by the attribute's type.
//!
//! Both sides are normalised first (separators, date formats, yes/no spellings, case and
//! spacing), so a test fails on a different value and never on a different way of writing it.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::catalog::DataType;

/// Absolute tolerance for decimals: half a cent, so values rounded to cents agree.
const DECIMAL_ABSOLUTE_TOLERANCE: f64 = 0.005;
/// Relative tolerance for decimals, for large amounts carried with fewer significant digits.
const DECIMAL_RELATIVE_TOLERANCE: f64 = 1e-6;
/// Absorbs binary floating-point error so a difference of exactly the tolerance still passes.
const FLOAT_SLACK: f64 = 1e-9;

/// The verdict of one test execution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Outcome {
    Pass,
    Fail,
    /// No evidence to compare with.
    Inconclusive,
}

impl Outcome {
    /// The spelling stored in `test_execution.result`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Pass => "PASS",
            Self::Fail => "FAIL",
            Self::Inconclusive => "INCONCLUSIVE",
        }
    }
}

/// The outcome with the details a reviewer needs to agree with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub outcome: Outcome,
    /// `method`, `expected_normalised`/`actual_normalised`, `difference` and `tolerance` (numbers
    /// and dates, else null) and `reason`. The raw values are the execution's own columns and the
    /// type is the attribute's, so neither is repeated here: a report's results are a few hundred
    /// rows, and every byte of this detail is parsed, stored and logged once per row.
    pub detail: Value,
}

/// A value made comparable.
#[derive(Debug, Clone, PartialEq)]
enum Normal {
    Number(f64),
    Integer(i64),
    Date(NaiveDate),
    Flag(bool),
    Text(String),
}

/// Compares the reported `expected` value with the `evidence` from the system of record.
/// Missing or blank evidence is inconclusive; a missing reported value, an unreadable value or a
/// difference beyond tolerance fails.
pub fn compare(data_type: DataType, expected: Option<&str>, evidence: Option<&str>) -> Comparison {
    let method = match data_type {
        DataType::Decimal => "NUMERIC_TOLERANCE",
        DataType::Integer => "EXACT_INTEGER",
        DataType::Date => "DATE",
        DataType::Boolean => "BOOLEAN",
        DataType::Code => "CODE",
        DataType::String => "TEXT",
    };
    let expected = expected.map(str::trim).filter(|text| !text.is_empty());
    let actual = evidence.map(str::trim).filter(|text| !text.is_empty());
    let result = |outcome: Outcome, normal: [Value; 4], reason: String| Comparison {
        outcome,
        detail: json!({
            "method": method,
            "expected_normalised": normal[0],
            "actual_normalised": normal[1],
            "difference": normal[2],
            "tolerance": normal[3],
            "reason": reason,
        }),
    };
    let nothing = || [Value::Null, Value::Null, Value::Null, Value::Null];
    let Some(actual_text) = actual else {
        return result(Outcome::Inconclusive, nothing(), "no evidence was submitted".to_owned());
    };
    let Some(expected_text) = expected else {
        return result(
            Outcome::Fail,
            nothing(),
            "the report states no value but the system of record holds one".into(),
        );
    };
    let (left, right) = match (normalise(data_type, expected_text), normalise(data_type, actual_text)) {
        (Some(left), Some(right)) => (left, right),
        (None, _) => return result(Outcome::Fail, nothing(), unreadable("reported value", expected_text, data_type)),
        (_, None) => return result(Outcome::Fail, nothing(), unreadable("evidence", actual_text, data_type)),
    };
    let (pass, difference, tolerance) = match (&left, &right) {
        (Normal::Number(left), Normal::Number(right)) => {
            let tolerance = DECIMAL_ABSOLUTE_TOLERANCE + DECIMAL_RELATIVE_TOLERANCE * left.abs().max(right.abs());
            let difference = right - left;
            // Shown rounded to nine places so binary noise does not clutter the detail.
            let shown_difference = (difference * 1e9).round() / 1e9;
            (difference.abs() <= tolerance + FLOAT_SLACK, json!(shown_difference), json!(tolerance))
        }
        (Normal::Integer(left), Normal::Integer(right)) => {
            (left == right, right.checked_sub(*left).map_or(Value::Null, Value::from), json!(0))
        }
        (Normal::Date(left), Normal::Date(right)) => {
            let days = (*right - *left).num_days();
            (days == 0, json!(days), json!(0))
        }
        (left, right) => (left == right, Value::Null, Value::Null),
    };
    let reason = match (pass, tolerance.as_f64().is_some_and(|t| t > 0.0)) {
        (true, true) => "values agree within tolerance",
        (true, false) => "values agree",
        (false, true) => "the evidence differs from the reported value by more than the tolerance",
        (false, false) => "the evidence differs from the reported value",
    };
    let outcome = if pass { Outcome::Pass } else { Outcome::Fail };
    result(outcome, [shown(&left), shown(&right), difference, tolerance], reason.to_owned())
}

fn unreadable(side: &str, text: &str, data_type: DataType) -> String {
    format!("the {side} \"{text}\" is not a valid {}", data_type.as_str().to_ascii_lowercase())
}

/// `text` (already trimmed) as compared: codes upper-cased; free text with whitespace runs
/// collapsed to one space and lower-cased, since case and spacing are presentation.
fn normalise(data_type: DataType, text: &str) -> Option<Normal> {
    match data_type {
        DataType::Decimal => decimal(text).map(Normal::Number),
        DataType::Integer => integer(text).map(Normal::Integer),
        DataType::Date => date(text).map(Normal::Date),
        DataType::Boolean => boolean(text).map(Normal::Flag),
        DataType::Code => Some(Normal::Text(text.to_uppercase())),
        DataType::String => Some(Normal::Text(text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())),
    }
}

/// The normalised value as the detail shows it.
fn shown(value: &Normal) -> Value {
    match value {
        Normal::Number(number) => json!(number),
        Normal::Integer(number) => json!(number),
        Normal::Date(date) => json!(date.format("%Y-%m-%d").to_string()),
        Normal::Flag(flag) => json!(flag),
        Normal::Text(text) => json!(text),
    }
}

/// Digits with an optional sign and thousands separators, e.g. `-1,234.50`.
fn decimal(text: &str) -> Option<f64> {
    let plain: String = text.chars().filter(|&c| c != ',').collect();
    let valid =
        !plain.is_empty() && plain.trim_start_matches(['+', '-']).chars().all(|c| c.is_ascii_digit() || c == '.');
    valid.then(|| plain.parse::<f64>().ok()).flatten().filter(|number| number.is_finite())
}

/// A whole number; `12.00` counts as 12, `12.5` is not an integer.
fn integer(text: &str) -> Option<i64> {
    let plain: String = text.chars().filter(|&c| c != ',').collect();
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    if !fraction.chars().all(|c| c == '0') {
        return None;
    }
    whole.parse::<i64>().ok()
}

/// `YYYY-MM-DD`, `MM/DD/YYYY` or `YYYYMMDD`.
fn date(text: &str) -> Option<NaiveDate> {
    if text.len() == 8 && text.bytes().all(|byte| byte.is_ascii_digit()) {
        return NaiveDate::parse_from_str(text, "%Y%m%d").ok();
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(text, "%m/%d/%Y")).ok()
}

fn boolean(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "true" | "y" | "yes" | "1" => Some(true),
        "false" | "n" | "no" | "0" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
#[path = "comparison_tests.rs"]
mod tests;
