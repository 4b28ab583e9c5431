//! The vocabulary for describing how demo values of an attribute look, so that report files state
//! realistic ranges and code lists as data and one generator turns them into records.

use super::attribute::DataType;

/// A closed list of values with relative weights: `(value, weight)`.
pub type Choices = &'static [(&'static str, u32)];

/// Rows of linked values drawn together. Every [`ValueSpec::Row`] of one record that names the
/// same table reads the same row, which keeps e.g. an MDRM code, its schedule line and its
/// caption consistent.
pub type RowTable = &'static [TableRow];

/// One row of a [`RowTable`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableRow {
    pub columns: &'static [&'static str],
    /// Relative drawing weight.
    pub weight: u32,
    /// The LOBs whose records may use this row (credit card lines for Card Services, securities
    /// for Treasury...); empty for any LOB.
    pub lobs: &'static [&'static str],
}

impl TableRow {
    pub const fn new(columns: &'static [&'static str], weight: u32, lobs: &'static [&'static str]) -> Self {
        Self { columns, weight, lobs }
    }

    /// Whether a record of `lob` may use this row (`None`: any record).
    pub(super) fn fits(&self, lob: Option<&str>) -> bool {
        self.lobs.is_empty() || lob.is_none_or(|lob| self.lobs.contains(&lob))
    }
}

/// A calendar date as `(year, month, day)`.
pub type Ymd = (i32, u32, u32);

/// How the generator draws one attribute's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueSpec {
    /// Distinct in every record of a report: `prefix` and `digits` scrambled digits.
    UniqueId {
        prefix: &'static str,
        digits: u32,
    },
    /// An identifier that may repeat across records (obligor, cost centre).
    Id {
        prefix: &'static str,
        digits: u32,
    },
    /// A money amount, log-normal around `median` (`spread` is the log-scale deviation, so a
    /// long right tail), clamped to `[min, max]`.
    Amount {
        median: f64,
        spread: f64,
        min: f64,
        max: f64,
    },
    /// A measure (rate, score, ratio) from a triangular distribution peaking at `mode`.
    Range {
        min: f64,
        mode: f64,
        max: f64,
        decimals: u32,
    },
    /// A share of an earlier attribute's amount, uniformly between the two percentages; keeps a
    /// balance below its limit or original amount.
    ShareOf {
        attribute: &'static str,
        min_percent: f64,
        max_percent: f64,
    },
    /// A date uniformly between `from` and `to`, both included.
    Date {
        from: Ymd,
        to: Ymd,
    },
    /// An earlier date attribute plus a whole number of years, weighted: `(years, weight)`.
    YearsAfter {
        attribute: &'static str,
        years: &'static [(u32, u32)],
    },
    /// The same value in every record (e.g. the reporting date of the filing under test).
    Fixed(&'static str),
    Code(Choices),
    Flag {
        percent_true: u32,
    },
    /// A USPS state code, weighted by population.
    UsState,
    /// A five-digit ZIP code inside the record's state.
    ZipCode,
    /// One column of a [`RowTable`].
    Row {
        table: RowTable,
        column: usize,
    },
    /// Present in `percent` of records and JSON null otherwise, for conditional fields.
    Sometimes {
        percent: u32,
        value: &'static ValueSpec,
    },
}

impl ValueSpec {
    /// Decimal places a numeric value of this spec is rounded to.
    pub(super) fn decimals(&self, data_type: DataType) -> u32 {
        match (data_type, self) {
            (DataType::Integer, _) => 0,
            (_, Self::Range { decimals, .. }) => *decimals,
            (_, Self::Sometimes { value, .. }) => value.decimals(data_type),
            _ => 2,
        }
    }

    /// The earlier attribute this spec derives its value from, if any; the catalogue tests use
    /// it to check that derived attributes come after their source.
    #[cfg(test)]
    pub(super) fn depends_on(&self) -> Option<&'static str> {
        match self {
            Self::ShareOf { attribute, .. } | Self::YearsAfter { attribute, .. } => Some(attribute),
            Self::Sometimes { value, .. } => value.depends_on(),
            _ => None,
        }
    }
}
