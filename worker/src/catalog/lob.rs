//! The lines of business (LOBs) whose systems hold the data behind the catalogue's reports.

/// A line of business: the unit that owns source data and names its data owners.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LobSpec {
    /// Stable upper-case code (`lob.code`).
    pub code: &'static str,
    pub name: &'static str,
}

/// Every LOB a catalogue report refers to.
pub const LOBS: &[LobSpec] = &[
    LobSpec { code: "RETAIL", name: "Retail Banking" },
    LobSpec { code: "CARD", name: "Card Services" },
    LobSpec { code: "MORTGAGE", name: "Mortgage Banking" },
    LobSpec { code: "COMMERCIAL", name: "Commercial Banking" },
    LobSpec { code: "WEALTH", name: "Wealth Management" },
    LobSpec { code: "TREASURY", name: "Corporate Treasury" },
];

/// The LOB whose code is `code`.
pub fn lob(code: &str) -> Option<&'static LobSpec> {
    LOBS.iter().find(|lob| lob.code == code)
}
