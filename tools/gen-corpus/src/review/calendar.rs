//! A fiscal quarter of the corpus and its dates: fiscal years start in July.

use super::FIRST_FY;
use chrono::{Duration, NaiveDate};

/// A fiscal quarter of the corpus, by index from the first.
#[derive(Clone, Copy)]
pub(super) struct Fq {
    pub(super) fy: i32,
    pub(super) q: u32,
}

impl Fq {
    pub(super) fn of(index: usize) -> Self {
        Self {
            fy: FIRST_FY + (index / 4) as i32,
            q: (index % 4) as u32 + 1,
        }
    }

    pub(super) fn start(self) -> NaiveDate {
        let month0 = 6 + 3 * (self.q - 1);
        ymd(self.fy + (month0 / 12) as i32, month0 % 12 + 1, 1)
    }

    pub(super) fn end(self) -> NaiveDate {
        let next = if self.q == 4 {
            Fq {
                fy: self.fy + 1,
                q: 1,
            }
        } else {
            Fq {
                fy: self.fy,
                q: self.q + 1,
            }
        };
        next.start() - Duration::days(1)
    }

    fn year_label(self) -> String {
        format!(
            "FY{:02}-{:02}",
            self.fy.rem_euclid(100),
            (self.fy + 1).rem_euclid(100)
        )
    }

    pub(super) fn label(self) -> String {
        format!("Q{} {}", self.q, self.year_label())
    }

    pub(super) fn folder(self) -> String {
        format!("{}-q{}", self.year_label(), self.q).to_ascii_lowercase()
    }
}

pub(super) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    // Every caller passes a month in 1..=12 and a day that exists.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_follow_a_july_fiscal_year() {
        let q3 = Fq::of(2);
        assert_eq!(q3.label(), "Q3 FY15-16");
        assert_eq!(q3.start(), ymd(2016, 1, 1));
        assert_eq!(q3.end(), ymd(2016, 3, 31));
        assert_eq!(Fq::of(3).end(), ymd(2016, 6, 30));
        assert_eq!(Fq::of(4).folder(), "fy16-17-q1");
    }
}
