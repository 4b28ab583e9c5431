//! One testable attribute of a report: its meaning, type, flags, and how demo values are drawn.

use std::fmt;

use super::values::ValueSpec;

/// The type a value is compared as during test execution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DataType {
    String,
    Integer,
    Decimal,
    /// An ISO date, `YYYY-MM-DD`.
    Date,
    Boolean,
    /// A value from a closed code list (compared as normalised text).
    Code,
}

impl DataType {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::String => "STRING",
            Self::Integer => "INTEGER",
            Self::Decimal => "DECIMAL",
            Self::Date => "DATE",
            Self::Boolean => "BOOLEAN",
            Self::Code => "CODE",
        }
    }
}

impl fmt::Display for DataType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the report instructions require a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Requirement {
    Mandatory,
    /// Required only when a condition in the instructions holds (e.g. "if the loan was modified").
    Conditional,
    Optional,
}

impl Requirement {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Mandatory => "MANDATORY",
            Self::Conditional => "CONDITIONAL",
            Self::Optional => "OPTIONAL",
        }
    }
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One field of a report, as phase 1 proposes it for testing.
#[derive(Debug, Clone, Copy)]
pub struct AttributeSpec {
    /// snake_case key; also the key of the value in every generated source record.
    pub name: &'static str,
    pub description: &'static str,
    pub data_type: DataType,
    pub requirement: Requirement,
    /// Critical data element: scoping always tests it.
    pub is_cde: bool,
    /// Past filings had findings on this field: scoping always tests it.
    pub has_historical_issue: bool,
    /// Part of the key that identifies a source record; never altered by planted discrepancies.
    pub is_primary_key: bool,
    /// Where the value lands on the report (field number, schedule line, MDRM).
    pub line_item: Option<&'static str>,
    /// The edit check the value must pass, in words.
    pub validation_rule: Option<&'static str>,
    /// How the demo generator draws values for this attribute.
    pub values: ValueSpec,
}

impl AttributeSpec {
    /// A plain attribute; chain the flag methods to mark keys, CDEs and known issues.
    pub const fn new(
        name: &'static str,
        data_type: DataType,
        requirement: Requirement,
        values: ValueSpec,
        description: &'static str,
    ) -> Self {
        Self {
            name,
            description,
            data_type,
            requirement,
            is_cde: false,
            has_historical_issue: false,
            is_primary_key: false,
            line_item: None,
            validation_rule: None,
            values,
        }
    }

    pub const fn primary_key(mut self) -> Self {
        self.is_primary_key = true;
        self
    }

    pub const fn cde(mut self) -> Self {
        self.is_cde = true;
        self
    }

    pub const fn historical_issue(mut self) -> Self {
        self.has_historical_issue = true;
        self
    }

    pub const fn line_item(mut self, line_item: &'static str) -> Self {
        self.line_item = Some(line_item);
        self
    }

    pub const fn rule(mut self, validation_rule: &'static str) -> Self {
        self.validation_rule = Some(validation_rule);
        self
    }
}
