//! FR Y-14M Schedule D.1: one record per domestic consumer credit card account.

use super::FR_Y14_REGULATION;
use crate::catalog::{AttributeSpec, DataType, Frequency, ReportSpec, Requirement, ValueSpec};

use DataType::{Boolean, Code, Date, Decimal, Integer};
use Requirement::{Conditional, Mandatory, Optional};

pub(super) const REPORT: ReportSpec = ReportSpec {
    number: "FR Y-14M D.1",
    name: "FR Y-14M Schedule D.1 - Domestic Credit Card (loan level)",
    regulation: FR_Y14_REGULATION,
    frequency: Frequency::Monthly,
    description: "Monthly account-level data on domestic general purpose and private label \
        consumer credit cards (FR Y-9C HC-C item 6.a population), used to model card losses, \
        utilisation and payment behaviour under stress.",
    lob_codes: &["CARD", "RETAIL"],
    attributes: ATTRIBUTES,
};

const ATTRIBUTES: &[AttributeSpec] = &[
    AttributeSpec::new(
        "account_id",
        DataType::String,
        Mandatory,
        ValueSpec::UniqueId { prefix: "CC", digits: 10 },
        "Masked reference number of the card account, stable across months.",
    )
    .primary_key()
    .cde()
    .line_item("D.1: Reference Number")
    .rule("Unique within the monthly file; not the full card number (PAN)"),
    AttributeSpec::new(
        "origination_date",
        Date,
        Mandatory,
        ValueSpec::Date { from: (2006, 1, 1), to: (2026, 9, 15) },
        "Date the account was opened.",
    )
    .line_item("D.1: Account Origination Date")
    .rule("Valid date, not after the cycle end date"),
    AttributeSpec::new(
        "card_type",
        Code,
        Mandatory,
        ValueSpec::Code(&[("1", 82), ("2", 18)]),
        "Whether the card is accepted across a network or only by one retailer.",
    )
    .line_item("D.1: Credit Card Type")
    .rule("1 = general purpose, 2 = private label"),
    AttributeSpec::new(
        "current_credit_limit",
        Decimal,
        Mandatory,
        ValueSpec::Amount { median: 7_500.0, spread: 0.8, min: 300.0, max: 100_000.0 },
        "Credit line available to the borrower at cycle end, in US dollars.",
    )
    .cde()
    .line_item("D.1: Current Credit Limit")
    .rule("Greater than 0 for open accounts"),
    AttributeSpec::new(
        "cycle_ending_balance",
        Decimal,
        Mandatory,
        ValueSpec::ShareOf { attribute: "current_credit_limit", min_percent: 0.0, max_percent: 98.0 },
        "Total balance owed at the end of the billing cycle, in US dollars.",
    )
    .cde()
    .historical_issue()
    .line_item("D.1: Cycle Ending Balance")
    .rule("Equals the card processor's statement balance; may exceed the limit only with an over-limit fee"),
    AttributeSpec::new(
        "cycle_end_date",
        Date,
        Mandatory,
        ValueSpec::Date { from: (2026, 9, 1), to: (2026, 9, 30) },
        "Closing date of the last billing cycle in the reporting month.",
    )
    .line_item("D.1: Cycle End Date")
    .rule("Within the reporting month"),
    AttributeSpec::new(
        "days_past_due",
        Integer,
        Mandatory,
        ValueSpec::Code(&[("0", 940), ("12", 20), ("35", 15), ("64", 9), ("95", 7), ("126", 5), ("157", 4)]),
        "Days the required minimum payment is past due at cycle end.",
    )
    .cde()
    .historical_issue()
    .line_item("D.1: Days Past Due")
    .rule("0 or more; 180 or more requires the account to be charged off"),
    AttributeSpec::new(
        "current_apr",
        Decimal,
        Mandatory,
        ValueSpec::Range { min: 9.99, mode: 22.49, max: 29.99, decimals: 2 },
        "Annual percentage rate on purchases at cycle end, in percent.",
    )
    .line_item("D.1: Cycle Ending Retail APR")
    .rule("Between 0 and 36 percent, two decimals"),
    AttributeSpec::new(
        "refreshed_credit_score",
        Integer,
        Mandatory,
        ValueSpec::Range { min: 540.0, mode: 735.0, max: 850.0, decimals: 0 },
        "Primary borrower's most recent credit bureau score.",
    )
    .cde()
    .line_item("D.1: Refreshed Credit Score Primary Borrower")
    .rule("300 to 850, refreshed at least quarterly"),
    AttributeSpec::new(
        "borrower_state",
        Code,
        Mandatory,
        ValueSpec::UsState,
        "State of the borrower's billing address.",
    )
    .line_item("D.1: Billing State")
    .rule("Two-letter USPS code of a state, DC or Puerto Rico"),
    AttributeSpec::new(
        "borrower_zip",
        DataType::String,
        Mandatory,
        ValueSpec::ZipCode,
        "Five-digit ZIP code of the borrower's billing address.",
    )
    .line_item("D.1: Billing Zip Code")
    .rule("Five digits; consistent with borrower_state"),
    AttributeSpec::new(
        "minimum_payment_due",
        Decimal,
        Mandatory,
        ValueSpec::ShareOf { attribute: "cycle_ending_balance", min_percent: 1.0, max_percent: 3.0 },
        "Minimum payment due on the statement, in US dollars.",
    )
    .line_item("D.1: Minimum Payment Due")
    .rule("Not negative; at most the cycle ending balance"),
    AttributeSpec::new(
        "actual_payment_amount",
        Decimal,
        Mandatory,
        ValueSpec::ShareOf { attribute: "cycle_ending_balance", min_percent: 0.0, max_percent: 100.0 },
        "Total payments received during the cycle, in US dollars.",
    )
    .line_item("D.1: Actual Payment Amount")
    .rule("Not negative"),
    AttributeSpec::new(
        "gross_charge_off_amount",
        Decimal,
        Conditional,
        ValueSpec::Sometimes {
            percent: 3,
            value: &ValueSpec::Amount { median: 3_800.0, spread: 0.9, min: 50.0, max: 60_000.0 },
        },
        "Principal, interest and fees charged off during the month, in US dollars.",
    )
    .cde()
    .line_item("D.1: Gross Charge-off Amount")
    .rule("Required when the account was charged off in the month; otherwise empty"),
    AttributeSpec::new(
        "bankruptcy_flag",
        Boolean,
        Mandatory,
        ValueSpec::Flag { percent_true: 1 },
        "Whether the borrower has filed for bankruptcy.",
    )
    .line_item("D.1: Bankruptcy Flag")
    .rule("true when a bankruptcy notice has been received"),
    AttributeSpec::new(
        "securitized_flag",
        Boolean,
        Optional,
        ValueSpec::Flag { percent_true: 22 },
        "Whether the account's receivables are in a securitisation trust.",
    )
    .line_item("D.1: Securitization Flag"),
];
