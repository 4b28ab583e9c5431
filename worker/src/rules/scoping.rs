//! Phase 2 (Scoping): a risk score from 1 to 10 and a TEST/SKIP recommendation per attribute.
//!
//! The score adds up plain, named factors so a tester can see why an attribute scored what it
//! did and argue with a specific factor when overriding. Some attributes are never skipped
//! whatever their score: critical data elements, fields with past findings and primary keys.

use crate::catalog::{DataType, Requirement};

/// Score below which an attribute with no must-test flag is recommended for skipping.
const TEST_THRESHOLD: i16 = 4;

/// The facts about one attribute that scoping weighs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeFacts {
    pub name: String,
    pub data_type: DataType,
    pub requirement: Requirement,
    /// Critical data element.
    pub is_cde: bool,
    /// Past filings had findings on this field.
    pub has_historical_issue: bool,
    /// Part of the key that identifies a source record.
    pub is_primary_key: bool,
}

/// Whether scoping proposes to test an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Recommendation {
    Test,
    Skip,
}

impl Recommendation {
    /// The spelling stored in `scoping_decision.recommendation`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Test => "TEST",
            Self::Skip => "SKIP",
        }
    }
}

/// The scoping proposal for one attribute, before a tester reviews it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopingAdvice {
    /// From 1 (negligible) to 10 (highest).
    pub risk_score: i16,
    pub recommendation: Recommendation,
    /// The factors and the reason for the recommendation, in plain English.
    pub rationale: String,
}

/// Scores `attr` and recommends whether to test it. Deterministic: the same facts always give
/// the same advice.
pub fn advise(attr: &AttributeFacts) -> ScopingAdvice {
    let mut factors: Vec<&str> = Vec::new();
    // Every attribute starts at 1: anything on a regulatory report carries some risk.
    let mut score: i16 = 1;
    let mut add = |points: i16, factor: &'static str| {
        score += points;
        factors.push(factor);
    };
    if attr.is_cde {
        add(3, "critical data element");
    }
    if attr.has_historical_issue {
        add(2, "past filings had findings on this field");
    }
    match attr.requirement {
        Requirement::Mandatory => add(2, "mandatory on the report"),
        Requirement::Conditional => add(1, "required under conditions"),
        Requirement::Optional => add(0, "optional on the report"),
    }
    if attr.is_primary_key {
        add(1, "identifies the record (primary key)");
    }
    // Amounts are where rounding, posting and FX errors land; dates, counts and codes break on
    // cut-offs and mappings; flags and free text rarely change a regulatory figure.
    match attr.data_type {
        DataType::Decimal => add(2, "decimal amount or rate, prone to rounding and posting errors"),
        DataType::Date => add(1, "date, sensitive to cut-off errors"),
        DataType::Integer => add(1, "whole number such as a count, days or a score"),
        DataType::Code => add(1, "code from a list, prone to mapping errors"),
        DataType::Boolean => add(0, "yes/no flag"),
        DataType::String => add(0, "free text or identifier"),
    }
    let risk_score = score.clamp(1, 10);

    let (recommendation, reason) = if attr.is_cde || attr.has_historical_issue {
        (Recommendation::Test, "critical data elements and fields with past findings are always tested".to_owned())
    } else if attr.is_primary_key {
        // Every other value of a record is found through its key, so a wrong key hides errors.
        (
            Recommendation::Test,
            "primary keys are always tested, since every other value is matched through them".to_owned(),
        )
    } else if risk_score >= TEST_THRESHOLD {
        (Recommendation::Test, format!("the risk reaches the testing threshold of {TEST_THRESHOLD}"))
    } else {
        (Recommendation::Skip, format!("the risk is below the testing threshold of {TEST_THRESHOLD}"))
    };
    let rationale =
        format!("Risk {risk_score} of 10: {}. Recommended {}: {reason}.", factors.join("; "), recommendation.as_str());
    ScopingAdvice { risk_score, recommendation, rationale }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPES: [DataType; 6] =
        [DataType::String, DataType::Integer, DataType::Decimal, DataType::Date, DataType::Boolean, DataType::Code];
    const REQUIREMENTS: [Requirement; 3] = [Requirement::Mandatory, Requirement::Conditional, Requirement::Optional];

    fn facts(data_type: DataType, requirement: Requirement) -> AttributeFacts {
        AttributeFacts {
            name: "field".to_owned(),
            data_type,
            requirement,
            is_cde: false,
            has_historical_issue: false,
            is_primary_key: false,
        }
    }

    /// Every combination of type, requirement and the three flags.
    fn every_attribute() -> Vec<AttributeFacts> {
        let mut all = Vec::new();
        for data_type in TYPES {
            for requirement in REQUIREMENTS {
                for flags in 0..8_u8 {
                    all.push(AttributeFacts {
                        is_cde: flags & 1 != 0,
                        has_historical_issue: flags & 2 != 0,
                        is_primary_key: flags & 4 != 0,
                        ..facts(data_type, requirement)
                    });
                }
            }
        }
        all
    }

    #[test]
    fn cde_historical_issue_and_key_attributes_are_always_tested() {
        for attr in every_attribute() {
            if attr.is_cde || attr.has_historical_issue || attr.is_primary_key {
                assert_eq!(advise(&attr).recommendation, Recommendation::Test, "{attr:?}");
            }
        }
    }

    #[test]
    fn score_stays_between_one_and_ten() {
        for attr in every_attribute() {
            let score = advise(&attr).risk_score;
            assert!((1..=10).contains(&score), "{attr:?}: {score}");
        }
        let riskiest = AttributeFacts {
            is_cde: true,
            has_historical_issue: true,
            is_primary_key: true,
            ..facts(DataType::Decimal, Requirement::Mandatory)
        };
        assert_eq!(advise(&riskiest).risk_score, 10);
        assert_eq!(advise(&facts(DataType::String, Requirement::Optional)).risk_score, 1);
    }

    #[test]
    fn low_risk_optional_attributes_are_skipped_and_mandatory_amounts_tested() {
        for data_type in TYPES {
            let advice = advise(&facts(data_type, Requirement::Optional));
            assert_eq!(advice.recommendation, Recommendation::Skip, "{data_type}");
        }
        let amount = advise(&facts(DataType::Decimal, Requirement::Mandatory));
        assert_eq!((amount.risk_score, amount.recommendation), (5, Recommendation::Test));
        let date = advise(&facts(DataType::Date, Requirement::Mandatory));
        let text = advise(&facts(DataType::String, Requirement::Mandatory));
        assert!(date.risk_score > text.risk_score, "dates are riskier than free text");
    }

    #[test]
    fn advice_is_deterministic_and_names_its_factors() {
        let attr = AttributeFacts { is_cde: true, ..facts(DataType::Decimal, Requirement::Mandatory) };
        let first = advise(&attr);
        assert_eq!(first, advise(&attr));
        assert_eq!(first.risk_score, 8);
        for phrase in ["Risk 8 of 10", "critical data element", "mandatory", "decimal amount", "Recommended TEST"] {
            assert!(first.rationale.contains(phrase), "{phrase} in {}", first.rationale);
        }
        assert!(advise(&facts(DataType::Boolean, Requirement::Optional)).rationale.contains("Recommended SKIP"));
    }

    #[test]
    fn recommendations_spell_like_the_database() {
        assert_eq!(Recommendation::Test.as_str(), "TEST");
        assert_eq!(Recommendation::Skip.as_str(), "SKIP");
    }
}
