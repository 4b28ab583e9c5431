//! Draws the reported values of one record, attribute by attribute, keeping linked values (a
//! state and its ZIP code, the columns of one table row, derived amounts and dates) consistent.

use rand::Rng;
use serde_json::{Map, Number, Value};

use super::attribute::{AttributeSpec, DataType};
use super::calendar;
use super::geography::{US_STATES, UsState};
use super::values::{RowTable, ValueSpec};

/// The values of one record drawn so far, plus the choices later attributes must agree with.
pub(super) struct RecordDraw {
    index: usize,
    key_offset: u64,
    /// The record's LOB; table rows are drawn among those that fit it.
    lob: Option<&'static str>,
    values: Map<String, Value>,
    state: Option<&'static UsState>,
    rows: Vec<(RowTable, usize)>,
}

impl RecordDraw {
    /// A draw for the `index`-th record of a report, owned by `lob`; `key_offset` is fixed per
    /// generated batch.
    pub(super) fn new(index: usize, key_offset: u64, lob: &'static str) -> Self {
        Self { index, key_offset, lob: Some(lob), values: Map::new(), state: None, rows: Vec::new() }
    }

    /// A draw that sees `values` as already drawn, for redrawing one field of a finished record;
    /// any table row may be chosen, as a mapping error would.
    pub(super) fn redraw_of(values: Map<String, Value>) -> Self {
        Self { index: 0, key_offset: 0, lob: None, values, state: None, rows: Vec::new() }
    }

    /// Draws every attribute in order; later attributes may derive from earlier ones.
    pub(super) fn draw_all(mut self, attributes: &[AttributeSpec], rng: &mut impl Rng) -> Map<String, Value> {
        for attribute in attributes {
            let value = self.value(&attribute.values, attribute.data_type, rng);
            self.values.insert(attribute.name.to_owned(), value);
        }
        self.values
    }

    /// One value of `spec`, typed as `data_type`.
    pub(super) fn value(&mut self, spec: &ValueSpec, data_type: DataType, rng: &mut impl Rng) -> Value {
        let decimals = spec.decimals(data_type);
        match *spec {
            ValueSpec::UniqueId { prefix, digits } => {
                Value::String(unique_id(prefix, digits, self.index, self.key_offset))
            }
            ValueSpec::Id { prefix, digits } => Value::String(random_id(prefix, digits, rng)),
            ValueSpec::Amount { median, spread, min, max } => {
                let amount = median * (spread * standard_normal(rng)).exp();
                number_value(amount.clamp(min, max), decimals, data_type)
            }
            ValueSpec::Range { min, mode, max, .. } => {
                number_value(triangular(min, mode, max, rng), decimals, data_type)
            }
            ValueSpec::ShareOf { attribute, min_percent, max_percent } => {
                match self.values.get(attribute).and_then(Value::as_f64) {
                    Some(base) => {
                        let percent = uniform(min_percent, max_percent, rng);
                        number_value(base * percent / 100.0, decimals, data_type)
                    }
                    None => Value::Null,
                }
            }
            ValueSpec::Date { from, to } => {
                let first = calendar::days_from_civil(from);
                let last = calendar::days_from_civil(to).max(first);
                let day = rng.random_range(first..=last);
                Value::String(calendar::format(calendar::civil_from_days(day)))
            }
            ValueSpec::YearsAfter { attribute, years } => {
                let start = self.values.get(attribute).and_then(Value::as_str).and_then(calendar::parse);
                let term = pick_weighted(years, |(_, weight)| *weight, rng)
                    .and_then(|index| years.get(index))
                    .map(|(term, _)| *term);
                match (start, term) {
                    (Some(start), Some(term)) => Value::String(calendar::format(calendar::add_years(
                        start,
                        i32::try_from(term).unwrap_or(i32::MAX / 2),
                    ))),
                    _ => Value::Null,
                }
            }
            ValueSpec::Fixed(text) => text_value(text, data_type),
            ValueSpec::Code(choices) => pick_weighted(choices, |(_, weight)| *weight, rng)
                .and_then(|index| choices.get(index))
                .map_or(Value::Null, |(code, _)| text_value(code, data_type)),
            ValueSpec::Flag { percent_true } => Value::Bool(rng.random_range(0..100) < percent_true),
            ValueSpec::UsState => self.state(rng).map_or(Value::Null, |state| Value::String(state.code.to_owned())),
            ValueSpec::ZipCode => self.state(rng).map_or(Value::Null, |state| {
                let prefix = rng.random_range(state.zip_prefix_from..=state.zip_prefix_to);
                let suffix = rng.random_range(0..100);
                Value::String(format!("{prefix:03}{suffix:02}"))
            }),
            ValueSpec::Row { table, column } => self
                .row(table, rng)
                .and_then(|columns| columns.get(column))
                .map_or(Value::Null, |text| text_value(text, data_type)),
            ValueSpec::Sometimes { percent, value } => {
                if rng.random_range(0..100) < percent {
                    self.value(value, data_type, rng)
                } else {
                    Value::Null
                }
            }
        }
    }

    /// The record's state, drawn on first use so its state and ZIP code agree.
    fn state(&mut self, rng: &mut impl Rng) -> Option<&'static UsState> {
        if self.state.is_none() {
            self.state = pick_weighted(US_STATES, |state| state.weight, rng).and_then(|index| US_STATES.get(index));
        }
        self.state
    }

    /// The record's row of `table`, drawn on first use so all its columns come from one row, among
    /// the rows that fit the record's LOB (all rows if none does).
    fn row(&mut self, table: RowTable, rng: &mut impl Rng) -> Option<&'static [&'static str]> {
        let chosen = match self.rows.iter().find(|(seen, _)| same_table(seen, table)) {
            Some(&(_, index)) => index,
            None => {
                let lob = self.lob;
                let index = pick_weighted(table, |row| if row.fits(lob) { row.weight } else { 0 }, rng)
                    .or_else(|| pick_weighted(table, |row| row.weight, rng))?;
                self.rows.push((table, index));
                index
            }
        };
        table.get(chosen).map(|row| row.columns)
    }
}

/// Tables are compared by content, so a table written as a `const` (copied at each use) still
/// links its columns.
fn same_table(left: RowTable, right: RowTable) -> bool {
    std::ptr::eq(left, right) || left == right
}

/// `prefix` and `digits` digits that differ for every index below `10^digits`; beyond that a
/// suffix keeps them distinct.
pub(super) fn unique_id(prefix: &str, digits: u32, index: usize, key_offset: u64) -> String {
    let digits = digits.clamp(1, 18);
    let space = 10_u64.pow(digits);
    let index = index as u64;
    let scrambled =
        (u128::from(index % space) * u128::from(id_scrambler(space)) + u128::from(key_offset)) % u128::from(space);
    let width = digits as usize;
    match index / space {
        0 => format!("{prefix}{scrambled:0width$}"),
        wrap => format!("{prefix}{scrambled:0width$}-{wrap}"),
    }
}

/// A multiplier near `space` times the golden ratio, so consecutive record indexes land far
/// apart, made coprime with 10 (odd, not a multiple of 5) so that multiplying by it permutes
/// `0..space` and distinct indexes keep distinct identifiers.
fn id_scrambler(space: u64) -> u64 {
    let mut multiplier = ((space as f64) * 0.618_033_988_749_895) as u64 | 1;
    if multiplier.is_multiple_of(5) {
        multiplier += 2;
    }
    multiplier
}

fn random_id(prefix: &str, digits: u32, rng: &mut impl Rng) -> String {
    let digits = digits.clamp(1, 18);
    let number = rng.random_range(0..10_u64.pow(digits));
    let width = digits as usize;
    format!("{prefix}{number:0width$}")
}

/// The index of an item drawn with probability proportional to its weight.
pub(super) fn pick_weighted<T>(items: &[T], weight: impl Fn(&T) -> u32, rng: &mut impl Rng) -> Option<usize> {
    let total: u64 = items.iter().map(|item| u64::from(weight(item))).sum();
    if total == 0 {
        return None;
    }
    let mut ticket = rng.random_range(0..total);
    for (index, item) in items.iter().enumerate() {
        let item_weight = u64::from(weight(item));
        if ticket < item_weight {
            return Some(index);
        }
        ticket -= item_weight;
    }
    None
}

/// A number as JSON: a whole number for integers, otherwise rounded to `decimals` places.
pub(super) fn number_value(number: f64, decimals: u32, data_type: DataType) -> Value {
    if data_type == DataType::Integer {
        // Catalogue ranges stay far inside i64, so the saturating cast never saturates.
        return Value::from(number.round() as i64);
    }
    let scale = 10_f64.powi(i32::try_from(decimals).unwrap_or(0));
    Number::from_f64((number * scale).round() / scale).map_or(Value::Null, Value::Number)
}

/// A code or fixed text as JSON, as a number when the attribute is numeric.
pub(super) fn text_value(text: &str, data_type: DataType) -> Value {
    let number = match data_type {
        DataType::Integer => text.parse::<i64>().ok().map(Value::from),
        DataType::Decimal => text.parse::<f64>().ok().and_then(Number::from_f64).map(Value::Number),
        _ => None,
    };
    number.unwrap_or_else(|| Value::String(text.to_owned()))
}

pub(super) fn uniform(low: f64, high: f64, rng: &mut impl Rng) -> f64 {
    low + (high - low) * rng.random::<f64>()
}

/// Box–Muller; `1 - u` keeps the logarithm's argument in (0, 1].
fn standard_normal(rng: &mut impl Rng) -> f64 {
    let radius = (-2.0 * (1.0 - rng.random::<f64>()).ln()).sqrt();
    radius * (std::f64::consts::TAU * rng.random::<f64>()).cos()
}

fn triangular(min: f64, mode: f64, max: f64, rng: &mut impl Rng) -> f64 {
    let width = max - min;
    if width <= 0.0 {
        return min;
    }
    let peak = ((mode - min) / width).clamp(0.0, 1.0);
    let u = rng.random::<f64>();
    if u < peak { min + (u * width * (mode - min)).sqrt() } else { max - ((1.0 - u) * width * (max - mode)).sqrt() }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    use super::*;

    #[test]
    fn unique_ids_never_repeat_even_past_the_digit_space() {
        let mut ids: Vec<_> = (0..2_500).map(|index| unique_id("L", 3, index, 987)).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 2_500);
        assert_eq!(unique_id("LN", 6, 4, 0).len(), 8);
    }

    #[test]
    fn weighted_pick_skips_zero_weights_and_handles_empty_lists() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let items = [("never", 0), ("always", 5)];
        for _ in 0..100 {
            assert_eq!(pick_weighted(&items, |(_, w)| *w, &mut rng), Some(1));
        }
        assert_eq!(pick_weighted(&[] as &[(&str, u32)], |(_, w)| *w, &mut rng), None);
    }

    #[test]
    fn zip_codes_fall_inside_their_state() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for index in 0..500 {
            let mut draw = RecordDraw::new(index, 0, "RETAIL");
            let state = draw.value(&ValueSpec::UsState, DataType::Code, &mut rng);
            let zip = draw.value(&ValueSpec::ZipCode, DataType::String, &mut rng);
            let (Some(state), Some(zip)) = (state.as_str(), zip.as_str()) else {
                panic!("state and zip must be strings");
            };
            let prefix: u16 = zip[..3].parse().expect("zip starts with digits");
            let spec = US_STATES.iter().find(|s| s.code == state).expect("known state");
            assert!((spec.zip_prefix_from..=spec.zip_prefix_to).contains(&prefix));
            assert_eq!(zip.len(), 5);
        }
    }

    #[test]
    fn numbers_are_rounded_to_their_precision() {
        assert_eq!(number_value(4.12549, 3, DataType::Decimal), serde_json::json!(4.125));
        assert_eq!(number_value(741.6, 0, DataType::Integer), serde_json::json!(742));
        assert_eq!(text_value("360", DataType::Integer), serde_json::json!(360));
        assert_eq!(text_value("C", DataType::Code), serde_json::json!("C"));
    }
}
