//! Pins down grouping, counting, typing and the severity ladder of observations.

use super::*;

struct Group {
    attribute_id: i64,
    name: &'static str,
    lob: (i64, &'static str),
    is_cde: bool,
    requirement: Requirement,
}

const BALANCE: Group = Group {
    attribute_id: 1,
    name: "loan_balance",
    lob: (10, "RETAIL"),
    is_cde: true,
    requirement: Requirement::Mandatory,
};

/// `outcomes` as executions of `group`, numbered from `first_id`; failures differ by one.
fn executions(group: &Group, first_id: i64, outcomes: &[Outcome]) -> Vec<ExecutionFacts> {
    (first_id..)
        .zip(outcomes)
        .map(|(execution_id, &outcome)| ExecutionFacts {
            execution_id,
            attribute_id: group.attribute_id,
            attribute_name: group.name.to_owned(),
            lob_id: group.lob.0,
            lob_code: group.lob.1.to_owned(),
            outcome,
            is_cde: group.is_cde,
            requirement: group.requirement,
            expected: Some("100.00".to_owned()),
            actual: Some(if outcome == Outcome::Fail { "101.00" } else { "100.00" }.to_owned()),
        })
        .collect()
}

fn outcomes(pass: usize, fail: usize, inconclusive: usize) -> Vec<Outcome> {
    let mut all = vec![Outcome::Pass; pass];
    all.extend(vec![Outcome::Fail; fail]);
    all.extend(vec![Outcome::Inconclusive; inconclusive]);
    all
}

#[test]
fn one_observation_per_attribute_and_lob_with_failures() {
    let other_lob = Group { lob: (20, "CARD"), ..BALANCE };
    let clean = Group { attribute_id: 2, name: "interest_rate", ..BALANCE };
    let mut all = executions(&BALANCE, 1, &outcomes(20, 3, 2));
    all.extend(executions(&other_lob, 100, &outcomes(9, 1, 0)));
    all.extend(executions(&clean, 200, &outcomes(25, 0, 0)));
    let drafts = group_failures(&all);
    assert_eq!(drafts.len(), 2, "no observation without a failure");
    let retail = drafts.iter().find(|d| d.lob_id == 10).unwrap_or_else(|| panic!("RETAIL observed"));
    assert_eq!((retail.failure_count, retail.tested_count), (3, 25));
    assert_eq!(retail.execution_ids, vec![21, 22, 23]);
    assert_eq!(retail.title, "Loan balance differs from the system of record in RETAIL (3 of 25 samples)");
    assert_eq!(retail.observation_type, ObservationType::DataQuality);
    assert!(retail.description.contains("execution 21: expected \"100.00\", actual \"101.00\""));
    // 3 of 25 is 12 %: systemic for a CDE. 1 of 10 is exactly the threshold.
    assert_eq!(retail.severity, Severity::Critical);
    assert_eq!(drafts[1].severity, Severity::Critical);
}

#[test]
fn the_severity_ladder() {
    use Requirement::{Conditional, Mandatory, Optional};
    assert_eq!(severity(true, Optional, 1, 10), Severity::Critical);
    assert_eq!(severity(true, Mandatory, 1, 11), Severity::High);
    assert_eq!(severity(false, Mandatory, 5, 25), Severity::High);
    assert_eq!(severity(false, Mandatory, 1, 25), Severity::Medium);
    assert_eq!(severity(false, Conditional, 5, 25), Severity::Medium);
    assert_eq!(severity(false, Conditional, 1, 25), Severity::Low);
    assert_eq!(severity(false, Optional, 4, 25), Severity::Low);
    assert_eq!(severity(false, Optional, 1, 25), Severity::Informational);
    assert!(Severity::Critical < Severity::Informational, "ordered from most serious");
}

#[test]
fn sorted_by_severity_then_name() {
    let optional =
        Group { attribute_id: 3, name: "a_note", is_cde: false, requirement: Requirement::Optional, ..BALANCE };
    let mandatory = Group { attribute_id: 4, name: "z_amount", is_cde: false, ..BALANCE };
    let other_mandatory = Group { attribute_id: 5, name: "b_amount", is_cde: false, ..BALANCE };
    let mut all = executions(&optional, 1, &outcomes(24, 1, 0));
    all.extend(executions(&mandatory, 100, &outcomes(20, 5, 0)));
    all.extend(executions(&other_mandatory, 200, &outcomes(15, 5, 0)));
    all.extend(executions(&BALANCE, 300, &outcomes(24, 1, 0)));
    let order: Vec<_> = group_failures(&all).iter().map(|d| (d.severity, d.attribute_id)).collect();
    assert_eq!(
        order,
        [(Severity::High, 5), (Severity::High, 1), (Severity::High, 4), (Severity::Informational, 3)],
        "b_amount, loan_balance, z_amount, a_note"
    );
}

#[test]
fn mostly_missing_values_are_data_missing_and_examples_are_capped() {
    let mut all = executions(&BALANCE, 1, &outcomes(2, 8, 0));
    for execution in all.iter_mut().filter(|e| e.outcome == Outcome::Fail).take(5) {
        execution.actual = None;
    }
    let drafts = group_failures(&all);
    assert_eq!(drafts[0].observation_type, ObservationType::DataMissing);
    assert!(drafts[0].title.starts_with("Loan balance is missing from the system of record in RETAIL (8 of 10"));
    assert_eq!(drafts[0].description.matches("\n- execution").count(), 5);
    assert!(drafts[0].description.contains("actual (none)"));
    assert!(drafts[0].description.ends_with("\n- and 3 more"));
}

#[test]
fn singular_sample_and_spelling() {
    let drafts = group_failures(&executions(&BALANCE, 1, &[Outcome::Fail]));
    assert!(drafts[0].title.ends_with("(1 of 1 sample)"));
    assert_eq!(Severity::Informational.as_str(), "INFORMATIONAL");
    assert_eq!(ObservationType::DataMissing.as_str(), "DATA_MISSING");
    assert!(group_failures(&[]).is_empty());
}
