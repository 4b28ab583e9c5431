//! FR Y-14M Schedule A.1: one record per first-lien closed-end 1-4 family residential loan.

use super::FR_Y14_REGULATION;
use crate::catalog::{AttributeSpec, DataType, Frequency, ReportSpec, Requirement, ValueSpec};

use DataType::{Code, Date, Decimal, Integer};
use Requirement::{Conditional, Mandatory};

pub(super) const REPORT: ReportSpec = ReportSpec {
    number: "FR Y-14M A.1",
    name: "FR Y-14M Schedule A.1 - Domestic First Lien Closed-end 1-4 Family Residential Loan (loan level)",
    regulation: FR_Y14_REGULATION,
    frequency: Frequency::Monthly,
    description: "Monthly loan-level data on every domestic first-lien closed-end 1-4 family \
        residential mortgage held in portfolio or serviced (FR Y-9C HC-C item 1.c.(2)(a) \
        population), used by the Federal Reserve to project mortgage losses under stress.",
    lob_codes: &["MORTGAGE", "RETAIL", "WEALTH"],
    attributes: ATTRIBUTES,
};

const ATTRIBUTES: &[AttributeSpec] = &[
    AttributeSpec::new(
        "loan_number",
        DataType::String,
        Mandatory,
        ValueSpec::UniqueId { prefix: "", digits: 10 },
        "Identifier of the loan in the servicing system; stable for the life of the loan.",
    )
    .primary_key()
    .cde()
    .line_item("A.1 field 1: Loan Number")
    .rule("Unique within the monthly file; never reused; equals the servicing system identifier"),
    AttributeSpec::new(
        "origination_date",
        Date,
        Mandatory,
        ValueSpec::Date { from: (2012, 1, 1), to: (2026, 8, 31) },
        "Date the loan closed (note date).",
    )
    .cde()
    .line_item("A.1 field 2: Loan Closing Date")
    .rule("Valid date, not after the reporting month end"),
    AttributeSpec::new(
        "original_loan_amount",
        Decimal,
        Mandatory,
        ValueSpec::Amount { median: 285_000.0, spread: 0.55, min: 40_000.0, max: 4_500_000.0 },
        "Principal amount disbursed at origination, in US dollars.",
    )
    .cde()
    .line_item("A.1 field 6: Original Loan Amount Disbursed")
    .rule("Greater than 0; at least the unpaid principal balance unless negatively amortising"),
    AttributeSpec::new(
        "unpaid_principal_balance",
        Decimal,
        Mandatory,
        ValueSpec::ShareOf { attribute: "original_loan_amount", min_percent: 35.0, max_percent: 100.0 },
        "Principal owed at the end of the reporting month, in US dollars.",
    )
    .cde()
    .historical_issue()
    .line_item("A.1 field 60: Unpaid Principal Balance")
    .rule("Not negative; equals the servicing system month-end balance; 0 only if liquidated in the month"),
    AttributeSpec::new(
        "interest_rate",
        Decimal,
        Mandatory,
        ValueSpec::Range { min: 2.25, mode: 4.125, max: 8.875, decimals: 3 },
        "Note rate in effect at the end of the reporting month, in percent.",
    )
    .cde()
    .line_item("A.1 field 56: Current Interest Rate")
    .rule("Between 0 and 20 percent, three decimals"),
    AttributeSpec::new(
        "ltv_at_origination",
        Decimal,
        Mandatory,
        ValueSpec::Range { min: 25.0, mode: 80.0, max: 97.0, decimals: 2 },
        "Original loan amount divided by the lesser of appraised value and sale price, in percent.",
    )
    .cde()
    .historical_issue()
    .line_item("A.1 field 8: Original LTV")
    .rule("Greater than 0 and at most 200; uses the lesser of appraisal and purchase price"),
    AttributeSpec::new(
        "credit_score_at_origination",
        Integer,
        Mandatory,
        ValueSpec::Range { min: 580.0, mode: 752.0, max: 850.0, decimals: 0 },
        "Primary borrower's credit bureau score used in the underwriting decision.",
    )
    .cde()
    .line_item("A.1 field 13: Origination Credit Bureau Score")
    .rule("300 to 850; left empty, not 0, when no score was obtained"),
    AttributeSpec::new(
        "refreshed_credit_score",
        Integer,
        Conditional,
        ValueSpec::Sometimes {
            percent: 92,
            value: &ValueSpec::Range { min: 520.0, mode: 748.0, max: 850.0, decimals: 0 },
        },
        "Most recent credit bureau score of the primary borrower.",
    )
    .line_item("A.1 field 48: Current Credit Bureau Score")
    .rule("Required when refreshed in the last 12 months; 300 to 850"),
    AttributeSpec::new(
        "property_state",
        Code,
        Mandatory,
        ValueSpec::UsState,
        "State where the mortgaged property is located.",
    )
    .line_item("A.1: Property State")
    .rule("Two-letter USPS code of a state, DC or Puerto Rico"),
    AttributeSpec::new(
        "property_zip",
        DataType::String,
        Mandatory,
        ValueSpec::ZipCode,
        "Five-digit ZIP code of the mortgaged property.",
    )
    .line_item("A.1: Property Zip Code")
    .rule("Five digits; consistent with property_state"),
    AttributeSpec::new(
        "occupancy",
        Code,
        Mandatory,
        ValueSpec::Code(&[("1", 86), ("2", 5), ("3", 9)]),
        "How the borrower uses the property at origination.",
    )
    .historical_issue()
    .line_item("A.1: Occupancy")
    .rule("1 = owner-occupied, 2 = second home, 3 = investor; U = unknown"),
    AttributeSpec::new(
        "loan_purpose",
        Code,
        Mandatory,
        ValueSpec::Code(&[("1", 58), ("2", 21), ("3", 18), ("U", 3)]),
        "Purpose of the loan at origination.",
    )
    .line_item("A.1: Loan Purpose Coded")
    .rule("1 = purchase, 2 = rate/term refinance, 3 = cash-out refinance, U = unknown"),
    AttributeSpec::new(
        "loan_type",
        Code,
        Mandatory,
        ValueSpec::Code(&[("1", 64), ("2", 14), ("3", 13), ("4", 8), ("5", 1)]),
        "Insurance or guarantee program of the loan.",
    )
    .line_item("A.1 field 16: Loan Type")
    .rule("1 = conventional without PMI, 2 = conventional with PMI, 3 = FHA, 4 = VA, 5 = other"),
    AttributeSpec::new(
        "lien_position",
        Code,
        Mandatory,
        ValueSpec::Code(&[("1", 1)]),
        "Lien position of the loan at origination.",
    )
    .line_item("A.1 field 17: Lien Position at Origination")
    .rule("Must be 1 (first lien) on this schedule"),
    AttributeSpec::new(
        "delinquency_status",
        Code,
        Mandatory,
        ValueSpec::Code(&[("C", 930), ("30", 32), ("60", 11), ("90", 7), ("120", 10), ("FC", 8), ("REO", 2)]),
        "Payment status at month end by the MBA method: current, days past due bucket, \
         in foreclosure or real estate owned.",
    )
    .cde()
    .historical_issue()
    .line_item("A.1: Payment Status / Days Past Due")
    .rule("C, 30, 60, 90, 120, FC or REO; consistent with the next payment due date"),
    AttributeSpec::new(
        "maturity_date",
        Date,
        Mandatory,
        ValueSpec::YearsAfter { attribute: "origination_date", years: &[(30, 80), (15, 15), (20, 5)] },
        "Date of the last scheduled payment under the note, as modified.",
    )
    .line_item("A.1: Maturity Date")
    .rule("After origination_date; normally origination plus 15, 20 or 30 years"),
];
