//! `Date`: a calendar date written `YYYY-MM-DD` in YAML, with an error that
//! says what was wrong (an impossible day, a wrong shape) instead of a bare
//! "out of range".

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, de};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    /// Parse `YYYY-MM-DD`, explaining what is wrong when it is not a date.
    pub fn parse(text: &str) -> Result<Date, String> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        let numbers: Option<Vec<u32>> = match parts.as_slice() {
            [y, m, d]
                if y.len() == 4
                    && m.len() == 2
                    && d.len() == 2
                    && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) =>
            {
                parts.iter().map(|p| p.parse().ok()).collect()
            }
            _ => None,
        };
        let Some([y, m, d]) = numbers.as_deref().map(|n| [n[0], n[1], n[2]]) else {
            return Err(format!(
                "`{text}` is not a date: expected YYYY-MM-DD, e.g. 2020-07-01"
            ));
        };
        if !(1..=12).contains(&m) {
            return Err(format!("`{text}` is not a date: there is no month {m}"));
        }
        NaiveDate::from_ymd_opt(y as i32, m, d)
            .map(Date)
            .ok_or_else(|| {
                let last = days_in_month(y as i32, m);
                let month = NaiveDate::from_ymd_opt(y as i32, m, 1).map_or_else(
                    || format!("month {m}"),
                    |first| first.format("%B").to_string(),
                );
                format!("`{text}` is not a date: {month} {y} has {last} days")
            })
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
        .unwrap_or(28)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Date {
    /// `28 October 2020`: how a date reads on a slide.
    pub fn long(&self) -> String {
        self.0.format("%-d %B %Y").to_string()
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_dates_including_leap_days() {
        assert_eq!(Date::parse("2020-02-29").unwrap().to_string(), "2020-02-29");
        // YYYY-MM-DD, as the docs and the schema say: no short months or days.
        assert!(Date::parse("2020-7-1").unwrap_err().contains("YYYY-MM-DD"));
    }

    #[test]
    fn explains_impossible_dates() {
        assert_eq!(
            Date::parse("2021-02-29").unwrap_err(),
            "`2021-02-29` is not a date: February 2021 has 28 days"
        );
        assert_eq!(
            Date::parse("2020-13-01").unwrap_err(),
            "`2020-13-01` is not a date: there is no month 13"
        );
        assert!(
            Date::parse("July 1st")
                .unwrap_err()
                .contains("expected YYYY-MM-DD")
        );
        assert!(
            Date::parse("2020-04-31")
                .unwrap_err()
                .contains("April 2020 has 30 days")
        );
    }

    #[test]
    fn long_form_reads_naturally() {
        assert_eq!(Date::parse("2020-10-28").unwrap().long(), "28 October 2020");
        assert_eq!(Date::parse("2021-07-01").unwrap().long(), "1 July 2021");
    }
}
