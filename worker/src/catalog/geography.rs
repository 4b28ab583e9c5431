//! US states with rough population weights and their ZIP code prefix ranges, so generated
//! addresses cluster where borrowers live and every ZIP code belongs to its record's state.

/// A USPS state code with the three-digit ZIP prefixes assigned to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct UsState {
    pub code: &'static str,
    /// Population in hundreds of thousands, used as the drawing weight.
    pub weight: u32,
    pub zip_prefix_from: u16,
    pub zip_prefix_to: u16,
}

const fn state(code: &'static str, weight: u32, from: u16, to: u16) -> UsState {
    UsState { code, weight, zip_prefix_from: from, zip_prefix_to: to }
}

/// The 50 states, the District of Columbia and Puerto Rico (domestic for Y-14 purposes).
pub(super) static US_STATES: &[UsState] = &[
    state("AL", 51, 350, 369),
    state("AK", 7, 995, 999),
    state("AZ", 74, 850, 865),
    state("AR", 31, 716, 729),
    state("CA", 390, 900, 961),
    state("CO", 59, 800, 816),
    state("CT", 36, 60, 69),
    state("DE", 10, 197, 199),
    state("DC", 7, 200, 205),
    state("FL", 226, 320, 349),
    state("GA", 110, 300, 319),
    state("HI", 14, 967, 968),
    state("ID", 20, 832, 838),
    state("IL", 125, 600, 629),
    state("IN", 69, 460, 479),
    state("IA", 32, 500, 528),
    state("KS", 29, 660, 679),
    state("KY", 45, 400, 427),
    state("LA", 46, 700, 714),
    state("ME", 14, 39, 49),
    state("MD", 62, 206, 219),
    state("MA", 70, 10, 27),
    state("MI", 100, 480, 499),
    state("MN", 57, 550, 567),
    state("MS", 29, 386, 397),
    state("MO", 62, 630, 658),
    state("MT", 11, 590, 599),
    state("NE", 20, 680, 693),
    state("NV", 32, 889, 898),
    state("NH", 14, 30, 38),
    state("NJ", 93, 70, 89),
    state("NM", 21, 870, 884),
    state("NY", 196, 100, 149),
    state("NC", 108, 270, 289),
    state("ND", 8, 580, 588),
    state("OH", 118, 430, 459),
    state("OK", 41, 730, 749),
    state("OR", 42, 970, 979),
    state("PA", 130, 150, 196),
    state("PR", 32, 6, 9),
    state("RI", 11, 28, 29),
    state("SC", 54, 290, 299),
    state("SD", 9, 570, 577),
    state("TN", 71, 370, 385),
    state("TX", 305, 750, 799),
    state("UT", 34, 840, 847),
    state("VT", 6, 50, 59),
    state("VA", 87, 220, 246),
    state("WA", 78, 980, 994),
    state("WV", 18, 247, 268),
    state("WI", 59, 530, 549),
    state("WY", 6, 820, 831),
];

#[cfg(test)]
mod tests {
    use super::US_STATES;

    #[test]
    fn state_codes_are_unique_and_zip_ranges_are_ordered() {
        let mut codes: Vec<_> = US_STATES.iter().map(|state| state.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), US_STATES.len());
        assert!(
            US_STATES.iter().all(|state| state.zip_prefix_from <= state.zip_prefix_to && state.zip_prefix_to <= 999)
        );
    }
}
