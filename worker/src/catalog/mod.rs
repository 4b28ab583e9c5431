//! The built-in, offline catalogue of regulatory reports: what each report is, which lines of
//! business feed it, the attributes a test team checks, and a generator of demo source records.
//!
//! Two users depend on it agreeing with itself: the demo seeder writes the reports and the
//! records [`generate_records`] makes, and phase 1 (Planning) offers [`ReportSpec::attributes`]
//! as the attribute set when no LLM is configured. Attribute names are the keys of the generated
//! records, so a test case built from an attribute always finds its value in a source record.

mod attribute;
mod calendar;
mod discrepancy;
mod draw;
mod geography;
mod lob;
mod records;
mod reports;
mod values;

pub use attribute::{AttributeSpec, DataType, Requirement};
pub use lob::{LOBS, LobSpec, lob};
pub use records::{GeneratedRecord, generate_records};
pub use values::{Choices, RowTable, TableRow, ValueSpec, Ymd};

use std::fmt;

/// How often a report is filed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frequency {
    Monthly,
    Quarterly,
    SemiAnnual,
    Annual,
}

impl Frequency {
    /// The spelling stored in the database (`report.frequency`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Monthly => "MONTHLY",
            Self::Quarterly => "QUARTERLY",
            Self::SemiAnnual => "SEMI_ANNUAL",
            Self::Annual => "ANNUAL",
        }
    }
}

impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One regulatory report (or one schedule of a report filed as separate data files).
#[derive(Debug, Clone, Copy)]
pub struct ReportSpec {
    /// Unique code, e.g. `"FR Y-9C"` or `"FR Y-14M A.1"` (`report.report_number`).
    pub number: &'static str,
    pub name: &'static str,
    /// The law or rule that requires the report.
    pub regulation: &'static str,
    pub frequency: Frequency,
    pub description: &'static str,
    /// Codes of the [`LOBS`] whose data feeds the report. The first one owns the report; records
    /// are spread over all of them, the first getting the largest share.
    pub lob_codes: &'static [&'static str],
    /// The attributes a test checks, in report order; the primary-key attributes identify a record.
    pub attributes: &'static [AttributeSpec],
}

impl ReportSpec {
    /// The attributes that together identify a source record.
    pub fn primary_key(&self) -> impl Iterator<Item = &'static AttributeSpec> + use<> {
        self.attributes.iter().filter(|attribute| attribute.is_primary_key)
    }

    /// The attribute called `name`, if the report has one.
    pub fn attribute(&self, name: &str) -> Option<&'static AttributeSpec> {
        self.attributes.iter().find(|attribute| attribute.name == name)
    }
}

/// Every report in the catalogue, in a stable order.
pub fn reports() -> &'static [ReportSpec] {
    reports::ALL
}

/// The report whose number is `report_number` (exact match).
pub fn find(report_number: &str) -> Option<&'static ReportSpec> {
    reports::ALL.iter().find(|report| report.number == report_number)
}

#[cfg(test)]
mod tests;
