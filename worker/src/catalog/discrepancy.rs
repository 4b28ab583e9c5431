//! Plants the kinds of break a test team finds between a report and its system of record:
//! a rounding difference beyond tolerance, transposed digits, a shifted date, a different code,
//! or a value missing on one side.

use rand::Rng;
use serde_json::{Map, Value};

use super::attribute::{AttributeSpec, DataType};
use super::calendar;
use super::draw::{RecordDraw, number_value, uniform};
use super::values::ValueSpec;

/// Share of altered fields where the system of record simply has no value.
const MISSING_VALUE_ODDS: (u32, u32) = (1, 6);

/// Redraws of a code before giving up on finding a different one (single-value code lists).
const REDRAW_ATTEMPTS: usize = 12;

/// The system-of-record value for `attribute` when it disagrees with `reported`; never equal to
/// `reported`. `record` holds the record's reported values for attributes derived from others.
pub(super) fn altered_value(
    attribute: &AttributeSpec,
    reported: &Value,
    record: &Map<String, Value>,
    rng: &mut impl Rng,
) -> Value {
    // The report left a conditional field empty although the system of record holds a value.
    if reported.is_null() {
        return redraw(attribute, record, rng);
    }
    if rng.random_ratio(MISSING_VALUE_ODDS.0, MISSING_VALUE_ODDS.1) {
        return Value::Null;
    }
    let spec = match attribute.values {
        ValueSpec::Sometimes { value, .. } => *value,
        spec => spec,
    };
    let altered = match (spec, reported) {
        (_, Value::Bool(flag)) => Value::Bool(!flag),
        (ValueSpec::Code(_) | ValueSpec::Row { .. } | ValueSpec::UsState, _) => {
            different_choice(attribute, reported, record, rng)
        }
        (_, Value::Number(number)) => {
            number.as_f64().map_or(Value::Null, |number| altered_number(attribute, number, rng))
        }
        (_, Value::String(text)) if attribute.data_type == DataType::Date => shifted_date(text, rng),
        (_, Value::String(text)) => transposed_digits(text, rng).map_or(Value::Null, Value::String),
        _ => Value::Null,
    };
    if altered == *reported { Value::Null } else { altered }
}

/// A fresh value for a field the report left empty.
fn redraw(attribute: &AttributeSpec, record: &Map<String, Value>, rng: &mut impl Rng) -> Value {
    let spec = match attribute.values {
        ValueSpec::Sometimes { value, .. } => *value,
        spec => spec,
    };
    RecordDraw::redraw_of(record.clone()).value(&spec, attribute.data_type, rng)
}

/// Another value from the same code list, table column or state list.
fn different_choice(
    attribute: &AttributeSpec,
    reported: &Value,
    record: &Map<String, Value>,
    rng: &mut impl Rng,
) -> Value {
    (0..REDRAW_ATTEMPTS)
        .map(|_| redraw(attribute, record, rng))
        .find(|candidate| candidate != reported && !candidate.is_null())
        .unwrap_or(Value::Null)
}

/// Either two adjacent digits swapped (a keying error) or an amount off by 1–5 % (a rounding or
/// FX difference), in both cases beyond any sensible comparison tolerance.
fn altered_number(attribute: &AttributeSpec, number: f64, rng: &mut impl Rng) -> Value {
    let decimals = attribute.values.decimals(attribute.data_type);
    let width = decimals as usize;
    if rng.random_bool(0.5)
        && let Some(swapped) = transposed_digits(&format!("{number:.width$}"), rng)
        && let Ok(swapped) = swapped.parse::<f64>()
    {
        return number_value(swapped, decimals, attribute.data_type);
    }
    let smallest_visible_step = 5.0 * 10_f64.powi(-i32::try_from(decimals).unwrap_or(0));
    let delta = (number.abs() * uniform(0.01, 0.05, rng)).max(smallest_visible_step);
    let lowered = number - delta;
    let altered = if rng.random_bool(0.5) && (lowered >= 0.0 || number < 0.0) { lowered } else { number + delta };
    number_value(altered, decimals, attribute.data_type)
}

/// The date moved by 1 to 45 days either way (a posting-date or cut-off difference).
fn shifted_date(text: &str, rng: &mut impl Rng) -> Value {
    calendar::parse(text).map_or(Value::Null, |date| {
        let days = rng.random_range(1..=45) * if rng.random_bool(0.5) { 1 } else { -1 };
        Value::String(calendar::format(calendar::add_days(date, days)))
    })
}

/// `text` with one pair of adjacent, different digits swapped; `None` when there is no such pair.
fn transposed_digits(text: &str, rng: &mut impl Rng) -> Option<String> {
    let mut characters: Vec<char> = text.chars().collect();
    let swappable: Vec<usize> = characters
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| pair[0].is_ascii_digit() && pair[1].is_ascii_digit() && pair[0] != pair[1])
        .map(|(position, _)| position)
        .collect();
    let position = *swappable.get(rng.random_range(0..swappable.len().max(1)))?;
    characters.swap(position, position + 1);
    Some(characters.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;
    use serde_json::json;

    use super::*;
    use crate::catalog::attribute::Requirement;

    fn attribute(data_type: DataType, values: ValueSpec) -> AttributeSpec {
        AttributeSpec::new("field", data_type, Requirement::Mandatory, values, "test field")
    }

    #[test]
    fn altered_values_always_differ_from_the_reported_value() {
        let cases = [
            (
                attribute(DataType::Decimal, ValueSpec::Range { min: 1.0, mode: 4.0, max: 9.0, decimals: 3 }),
                json!(4.125),
            ),
            (
                attribute(DataType::Integer, ValueSpec::Range { min: 300.0, mode: 700.0, max: 850.0, decimals: 0 }),
                json!(777),
            ),
            (
                attribute(DataType::Decimal, ValueSpec::Amount { median: 1.0, spread: 1.0, min: 0.0, max: 9.0 }),
                json!(0.0),
            ),
            (attribute(DataType::Date, ValueSpec::Fixed("2026-09-30")), json!("2026-09-30")),
            (attribute(DataType::Code, ValueSpec::Code(&[("1", 1), ("2", 1)])), json!("1")),
            (attribute(DataType::Code, ValueSpec::Code(&[("only", 1)])), json!("only")),
            (attribute(DataType::String, ValueSpec::Id { prefix: "OB", digits: 4 }), json!("OB1111")),
            (attribute(DataType::Boolean, ValueSpec::Flag { percent_true: 50 }), json!(true)),
        ];
        let mut rng = ChaCha8Rng::seed_from_u64(42);
        for (attribute, reported) in &cases {
            for _ in 0..200 {
                let altered = altered_value(attribute, reported, &Map::new(), &mut rng);
                assert_ne!(&altered, reported, "{attribute:?}");
            }
        }
    }

    #[test]
    fn an_empty_conditional_field_gets_a_value_in_the_system_of_record() {
        static INNER: ValueSpec = ValueSpec::Date { from: (2020, 1, 1), to: (2020, 12, 31) };
        let field = attribute(DataType::Date, ValueSpec::Sometimes { percent: 10, value: &INNER });
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let altered = altered_value(&field, &Value::Null, &Map::new(), &mut rng);
        assert!(altered.as_str().is_some_and(|date| date.starts_with("2020-")));
    }

    #[test]
    fn transposition_swaps_one_adjacent_pair_of_digits() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        assert_eq!(transposed_digits("12", &mut rng).as_deref(), Some("21"));
        assert_eq!(transposed_digits("1111", &mut rng), None);
        assert_eq!(transposed_digits("", &mut rng), None);
    }
}
