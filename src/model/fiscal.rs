//! Fiscal calendar: fiscal quarters and their calendar dates.
//!
//! A fiscal year is named by the calendar year in which it *starts*: with a
//! July start, fiscal year 2020 runs from 1 July 2020 to 30 June 2021 and is
//! labelled `FY20-21` (or `FY2021` / `FY2020`, see [`FyLabel`]). With a
//! January start, fiscal year 2020 is calendar year 2020.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::Deserialize;
use std::fmt;

/// How a fiscal year is written on pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FyLabel {
    /// `FY20-21`: both calendar years the fiscal year touches (the default).
    #[default]
    Span,
    /// `FY2021`: the calendar year in which the fiscal year ends.
    End,
    /// `FY2020`: the calendar year in which the fiscal year starts.
    Start,
    /// `FY2020/21`: the starting year in full, a slash, the ending year's
    /// last two digits.
    Slash,
}

/// The organisation's fiscal calendar: the month its fiscal year starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiscalCalendar {
    start_month: u32,
    label: FyLabel,
}

impl FiscalCalendar {
    /// A calendar whose fiscal year starts in `start_month` (1 = January).
    /// Returns `None` for a month outside 1..=12.
    pub fn new(start_month: u32, label: FyLabel) -> Option<Self> {
        (1..=12)
            .contains(&start_month)
            .then_some(Self { start_month, label })
    }

    pub fn start_month(&self) -> u32 {
        self.start_month
    }

    /// First day of a fiscal quarter.
    pub fn start(&self, q: FiscalQuarter) -> NaiveDate {
        let months_in = self.start_month - 1 + 3 * (u32::from(q.quarter) - 1);
        let year = q.fiscal_year + (months_in / 12) as i32;
        let month = months_in % 12 + 1;
        NaiveDate::from_ymd_opt(year, month, 1).expect("month is in 1..=12 and day 1 exists")
    }

    /// Last day of a fiscal quarter.
    pub fn end(&self, q: FiscalQuarter) -> NaiveDate {
        self.start(q.next())
            .pred_opt()
            .expect("a quarter start is never the first representable date")
    }

    /// The fiscal quarter a calendar date falls in; `None` for a date whose
    /// fiscal year is outside the supported range (1000–9998).
    pub fn quarter_of(&self, date: NaiveDate) -> Option<FiscalQuarter> {
        let month0 = date.month0();
        let start0 = self.start_month - 1;
        let (fiscal_year, offset) = if month0 >= start0 {
            (date.year(), month0 - start0)
        } else {
            (date.year() - 1, month0 + 12 - start0)
        };
        FiscalQuarter::new(fiscal_year, (offset / 3 + 1) as u8)
    }

    /// The fiscal year label, e.g. `FY20-21`.
    pub fn year_label(&self, fiscal_year: i32) -> String {
        if self.start_month == 1 {
            return format!("FY{fiscal_year}");
        }
        match self.label {
            FyLabel::Span => format!(
                "FY{:02}-{:02}",
                fiscal_year.rem_euclid(100),
                (fiscal_year + 1).rem_euclid(100)
            ),
            FyLabel::End => format!("FY{}", fiscal_year + 1),
            FyLabel::Start => format!("FY{fiscal_year}"),
            FyLabel::Slash => format!("FY{fiscal_year}/{:02}", (fiscal_year + 1).rem_euclid(100)),
        }
    }

    /// The quarter label, e.g. `Q1 FY20-21`.
    pub fn label(&self, q: FiscalQuarter) -> String {
        format!("Q{} {}", q.quarter, self.year_label(q.fiscal_year))
    }

    /// URL-safe name of a quarter, e.g. `fy20-21-q1`: stable for a given calendar.
    pub fn slug(&self, q: FiscalQuarter) -> String {
        format!("{}-q{}", self.year_label(q.fiscal_year), q.quarter)
            .to_ascii_lowercase()
            .replace('/', "-")
    }

    /// Calendar months covered, e.g. `July – September 2020`.
    pub fn months_label(&self, q: FiscalQuarter) -> String {
        let (s, e) = (self.start(q), self.end(q));
        let s_name = s.format("%B");
        let e_name = e.format("%B");
        if s.year() == e.year() {
            format!("{s_name} – {e_name} {}", e.year())
        } else {
            format!("{s_name} {} – {e_name} {}", s.year(), e.year())
        }
    }

    /// Parse a quarter written by an author: `2020 Q4`, `2020-Q4`, or the
    /// site's own label such as `Q4 FY20-21` / `FY20-21 Q4`.
    pub fn parse_quarter(&self, text: &str) -> Option<FiscalQuarter> {
        let norm: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        // Split off the quarter number, written before or after the year.
        let (q, year) = if let Some(rest) = norm.strip_prefix('Q') {
            let q = rest.chars().next()?.to_digit(10)?;
            (q, rest[1..].trim_start_matches(['-', '/']).to_string())
        } else {
            let pos = norm.rfind('Q')?;
            let q = norm[pos + 1..].parse::<u32>().ok()?;
            (q, norm[..pos].trim_end_matches(['-', '/']).to_string())
        };
        let quarter = u8::try_from(q).ok()?;
        if let Some(bare) = year.strip_prefix("FY") {
            // A label: find the fiscal year whose label matches, near the digits given.
            let digits: String = bare.chars().take_while(|c| c.is_ascii_digit()).collect();
            let guess: i32 = digits.parse().ok()?;
            let guess = if digits.len() <= 2 {
                2000 + guess
            } else {
                guess
            };
            // Nearest candidates first: a two-digit year is read as 20xx before 19xx.
            return [0, -1, 1, -100, -101, -99]
                .into_iter()
                .map(|offset| guess + offset)
                .find(|fy| self.year_label(*fy).eq_ignore_ascii_case(&year))
                .and_then(|fy| FiscalQuarter::new(fy, quarter));
        }
        let fiscal_year = year.parse::<i32>().ok()?;
        FiscalQuarter::new(fiscal_year, quarter)
    }
}

/// A fiscal quarter: fiscal year (named by its starting calendar year) and 1..=4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalQuarter {
    pub fiscal_year: i32,
    pub quarter: u8,
}

impl FiscalQuarter {
    pub fn new(fiscal_year: i32, quarter: u8) -> Option<Self> {
        ((1..=4).contains(&quarter) && (1000..=9998).contains(&fiscal_year)).then_some(Self {
            fiscal_year,
            quarter,
        })
    }

    pub fn next(self) -> Self {
        if self.quarter == 4 {
            Self {
                fiscal_year: self.fiscal_year + 1,
                quarter: 1,
            }
        } else {
            Self {
                quarter: self.quarter + 1,
                ..self
            }
        }
    }

    pub fn prev(self) -> Self {
        if self.quarter == 1 {
            Self {
                fiscal_year: self.fiscal_year - 1,
                quarter: 4,
            }
        } else {
            Self {
                quarter: self.quarter - 1,
                ..self
            }
        }
    }
}

impl fmt::Display for FiscalQuarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} Q{}", self.fiscal_year, self.quarter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn july() -> FiscalCalendar {
        FiscalCalendar::new(7, FyLabel::Span).unwrap()
    }

    #[test]
    fn july_start_q1_is_july_to_september() {
        let q = FiscalQuarter::new(2020, 1).unwrap();
        assert_eq!(july().start(q), d(2020, 7, 1));
        assert_eq!(july().end(q), d(2020, 9, 30));
        assert_eq!(july().label(q), "Q1 FY20-21");
        assert_eq!(july().slug(q), "fy20-21-q1");
        assert_eq!(july().months_label(q), "July – September 2020");
    }

    #[test]
    fn july_start_q3_crosses_into_the_next_calendar_year() {
        let q = FiscalQuarter::new(2020, 3).unwrap();
        assert_eq!(july().start(q), d(2021, 1, 1));
        assert_eq!(july().end(q), d(2021, 3, 31));
        let q2 = FiscalQuarter::new(2020, 2).unwrap();
        assert_eq!(july().months_label(q2), "October – December 2020");
    }

    #[test]
    fn q4_ends_the_day_before_the_next_fiscal_year() {
        let q = FiscalQuarter::new(2020, 4).unwrap();
        assert_eq!(july().end(q), d(2021, 6, 30));
        let jan = FiscalCalendar::new(1, FyLabel::Span).unwrap();
        assert_eq!(jan.end(q), d(2020, 12, 31));
        assert_eq!(jan.label(q), "Q4 FY2020");
    }

    #[test]
    fn every_day_maps_back_to_its_quarter_for_every_start_month() {
        for start in 1..=12 {
            let cal = FiscalCalendar::new(start, FyLabel::Span).unwrap();
            let mut q = FiscalQuarter::new(2019, 1).unwrap();
            for _ in 0..12 {
                let (s, e) = (cal.start(q), cal.end(q));
                assert!(s < e);
                let mut day = s;
                while day <= e {
                    assert_eq!(cal.quarter_of(day), Some(q), "start month {start}, {day}");
                    day = day.succ_opt().unwrap();
                }
                assert_eq!(cal.start(q.next()), e.succ_opt().unwrap());
                q = q.next();
            }
        }
    }

    #[test]
    fn leap_day_falls_in_the_right_quarter() {
        assert_eq!(
            july().quarter_of(d(2020, 2, 29)),
            FiscalQuarter::new(2019, 3)
        );
        let feb = FiscalCalendar::new(2, FyLabel::Span).unwrap();
        assert_eq!(
            feb.end(FiscalQuarter::new(2019, 4).unwrap()),
            d(2020, 1, 31)
        );
    }

    #[test]
    fn dates_outside_the_supported_years_have_no_quarter() {
        assert_eq!(july().quarter_of(d(0, 3, 1)), None);
        assert_eq!(july().quarter_of(d(9999, 8, 1)), None);
    }

    #[test]
    fn labels_follow_the_configured_style() {
        let q = FiscalQuarter::new(2020, 2).unwrap();
        let end = FiscalCalendar::new(10, FyLabel::End).unwrap();
        assert_eq!(end.label(q), "Q2 FY2021");
        let start = FiscalCalendar::new(4, FyLabel::Start).unwrap();
        assert_eq!(start.label(q), "Q2 FY2020");
        let y2k = FiscalQuarter::new(1999, 1).unwrap();
        assert_eq!(july().year_label(y2k.fiscal_year), "FY99-00");
    }

    #[test]
    fn parses_the_forms_authors_write() {
        let q4 = FiscalQuarter::new(2020, 4).unwrap();
        for text in [
            "2020 Q4",
            "2020-Q4",
            "Q4 FY20-21",
            "FY20-21 Q4",
            "fy20-21 q4",
        ] {
            assert_eq!(july().parse_quarter(text), Some(q4), "{text}");
        }
        let end = FiscalCalendar::new(7, FyLabel::End).unwrap();
        assert_eq!(end.parse_quarter("Q4 FY2021"), Some(q4));
        assert_eq!(july().parse_quarter("2020 Q5"), None);
        assert_eq!(july().parse_quarter("soon"), None);
        assert_eq!(july().parse_quarter("FY20-22 Q1"), None);
    }

    #[test]
    fn next_and_prev_wrap_around_the_year() {
        let q = FiscalQuarter::new(2020, 4).unwrap();
        assert_eq!(q.next(), FiscalQuarter::new(2021, 1).unwrap());
        assert_eq!(q.next().prev(), q);
        assert!(FiscalQuarter::new(2020, 0).is_none());
        assert!(FiscalCalendar::new(13, FyLabel::Span).is_none());
    }

    #[test]
    fn slash_labels_read_back_and_make_safe_slugs() {
        let cal = FiscalCalendar::new(7, FyLabel::Slash).unwrap();
        let q = FiscalQuarter::new(2021, 1).unwrap();
        assert_eq!(cal.label(q), "Q1 FY2021/22");
        assert_eq!(cal.slug(q), "fy2021-22-q1");
        assert_eq!(cal.parse_quarter("Q1 FY2021/22"), Some(q));
        assert_eq!(cal.parse_quarter("FY2021/22 Q1"), Some(q));
        let century = FiscalQuarter::new(2099, 4).unwrap();
        assert_eq!(cal.label(century), "Q4 FY2099/00");
    }
}
