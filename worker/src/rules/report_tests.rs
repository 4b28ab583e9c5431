//! Pins down the test report's figures, sections and escaping.

use super::*;

fn data() -> ReportData {
    ReportData {
        cycle_name: "2026 Q3 regulatory testing".to_owned(),
        report_name: "FR Y-14M Schedule D.1".to_owned(),
        report_number: "FR Y-14M D.1".to_owned(),
        regulation: "12 CFR 252".to_owned(),
        generated_on: "2026-10-05".to_owned(),
        attributes_total: 16,
        attributes_in_scope: vec![
            ScopeLine { name: "current_apr".into(), risk_score: 5, rationale: "Risk 5 of 10".into() },
            ScopeLine { name: "cycle_ending_balance".into(), risk_score: 10, rationale: "CDE | history".into() },
        ],
        samples: vec![
            SampleLine { record_key: "CC1".into(), lob_code: "CARD".into(), category: "CLEAN".into() },
            SampleLine { record_key: "CC2".into(), lob_code: "CARD".into(), category: "CLEAN".into() },
            SampleLine { record_key: "CC3".into(), lob_code: "RETAIL".into(), category: "BOUNDARY".into() },
        ],
        results: vec![
            AttributeResult { attribute_name: "current_apr".into(), passed: 3, failed: 0, inconclusive: 0 },
            AttributeResult { attribute_name: "cycle_ending_balance".into(), passed: 1, failed: 1, inconclusive: 1 },
        ],
        observations: vec![
            ObservationLine { title: "Balance differs".into(), severity: "HIGH".into(), status: "OPEN".into() },
            ObservationLine { title: "APR differs".into(), severity: "CRITICAL".into(), status: "APPROVED".into() },
        ],
        sign_offs: vec![],
    }
}

#[test]
fn summary_holds_the_figures() {
    let summary = render(&data()).summary;
    assert_eq!(summary["attributes_total"], 16);
    assert_eq!(summary["attributes_tested"], 2);
    assert_eq!(summary["samples"], 3);
    assert_eq!(summary["test_cases"], 6);
    assert_eq!((summary["passed"].clone(), summary["failed"].clone()), (json!(4), json!(1)));
    assert_eq!(summary["pass_rate"], 66.7);
    assert_eq!(summary["observations_by_severity"], json!({"CRITICAL": 1, "HIGH": 1}));
    assert_eq!(summary["sign_offs"], 0);
    assert_eq!(render(&ReportData::default()).summary["pass_rate"], Value::Null);
}

#[test]
fn markdown_has_every_section() {
    let markdown = render(&data()).markdown;
    for expected in [
        "# Test report: FR Y-14M Schedule D.1 (FR Y-14M D.1)",
        "Generated on 2026-10-05",
        "| Attributes tested | 2 of 16 |",
        "| Pass rate | 66.7% |",
        "| Observations | 2 (1 CRITICAL, 1 HIGH) |",
        "## Scope",
        "CDE \\| history",
        "| CARD | CLEAN | 2 |",
        "| cycle_ending_balance | 1 | 1 | 1 | 33.3% |",
        "| 2 | APR differs | CRITICAL | APPROVED |",
        "Pending: no sign-off yet.",
    ] {
        assert!(markdown.contains(expected), "{expected} missing from\n{markdown}");
    }
}

#[test]
fn sign_offs_are_listed_with_how_they_were_given() {
    let mut signed = data();
    signed.sign_offs = vec![
        SignOffLine {
            role: "TEST_MANAGER".into(),
            name: "Tess".into(),
            signed_at: "2026-10-05 09:00".into(),
            automatic: false,
        },
        SignOffLine {
            role: "REPORT_OWNER".into(),
            name: "Rory".into(),
            signed_at: "2026-10-05 10:00".into(),
            automatic: true,
        },
    ];
    let rendered = render(&signed);
    assert!(rendered.markdown.contains("| REPORT_OWNER | Rory | 2026-10-05 10:00 | automatic (AUTO approval mode) |"));
    assert!(!rendered.markdown.contains("Pending"));
    assert_eq!(rendered.summary["sign_offs"], 2);
}

#[test]
fn html_is_a_standalone_document_with_everything_escaped() {
    let mut hostile = data();
    hostile.report_name = "<script>alert('x')</script>".to_owned();
    hostile.attributes_in_scope[0].name = "a & b \"quoted\"".to_owned();
    let html = render(&hostile).html;
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(html.contains("<style>") && html.contains("<title>"));
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("<td>a &amp; b &quot;quoted&quot;</td>"));
    assert!(html.contains("<h2>Results per attribute</h2>"));
}

#[test]
fn rendering_is_deterministic() {
    assert_eq!(render(&data()), render(&data()));
}
