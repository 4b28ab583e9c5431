//! Proleptic Gregorian date arithmetic on `(year, month, day)` triples, enough for drawing and
//! shifting demo dates without pulling a date library into the generator.

use super::values::Ymd;

/// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
pub(super) fn days_from_civil((year, month, day): Ymd) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let shifted_month = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`].
pub(super) fn civil_from_days(days: i64) -> Ymd {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // The ranges above bound month to 1..=12 and day to 1..=31; years stay far inside i32.
    (year as i32, month as u32, day as u32)
}

/// `YYYY-MM-DD`.
pub(super) fn format(date: Ymd) -> String {
    let (year, month, day) = date;
    format!("{year:04}-{month:02}-{day:02}")
}

/// Parses `YYYY-MM-DD`, rejecting impossible dates such as February 30.
pub(super) fn parse(text: &str) -> Option<Ymd> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    let date = (year, month, day);
    (civil_from_days(days_from_civil(date)) == date).then_some(date)
}

/// The same day `years` later; February 29 becomes February 28 in a non-leap year.
pub(super) fn add_years((year, month, day): Ymd, years: i32) -> Ymd {
    let year = year + years;
    let first_of_month = days_from_civil((year, month, 1));
    let first_of_next = days_from_civil(if month == 12 { (year + 1, 1, 1) } else { (year, month + 1, 1) });
    let days_in_month = (first_of_next - first_of_month) as u32;
    (year, month, day.min(days_in_month))
}

/// The date `days` days after `date` (before, when negative).
pub(super) fn add_days(date: Ymd, days: i64) -> Ymd {
    civil_from_days(days_from_civil(date) + days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_across_leap_years_and_centuries() {
        for days in -800_000..800_000 {
            assert_eq!(days_from_civil(civil_from_days(days)), days);
        }
        assert_eq!(days_from_civil((1970, 1, 1)), 0);
        assert_eq!(civil_from_days(days_from_civil((2000, 2, 29))), (2000, 2, 29));
    }

    #[test]
    fn parse_accepts_iso_dates_and_rejects_impossible_ones() {
        assert_eq!(parse("2026-09-30"), Some((2026, 9, 30)));
        assert_eq!(parse("2026-02-30"), None);
        assert_eq!(parse("2026-13-01"), None);
        assert_eq!(parse("not a date"), None);
        assert_eq!(format((2026, 9, 3)), "2026-09-03");
    }

    #[test]
    fn adding_years_clamps_leap_day() {
        assert_eq!(add_years((2024, 2, 29), 30), (2054, 2, 28));
        assert_eq!(add_years((2024, 2, 29), 4), (2028, 2, 29));
        assert_eq!(add_years((2019, 12, 31), 15), (2034, 12, 31));
    }
}
