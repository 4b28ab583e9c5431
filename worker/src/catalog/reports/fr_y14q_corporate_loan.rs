//! FR Y-14Q Schedule H.1: one record per corporate credit facility of $1 million or more.

use super::FR_Y14_REGULATION;
use crate::catalog::{AttributeSpec, DataType, Frequency, ReportSpec, Requirement, ValueSpec};

use DataType::{Boolean, Code, Date, Decimal};
use Requirement::{Conditional, Mandatory};

pub(super) const REPORT: ReportSpec = ReportSpec {
    number: "FR Y-14Q H.1",
    name: "FR Y-14Q Schedule H.1 - Corporate Loan Data",
    regulation: FR_Y14_REGULATION,
    frequency: Frequency::Quarterly,
    description: "Quarterly facility-level data on commercial and industrial and other corporate \
        loans with a committed balance of $1 million or more, including obligor risk ratings, \
        probability of default and loss given default, used to project wholesale credit losses.",
    lob_codes: &["COMMERCIAL", "WEALTH"],
    attributes: ATTRIBUTES,
};

/// Where H.1 facilities land on FR Y-9C Schedule HC-C; most are C&I loans.
const Y9C_LINES: &[(&str, u32)] =
    &[("4.a", 62), ("4.b", 6), ("1.e.(1)", 9), ("1.e.(2)", 11), ("1.a.(2)", 5), ("1.d", 3), ("9.b.(2)", 4)];

/// NAICS codes of a mid-market commercial book.
const NAICS_CODES: &[(&str, u32)] = &[
    ("236220", 8),
    ("238210", 5),
    ("311612", 3),
    ("325412", 4),
    ("332710", 6),
    ("423830", 9),
    ("424410", 6),
    ("441110", 7),
    ("484121", 6),
    ("531120", 12),
    ("541511", 7),
    ("621111", 6),
    ("622110", 5),
    ("721110", 6),
    ("811111", 4),
];

const ATTRIBUTES: &[AttributeSpec] = &[
    AttributeSpec::new(
        "internal_credit_facility_id",
        DataType::String,
        Mandatory,
        ValueSpec::UniqueId { prefix: "FAC", digits: 9 },
        "The bank's identifier of the credit facility, stable across quarters.",
    )
    .primary_key()
    .cde()
    .line_item("H.1: Internal Credit Facility ID")
    .rule("Unique within the quarterly file; unchanged after renewals"),
    AttributeSpec::new(
        "obligor_internal_id",
        DataType::String,
        Mandatory,
        ValueSpec::Id { prefix: "OB", digits: 7 },
        "The bank's identifier of the obligor; shared by all facilities of one borrower.",
    )
    .line_item("H.1: Internal ID")
    .rule("Same value for every facility of the same obligor"),
    AttributeSpec::new(
        "industry_code",
        Code,
        Mandatory,
        ValueSpec::Code(NAICS_CODES),
        "Six-digit NAICS code of the obligor's primary business.",
    )
    .historical_issue()
    .line_item("H.1: Industry Code")
    .rule("Valid 2017 or 2022 NAICS code of six digits"),
    AttributeSpec::new(
        "obligor_zip",
        DataType::String,
        Mandatory,
        ValueSpec::ZipCode,
        "ZIP code of the obligor's headquarters.",
    )
    .line_item("H.1: Zip Code")
    .rule("Five digits for US obligors"),
    AttributeSpec::new(
        "origination_date",
        Date,
        Mandatory,
        ValueSpec::Date { from: (2022, 1, 1), to: (2026, 9, 15) },
        "Date the facility was first made available to the obligor.",
    )
    .line_item("H.1: Origination Date")
    .rule("Valid date, not after the quarter end"),
    AttributeSpec::new(
        "maturity_date",
        Date,
        Mandatory,
        ValueSpec::YearsAfter {
            attribute: "origination_date",
            years: &[(5, 55), (7, 30), (10, 15)],
        },
        "Contractual maturity of the facility, after any extension options exercised.",
    )
    .cde()
    .line_item("H.1: Maturity Date")
    .rule("After origination_date"),
    AttributeSpec::new(
        "credit_facility_type",
        Code,
        Mandatory,
        ValueSpec::Code(&[("1", 46), ("2", 6), ("4", 3), ("7", 30), ("8", 9), ("9", 6)]),
        "Kind of facility.",
    )
    .line_item("H.1: Credit Facility Type")
    .rule("1 = revolving credit, 2 = revolving converting to term, 4 = bridge, 7 = term loan, 8 = term loan A, 9 = term loan B"),
    AttributeSpec::new(
        "committed_exposure_global",
        Decimal,
        Mandatory,
        ValueSpec::Amount {
            median: 6_500_000.0,
            spread: 1.1,
            min: 1_000_000.0,
            max: 2_500_000_000.0,
        },
        "Total commitment across all participants' shares held by the bank, in US dollars.",
    )
    .cde()
    .line_item("H.1: Committed Exposure Global")
    .rule("At least 1,000,000 (reporting threshold); at least utilized_exposure_global"),
    AttributeSpec::new(
        "utilized_exposure_global",
        Decimal,
        Mandatory,
        ValueSpec::ShareOf {
            attribute: "committed_exposure_global",
            min_percent: 0.0,
            max_percent: 100.0,
        },
        "Amount drawn on the facility at quarter end, in US dollars.",
    )
    .cde()
    .historical_issue()
    .line_item("H.1: Utilized Exposure Global")
    .rule("Not negative; at most committed_exposure_global; ties to the general ledger"),
    AttributeSpec::new(
        "line_reported_on_fr_y9c",
        Code,
        Mandatory,
        ValueSpec::Code(Y9C_LINES),
        "FR Y-9C Schedule HC-C line where the facility's outstanding balance is reported.",
    )
    .cde()
    .line_item("H.1: Line Reported on FR Y-9C")
    .rule("A valid HC-C item; must reconcile to the FR Y-9C totals"),
    AttributeSpec::new(
        "obligor_internal_rating",
        Code,
        Mandatory,
        ValueSpec::Code(&[
            ("1", 2),
            ("2", 6),
            ("3", 14),
            ("4", 24),
            ("5", 25),
            ("6", 16),
            ("7", 8),
            ("8", 3),
            ("9", 1),
            ("10", 1),
        ]),
        "Obligor grade on the bank's 10-point internal rating scale (1 best, 8 and worse criticized).",
    )
    .cde()
    .line_item("H.1: Obligor Internal Risk Rating")
    .rule("A grade of the internal scale mapped in the rating-scale submission"),
    AttributeSpec::new(
        "probability_of_default",
        Decimal,
        Mandatory,
        ValueSpec::Range { min: 0.0003, mode: 0.008, max: 0.25, decimals: 4 },
        "One-year probability of default of the obligor, as a decimal.",
    )
    .cde()
    .historical_issue()
    .line_item("H.1: Probability of Default")
    .rule("Greater than 0 and at most 1; consistent with obligor_internal_rating"),
    AttributeSpec::new(
        "loss_given_default",
        Decimal,
        Mandatory,
        ValueSpec::Range { min: 0.10, mode: 0.35, max: 0.75, decimals: 4 },
        "Expected loss severity of the facility, as a decimal.",
    )
    .line_item("H.1: Loss Given Default")
    .rule("Between 0 and 1"),
    AttributeSpec::new(
        "interest_rate_variability",
        Code,
        Mandatory,
        ValueSpec::Code(&[("1", 28), ("2", 66), ("3", 6)]),
        "Whether the rate is fixed, floating or mixed.",
    )
    .line_item("H.1: Interest Rate Variability")
    .rule("1 = fixed, 2 = floating, 3 = mixed"),
    AttributeSpec::new(
        "interest_rate",
        Decimal,
        Conditional,
        ValueSpec::Sometimes {
            percent: 97,
            value: &ValueSpec::Range { min: 3.5, mode: 7.25, max: 12.0, decimals: 4 },
        },
        "All-in interest rate on the drawn amount at quarter end, in percent.",
    )
    .line_item("H.1: Interest Rate")
    .rule("Required when utilized_exposure_global is greater than 0"),
    AttributeSpec::new(
        "guarantor_flag",
        Boolean,
        Mandatory,
        ValueSpec::Flag { percent_true: 34 },
        "Whether a third party guarantees the facility.",
    )
    .line_item("H.1: Guarantor Flag")
    .rule("true when a full or partial guarantee is in force"),
];
