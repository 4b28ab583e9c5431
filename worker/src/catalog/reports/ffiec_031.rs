//! FFIEC 031 (Call Report), Schedule RC-C Part I: one record per loan mapped to a loan category.

use crate::catalog::{AttributeSpec, DataType, Frequency, ReportSpec, Requirement, RowTable, TableRow, ValueSpec};

use DataType::{Boolean, Code, Date, Decimal};
use Requirement::{Conditional, Mandatory};

pub(super) const REPORT: ReportSpec = ReportSpec {
    number: "FFIEC 031",
    name: "Consolidated Reports of Condition and Income for a Bank with Domestic and Foreign Offices (Call Report)",
    regulation: "Federal Deposit Insurance Act section 7(a) (12 U.S.C. 1817(a)); 12 U.S.C. 161 \
        for national banks and 12 U.S.C. 324 for state member banks",
    frequency: Frequency::Quarterly,
    description: "Quarterly Call Report of the insured bank subsidiary. The source records are the \
        loans behind Schedule RC-C Part I (loans and leases), each mapped to its RC-C category, \
        with the past-due status that feeds Schedule RC-N.",
    lob_codes: &["COMMERCIAL", "MORTGAGE", "RETAIL", "CARD"],
    attributes: ATTRIBUTES,
};

const COMMERCIAL_ONLY: &[&str] = &["COMMERCIAL"];
const MORTGAGE_LENDERS: &[&str] = &["MORTGAGE", "RETAIL"];
const CARD_ONLY: &[&str] = &["CARD"];
const RETAIL_ONLY: &[&str] = &["RETAIL"];

/// (MDRM code, RC-C item, category, primary collateral), weighted by the share of loans in each
/// and restricted to the LOBs that lend so; commercial and consumer categories appear once per
/// typical collateral so that the category and the collateral of a loan agree.
static LOAN_CATEGORIES: RowTable = &[
    TableRow::new(&["RCONF158", "1.a.(1)", "1-4 family residential construction loans", "RE"], 2, MORTGAGE_LENDERS),
    TableRow::new(
        &["RCONF159", "1.a.(2)", "Other construction loans and all land development and other land loans", "RE"],
        2,
        COMMERCIAL_ONLY,
    ),
    TableRow::new(&["RCON1420", "1.b", "Secured by farmland", "RE"], 1, COMMERCIAL_ONLY),
    TableRow::new(
        &["RCON1797", "1.c.(1)", "Revolving, open-end loans secured by 1-4 family residential properties", "RE"],
        9,
        MORTGAGE_LENDERS,
    ),
    TableRow::new(
        &["RCON5367", "1.c.(2)(a)", "Closed-end loans secured by 1-4 family residential properties: first liens", "RE"],
        22,
        MORTGAGE_LENDERS,
    ),
    TableRow::new(
        &[
            "RCON5368",
            "1.c.(2)(b)",
            "Closed-end loans secured by 1-4 family residential properties: junior liens",
            "RE",
        ],
        3,
        MORTGAGE_LENDERS,
    ),
    TableRow::new(
        &["RCON1460", "1.d", "Secured by multifamily (5 or more) residential properties", "RE"],
        3,
        COMMERCIAL_ONLY,
    ),
    TableRow::new(
        &["RCONF160", "1.e.(1)", "Loans secured by owner-occupied nonfarm nonresidential properties", "RE"],
        4,
        COMMERCIAL_ONLY,
    ),
    TableRow::new(
        &["RCONF161", "1.e.(2)", "Loans secured by other nonfarm nonresidential properties", "RE"],
        4,
        COMMERCIAL_ONLY,
    ),
    TableRow::new(
        &["RCFD1763", "4.a", "Commercial and industrial loans to U.S. addressees", "AR_INVENTORY"],
        6,
        COMMERCIAL_ONLY,
    ),
    TableRow::new(
        &["RCFD1763", "4.a", "Commercial and industrial loans to U.S. addressees", "EQUIPMENT"],
        3,
        COMMERCIAL_ONLY,
    ),
    TableRow::new(
        &["RCFD1763", "4.a", "Commercial and industrial loans to U.S. addressees", "UNSECURED"],
        3,
        COMMERCIAL_ONLY,
    ),
    TableRow::new(
        &["RCFD1764", "4.b", "Commercial and industrial loans to non-U.S. addressees", "UNSECURED"],
        2,
        COMMERCIAL_ONLY,
    ),
    TableRow::new(&["RCFDB538", "6.a", "Credit cards", "UNSECURED"], 18, CARD_ONLY),
    TableRow::new(&["RCFDB539", "6.b", "Other revolving credit plans", "UNSECURED"], 2, RETAIL_ONLY),
    TableRow::new(&["RCFDB539", "6.b", "Other revolving credit plans", "CASH_SECURITIES"], 1, RETAIL_ONLY),
    TableRow::new(&["RCFDK137", "6.c", "Automobile loans", "VEHICLE"], 10, RETAIL_ONLY),
    TableRow::new(&["RCFDK207", "6.d", "Other consumer loans", "UNSECURED"], 4, RETAIL_ONLY),
    TableRow::new(&["RCFDK207", "6.d", "Other consumer loans", "CASH_SECURITIES"], 1, RETAIL_ONLY),
];

const ATTRIBUTES: &[AttributeSpec] = &[
    AttributeSpec::new(
        "loan_id",
        DataType::String,
        Mandatory,
        ValueSpec::UniqueId { prefix: "LN", digits: 9 },
        "Identifier of the loan in the bank's loan accounting system.",
    )
    .primary_key()
    .line_item("Loan accounting system key")
    .rule("Unique across the bank's loan systems"),
    AttributeSpec::new(
        "mdrm_code",
        Code,
        Mandatory,
        ValueSpec::Row { table: LOAN_CATEGORIES, column: 0 },
        "MDRM code of the RC-C item the loan is reported in (RCFD consolidated, RCON domestic offices).",
    )
    .cde()
    .historical_issue()
    .line_item("RC-C Part I: MDRM item")
    .rule("A valid FFIEC 031 RC-C code; real estate loans use RCON codes"),
    AttributeSpec::new(
        "rc_c_item",
        DataType::String,
        Mandatory,
        ValueSpec::Row { table: LOAN_CATEGORIES, column: 1 },
        "Schedule RC-C Part I item number of the loan category.",
    )
    .cde()
    .line_item("RC-C Part I: item number")
    .rule("Consistent with mdrm_code and with the collateral and purpose of the loan"),
    AttributeSpec::new(
        "loan_category",
        DataType::String,
        Mandatory,
        ValueSpec::Row { table: LOAN_CATEGORIES, column: 2 },
        "Caption of the RC-C loan category.",
    )
    .line_item("RC-C Part I: caption"),
    AttributeSpec::new(
        "booking_office",
        Code,
        Mandatory,
        ValueSpec::Code(&[("DOMESTIC", 95), ("FOREIGN", 5)]),
        "Whether the loan is booked in a domestic or a foreign office.",
    )
    .line_item("RC-C Part I: column A (consolidated) versus column B (domestic offices)")
    .rule("FOREIGN loans count in column A only"),
    AttributeSpec::new(
        "reporting_date",
        Date,
        Mandatory,
        ValueSpec::Fixed("2026-09-30"),
        "Quarter-end as-of date of the Call Report.",
    )
    .line_item("Report date")
    .rule("Calendar quarter end; the same on every record of the filing"),
    AttributeSpec::new(
        "outstanding_balance",
        Decimal,
        Mandatory,
        ValueSpec::Amount { median: 62_000.0, spread: 1.6, min: 250.0, max: 250_000_000.0 },
        "Amortized cost of the loan at quarter end, in US dollars.",
    )
    .cde()
    .historical_issue()
    .line_item("RC-C Part I: amount")
    .rule("Not negative; net of unearned income; ties to the general ledger"),
    AttributeSpec::new(
        "allowance_for_credit_losses",
        Decimal,
        Mandatory,
        ValueSpec::ShareOf { attribute: "outstanding_balance", min_percent: 0.2, max_percent: 6.0 },
        "Allowance for credit losses allocated to the loan under CECL, in US dollars.",
    )
    .cde()
    .line_item("RC item 4.c: LESS: Allowance for credit losses on loans and leases")
    .rule("Not negative; allocations sum to the ledger allowance balance"),
    AttributeSpec::new(
        "held_for_sale_flag",
        Boolean,
        Mandatory,
        ValueSpec::Flag { percent_true: 3 },
        "Whether the loan is held for sale rather than held for investment.",
    )
    .line_item("RC item 4.a (held for sale) versus 4.b (held for investment)")
    .rule("true only with a documented intent to sell"),
    AttributeSpec::new(
        "unused_commitment",
        Decimal,
        Conditional,
        ValueSpec::Sometimes {
            percent: 35,
            value: &ValueSpec::Amount { median: 15_000.0, spread: 1.5, min: 100.0, max: 150_000_000.0 },
        },
        "Undrawn amount the bank is committed to lend, in US dollars.",
    )
    .line_item("RC-L item 1: Unused commitments")
    .rule("Required for revolving and other committed facilities; otherwise empty"),
    AttributeSpec::new(
        "past_due_status",
        Code,
        Mandatory,
        ValueSpec::Code(&[("CURRENT", 955), ("30-89", 28), ("90+", 7), ("NONACCRUAL", 10)]),
        "Past-due bucket at quarter end, or nonaccrual.",
    )
    .cde()
    .historical_issue()
    .line_item("RC-N: past due 30-89 days (column A), 90 days or more (B), nonaccrual (C)")
    .rule("CURRENT, 30-89, 90+ or NONACCRUAL; nonaccrual loans are not also reported as past due"),
    AttributeSpec::new(
        "origination_date",
        Date,
        Mandatory,
        ValueSpec::Date { from: (2022, 1, 1), to: (2026, 9, 15) },
        "Date the loan was originated or acquired.",
    )
    .line_item("Loan accounting system: origination date")
    .rule("Not after the report date"),
    AttributeSpec::new(
        "collateral_type",
        Code,
        Mandatory,
        ValueSpec::Row { table: LOAN_CATEGORIES, column: 3 },
        "Primary collateral securing the loan.",
    )
    .line_item("RC-C Part I: secured by real estate (items 1.a-1.e) or not")
    .rule("RE, VEHICLE, EQUIPMENT, AR_INVENTORY, CASH_SECURITIES or UNSECURED; RE loans belong in RC-C items 1.a-1.e"),
];
