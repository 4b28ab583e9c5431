//! FR Y-9C: one record per general-ledger balance feeding a balance-sheet or loan line item.

use crate::catalog::{AttributeSpec, DataType, Frequency, ReportSpec, Requirement, RowTable, TableRow, ValueSpec};

use DataType::{Boolean, Code, Date, Integer};
use Requirement::{Mandatory, Optional};

pub(super) const REPORT: ReportSpec = ReportSpec {
    number: "FR Y-9C",
    name: "Consolidated Financial Statements for Holding Companies",
    regulation: "Bank Holding Company Act section 5(c) (12 U.S.C. 1844) and Regulation Y \
        (12 CFR 225); savings and loan holding companies under 12 U.S.C. 1467a(b)",
    frequency: Frequency::Quarterly,
    description: "Quarterly consolidated balance sheet, income statement and supporting \
        schedules of the holding company. The source records are the general-ledger balances \
        mapped to each MDRM item of Schedule HC (balance sheet) and Schedule HC-C (loans and \
        lease financing receivables), in thousands of dollars.",
    lob_codes: &["TREASURY", "COMMERCIAL", "RETAIL", "MORTGAGE", "CARD", "WEALTH"],
    attributes: ATTRIBUTES,
};

const TREASURY: &[&str] = &["TREASURY"];
const DEPOSIT_TAKERS: &[&str] = &["RETAIL", "COMMERCIAL", "WEALTH"];
const REAL_ESTATE_LENDERS: &[&str] = &["MORTGAGE", "RETAIL", "WEALTH"];
const BUSINESS_LENDERS: &[&str] = &["COMMERCIAL", "WEALTH"];
const CONSUMER_LENDERS: &[&str] = &["CARD", "RETAIL"];

/// (MDRM code, schedule, line item, caption), weighted by how many ledger accounts feed each,
/// restricted to the LOBs that book such balances.
static LINE_ITEMS: RowTable = &[
    TableRow::new(&["BHCK0081", "HC", "1.a", "Noninterest-bearing balances and currency and coin"], 4, TREASURY),
    TableRow::new(&["BHCK0395", "HC", "1.b.(1)", "Interest-bearing balances in U.S. offices"], 4, TREASURY),
    TableRow::new(&["BHCKJJ34", "HC", "2.a", "Held-to-maturity securities"], 5, TREASURY),
    TableRow::new(&["BHCK1773", "HC", "2.b", "Available-for-sale debt securities"], 7, TREASURY),
    TableRow::new(
        &["BHDM6631", "HC", "13.a.(1)", "Noninterest-bearing deposits in domestic offices"],
        6,
        DEPOSIT_TAKERS,
    ),
    TableRow::new(&["BHDM6636", "HC", "13.a.(2)", "Interest-bearing deposits in domestic offices"], 9, DEPOSIT_TAKERS),
    TableRow::new(
        &["BHCKF158", "HC-C", "1.a.(1)", "1-4 family residential construction loans"],
        3,
        REAL_ESTATE_LENDERS,
    ),
    TableRow::new(
        &["BHCKF159", "HC-C", "1.a.(2)", "Other construction loans and all land development and other land loans"],
        4,
        BUSINESS_LENDERS,
    ),
    TableRow::new(&["BHDM1420", "HC-C", "1.b", "Secured by farmland"], 2, BUSINESS_LENDERS),
    TableRow::new(
        &["BHDM1797", "HC-C", "1.c.(1)", "Revolving, open-end loans secured by 1-4 family residential properties"],
        5,
        REAL_ESTATE_LENDERS,
    ),
    TableRow::new(
        &[
            "BHDM5367",
            "HC-C",
            "1.c.(2)(a)",
            "Closed-end loans secured by 1-4 family residential properties: first liens",
        ],
        10,
        REAL_ESTATE_LENDERS,
    ),
    TableRow::new(
        &[
            "BHDM5368",
            "HC-C",
            "1.c.(2)(b)",
            "Closed-end loans secured by 1-4 family residential properties: junior liens",
        ],
        3,
        REAL_ESTATE_LENDERS,
    ),
    TableRow::new(
        &["BHDM1460", "HC-C", "1.d", "Secured by multifamily (5 or more) residential properties"],
        4,
        BUSINESS_LENDERS,
    ),
    TableRow::new(
        &["BHCKF160", "HC-C", "1.e.(1)", "Loans secured by owner-occupied nonfarm nonresidential properties"],
        5,
        BUSINESS_LENDERS,
    ),
    TableRow::new(
        &["BHCKF161", "HC-C", "1.e.(2)", "Loans secured by other nonfarm nonresidential properties"],
        5,
        BUSINESS_LENDERS,
    ),
    TableRow::new(
        &["BHCK1763", "HC-C", "4.a", "Commercial and industrial loans to U.S. addressees"],
        10,
        BUSINESS_LENDERS,
    ),
    TableRow::new(
        &["BHCK1764", "HC-C", "4.b", "Commercial and industrial loans to non-U.S. addressees"],
        3,
        BUSINESS_LENDERS,
    ),
    TableRow::new(&["BHCKB538", "HC-C", "6.a", "Credit cards"], 6, CONSUMER_LENDERS),
    TableRow::new(&["BHCKB539", "HC-C", "6.b", "Other revolving credit plans"], 2, CONSUMER_LENDERS),
    TableRow::new(&["BHCKK137", "HC-C", "6.c", "Automobile loans"], 4, CONSUMER_LENDERS),
    TableRow::new(&["BHCKK207", "HC-C", "6.d", "Other consumer loans"], 3, CONSUMER_LENDERS),
];

const ATTRIBUTES: &[AttributeSpec] = &[
    AttributeSpec::new(
        "mdrm_code",
        Code,
        Mandatory,
        ValueSpec::Row { table: LINE_ITEMS, column: 0 },
        "Micro Data Reference Manual code of the item the balance is reported in.",
    )
    .primary_key()
    .cde()
    .line_item("Schedules HC and HC-C: MDRM item")
    .rule("A valid FR Y-9C MDRM code for the reporting period"),
    AttributeSpec::new(
        "gl_account_id",
        DataType::String,
        Mandatory,
        ValueSpec::UniqueId { prefix: "GL", digits: 9 },
        "General-ledger account (with sub-ledger) whose balance feeds the item.",
    )
    .primary_key()
    .line_item("Regulatory reporting mapping: ledger account")
    .rule("Exists in the chart of accounts and is mapped to exactly one MDRM item"),
    AttributeSpec::new(
        "schedule",
        Code,
        Mandatory,
        ValueSpec::Row { table: LINE_ITEMS, column: 1 },
        "FR Y-9C schedule of the item.",
    )
    .line_item("Schedule identifier")
    .rule("HC or HC-C; consistent with mdrm_code"),
    AttributeSpec::new(
        "line_item",
        DataType::String,
        Mandatory,
        ValueSpec::Row { table: LINE_ITEMS, column: 2 },
        "Line number of the item within its schedule.",
    )
    .line_item("Schedule line number")
    .rule("Consistent with mdrm_code"),
    AttributeSpec::new(
        "line_item_caption",
        DataType::String,
        Optional,
        ValueSpec::Row { table: LINE_ITEMS, column: 3 },
        "Caption of the line item as printed on the form.",
    ),
    AttributeSpec::new(
        "reporting_date",
        Date,
        Mandatory,
        ValueSpec::Fixed("2026-09-30"),
        "Quarter-end as-of date of the filing.",
    )
    .line_item("Report date")
    .rule("Calendar quarter end; the same on every record of the filing"),
    AttributeSpec::new(
        "amount_thousands",
        Integer,
        Mandatory,
        ValueSpec::Amount { median: 45_000.0, spread: 1.5, min: 1.0, max: 60_000_000.0 },
        "Ledger balance contributed to the item, in thousands of US dollars.",
    )
    .cde()
    .historical_issue()
    .line_item("Schedules HC and HC-C: column A amount")
    .rule("Whole thousands; account balances summed per MDRM item tie to the filed amount"),
    AttributeSpec::new(
        "legal_entity_id",
        Code,
        Mandatory,
        ValueSpec::Code(&[("LE0100", 78), ("LE0200", 9), ("LE0310", 6), ("LE0450", 5), ("LE0900", 2)]),
        "Consolidated subsidiary that books the account (lead bank, trust company, broker-dealer...).",
    )
    .line_item("Consolidation scope")
    .rule("A subsidiary inside the FR Y-9C consolidation scope"),
    AttributeSpec::new(
        "cost_center",
        DataType::String,
        Optional,
        ValueSpec::Id { prefix: "CC", digits: 5 },
        "Cost centre that owns the account.",
    ),
    AttributeSpec::new(
        "currency_code",
        Code,
        Mandatory,
        ValueSpec::Code(&[("USD", 94), ("EUR", 2), ("GBP", 2), ("CAD", 1), ("JPY", 1)]),
        "ISO 4217 currency of the account before translation to US dollars.",
    )
    .line_item("Translation to US dollars")
    .rule("ISO 4217 code; non-USD balances translated at the quarter-end spot rate"),
    AttributeSpec::new(
        "entry_source",
        Code,
        Mandatory,
        ValueSpec::Code(&[("LEDGER", 90), ("TOPSIDE", 6), ("RECLASS", 4)]),
        "Whether the balance comes straight from the ledger or from a manual adjustment.",
    )
    .historical_issue()
    .line_item("Regulatory adjustments")
    .rule("TOPSIDE and RECLASS entries need an approved adjustment ticket"),
    AttributeSpec::new(
        "intercompany_flag",
        Boolean,
        Mandatory,
        ValueSpec::Flag { percent_true: 4 },
        "Whether the balance is with another consolidated entity and eliminated in consolidation.",
    )
    .cde()
    .line_item("Consolidation eliminations")
    .rule("true balances must net to zero across the consolidated group"),
];
