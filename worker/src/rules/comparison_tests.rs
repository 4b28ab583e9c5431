//! Pins down typed comparison: normalisation, tolerance edges and missing values.

use super::*;

fn outcome(data_type: DataType, expected: &str, evidence: &str) -> Outcome {
    compare(data_type, Some(expected), Some(evidence)).outcome
}

fn reason(comparison: &Comparison) -> &str {
    comparison.detail["reason"].as_str().unwrap_or_default()
}

#[test]
fn decimals_pass_within_half_a_cent_plus_a_millionth() {
    use DataType::Decimal;
    assert_eq!(outcome(Decimal, "1234.50", " 1,234.5 "), Outcome::Pass);
    assert_eq!(outcome(Decimal, "0", "0.005"), Outcome::Pass, "exactly the absolute tolerance");
    assert_eq!(outcome(Decimal, "1.11", "1.115"), Outcome::Pass, "no binary rounding surprise at the edge");
    assert_eq!(outcome(Decimal, "0", "0.0051"), Outcome::Fail);
    assert_eq!(outcome(Decimal, "-10.00", "-10.004"), Outcome::Pass);
    // At a million the relative part adds a dollar.
    assert_eq!(outcome(Decimal, "1000000", "1,000,001.005"), Outcome::Pass);
    assert_eq!(outcome(Decimal, "1000000", "1,000,001.01"), Outcome::Fail);
    let detail = compare(Decimal, Some("100"), Some("101.5")).detail;
    assert_eq!(detail["method"], "NUMERIC_TOLERANCE");
    assert_eq!(detail["difference"], 1.5);
    assert_eq!(detail["expected_normalised"], 100.0);
    assert!(detail["tolerance"].as_f64().is_some_and(|t| (t - 0.005_101_5).abs() < 1e-12));
}

#[test]
fn integers_compare_exactly() {
    use DataType::Integer;
    assert_eq!(outcome(Integer, "777", " 777 "), Outcome::Pass);
    assert_eq!(outcome(Integer, "12000", "12,000.00"), Outcome::Pass);
    assert_eq!(outcome(Integer, "777", "778"), Outcome::Fail);
    let fractional = compare(Integer, Some("12"), Some("12.5"));
    assert_eq!(fractional.outcome, Outcome::Fail);
    assert!(reason(&fractional).contains("not a valid integer"), "{}", reason(&fractional));
    assert_eq!(compare(Integer, Some("5"), Some("8")).detail["difference"], 3);
}

#[test]
fn dates_accept_three_formats() {
    use DataType::Date;
    for evidence in ["2026-09-30", "09/30/2026", "20260930"] {
        assert_eq!(outcome(Date, "2026-09-30", evidence), Outcome::Pass, "{evidence}");
    }
    let shifted = compare(Date, Some("2026-09-30"), Some("10/02/2026"));
    assert_eq!(shifted.outcome, Outcome::Fail);
    assert_eq!(shifted.detail["difference"], 2);
    assert_eq!(shifted.detail["actual_normalised"], "2026-10-02");
    assert_eq!(outcome(Date, "2026-09-30", "2026-02-30"), Outcome::Fail);
    assert!(reason(&compare(Date, Some("2026-09-30"), Some("soon"))).contains("evidence"));
}

#[test]
fn booleans_accept_common_spellings() {
    use DataType::Boolean;
    for yes in ["true", "Y", "yes", "1", "TRUE"] {
        assert_eq!(outcome(Boolean, "true", yes), Outcome::Pass, "{yes}");
    }
    for no in ["false", "N", "No", "0"] {
        assert_eq!(outcome(Boolean, "false", no), Outcome::Pass, "{no}");
        assert_eq!(outcome(Boolean, "true", no), Outcome::Fail, "{no}");
    }
    assert_eq!(outcome(Boolean, "true", "maybe"), Outcome::Fail);
}

#[test]
fn codes_and_text_ignore_case_and_spacing() {
    assert_eq!(outcome(DataType::Code, "ny", " NY "), Outcome::Pass);
    assert_eq!(outcome(DataType::Code, "NY", "NJ"), Outcome::Fail);
    assert_eq!(compare(DataType::Code, Some("ny"), Some("NY")).detail["expected_normalised"], "NY");
    assert_eq!(outcome(DataType::String, "Credit  cards", " credit cards"), Outcome::Pass);
    assert_eq!(outcome(DataType::String, "Credit cards", "Credit card"), Outcome::Fail);
}

#[test]
fn missing_values() {
    for evidence in [None, Some(""), Some("   ")] {
        let comparison = compare(DataType::Decimal, Some("10"), evidence);
        assert_eq!(comparison.outcome, Outcome::Inconclusive, "{evidence:?}");
        assert_eq!(reason(&comparison), "no evidence was submitted");
    }
    let no_expected = compare(DataType::Decimal, None, Some("10"));
    assert_eq!(no_expected.outcome, Outcome::Fail);
    assert!(reason(&no_expected).contains("report states no value"));
    assert_eq!(compare(DataType::String, Some(""), None).outcome, Outcome::Inconclusive);
    let bad_report = compare(DataType::Decimal, Some("n/a"), Some("10"));
    assert_eq!(bad_report.outcome, Outcome::Fail);
    assert!(reason(&bad_report).contains("reported value"));
}

#[test]
fn outcomes_spell_like_the_database() {
    let spelled: Vec<_> = [Outcome::Pass, Outcome::Fail, Outcome::Inconclusive].map(Outcome::as_str).to_vec();
    assert_eq!(spelled, ["PASS", "FAIL", "INCONCLUSIVE"]);
}
