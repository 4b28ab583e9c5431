//! Consistency checks on the catalogue itself: numbers, LOBs, keys and attribute definitions.

use std::collections::HashSet;

use super::*;

#[test]
fn every_report_number_is_unique_and_found_by_find() {
    let numbers: HashSet<_> = reports().iter().map(|report| report.number).collect();
    assert_eq!(numbers.len(), reports().len());
    for report in reports() {
        assert_eq!(find(report.number).map(|found| found.number), Some(report.number));
    }
    assert!(find("FR Y-14M A.1").is_some());
    assert!(find("FR Y-9C").is_some());
    assert!(find("FFIEC 031").is_some());
    assert!(find("FFIEC 999").is_none());
}

#[test]
fn every_report_lob_exists_in_lobs() {
    let lob_codes: HashSet<_> = LOBS.iter().map(|lob| lob.code).collect();
    assert_eq!(lob_codes.len(), LOBS.len(), "LOB codes are unique");
    for report in reports() {
        assert!(!report.lob_codes.is_empty(), "{} has no LOB", report.number);
        for code in report.lob_codes {
            assert!(lob(code).is_some(), "{}: unknown LOB {code}", report.number);
        }
    }
}

#[test]
fn attribute_names_are_unique_snake_case_keys() {
    for report in reports() {
        let names: HashSet<_> = report.attributes.iter().map(|a| a.name).collect();
        assert_eq!(names.len(), report.attributes.len(), "{}", report.number);
        for name in names {
            assert!(
                name.starts_with(|c: char| c.is_ascii_lowercase())
                    && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}: {name} is not snake_case",
                report.number
            );
        }
        assert!(
            (12..=18).contains(&report.attributes.len()),
            "{} has {} attributes",
            report.number,
            report.attributes.len()
        );
    }
}

#[test]
fn every_report_has_a_primary_key_with_a_unique_id() {
    for report in reports() {
        let key_has_unique_id =
            report.primary_key().any(|attribute| matches!(attribute.values, ValueSpec::UniqueId { .. }));
        assert!(key_has_unique_id, "{} cannot tell records apart", report.number);
    }
}

#[test]
fn derived_attributes_refer_to_an_earlier_attribute() {
    for report in reports() {
        for (position, attribute) in report.attributes.iter().enumerate() {
            if let Some(source) = attribute.values.depends_on() {
                let earlier = report.attributes[..position].iter().any(|a| a.name == source);
                assert!(earlier, "{}: {} needs {source} first", report.number, attribute.name);
            }
        }
    }
}

#[test]
fn table_columns_and_flags_match_their_data_types() {
    for report in reports() {
        for attribute in report.attributes {
            if let ValueSpec::Row { table, column } = attribute.values {
                assert!(table.iter().all(|row| column < row.columns.len()));
            }
            let is_flag = matches!(attribute.values, ValueSpec::Flag { .. });
            assert_eq!(is_flag, attribute.data_type == DataType::Boolean, "{}", attribute.name);
        }
    }
}

#[test]
fn every_lob_of_a_report_has_rows_in_each_of_its_tables() {
    for report in reports() {
        for attribute in report.attributes {
            if let ValueSpec::Row { table, .. } = attribute.values {
                for code in report.lob_codes {
                    assert!(
                        table.iter().any(|row| row.weight > 0 && row.fits(Some(code))),
                        "{}.{}: no row for {code}",
                        report.number,
                        attribute.name
                    );
                }
            }
        }
    }
}

#[test]
fn frequencies_and_types_spell_as_the_database_expects() {
    assert_eq!(Frequency::SemiAnnual.as_str(), "SEMI_ANNUAL");
    assert_eq!(Frequency::Monthly.to_string(), "MONTHLY");
    assert_eq!(DataType::Decimal.as_str(), "DECIMAL");
    assert_eq!(Requirement::Conditional.as_str(), "CONDITIONAL");
}
