//! People facts of a quarter: new hires (and internal transfers) and work
//! anniversaries, computed from the one roster in `people.yaml` and the
//! quarter's calendar dates.
//!
//! A quarter is the inclusive range of calendar days from its first to its
//! last day, whatever month the fiscal year starts in, so a quarter may span
//! two calendar years. A February 29 start date has its anniversary on
//! February 28 in years without a leap day.

use crate::model::{Date, Person};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// Someone who joined the organisation, or joined their team by internal
/// transfer, during the quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewHire {
    pub name: String,
    /// The team the person is in now.
    pub team: String,
    /// Photo path inside the content folder.
    pub photo: Option<String>,
    /// Alternative text for the photo: as written, or `Photo of NAME` when
    /// there is a photo without one.
    pub photo_alt: Option<String>,
    /// Joined the team by internal transfer rather than as a new hire.
    pub transfer: bool,
    /// First day at the organisation, or day of the transfer.
    pub date: Date,
}

/// One person's work anniversary within the quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anniversary {
    pub name: String,
    pub team: String,
    /// The anniversary itself (not the start date).
    pub date: Date,
}

/// Everyone completing the same number of years in the quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnniversaryGroup {
    pub years: u32,
    /// By anniversary date, then name.
    pub people: Vec<Anniversary>,
}

/// The people who started, or transferred into their team, between
/// `first_day` and `last_day` inclusive, by date then name. Hidden people
/// and people who left before `first_day` are left out. Someone who both
/// started and transferred in the quarter is listed once, as a new hire.
pub fn new_hires(people: &[Person], first_day: NaiveDate, last_day: NaiveDate) -> Vec<NewHire> {
    let within = |d: NaiveDate| first_day <= d && d <= last_day;
    let mut hires: Vec<NewHire> = people
        .iter()
        .filter(|p| !p.hidden && p.left.as_ref().is_none_or(|l| l.value.0 >= first_day))
        .filter_map(|p| {
            let (date, transfer) = if within(p.start.value.0) {
                (p.start.value, false)
            } else {
                let moved = p.transferred.as_ref().map(|t| t.value)?;
                if !within(moved.0) {
                    return None;
                }
                (moved, true)
            };
            let photo = p.photo.as_ref().map(|ph| ph.value.clone());
            let photo_alt = p
                .photo_alt
                .clone()
                .or_else(|| photo.as_ref().map(|_| format!("Photo of {}", p.name.value)));
            Some(NewHire {
                name: p.name.value.clone(),
                team: p.team.clone(),
                photo,
                photo_alt,
                transfer,
                date,
            })
        })
        .collect();
    hires.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.name.cmp(&b.name)));
    hires
}

/// The work anniversaries between `first_day` and `last_day` inclusive,
/// grouped by years of service, most years first. Hidden people, people who
/// left before the anniversary (leaving on the day still counts) and people
/// who had not started yet are left out.
pub fn anniversaries(
    people: &[Person],
    first_day: NaiveDate,
    last_day: NaiveDate,
) -> Vec<AnniversaryGroup> {
    let mut groups: BTreeMap<u32, Vec<Anniversary>> = BTreeMap::new();
    for person in people.iter().filter(|p| !p.hidden) {
        let start = person.start.value.0;
        if start > last_day {
            continue;
        }
        // A quarter touches at most two calendar years.
        for year in first_day.year()..=last_day.year() {
            let Some(day) = anniversary_in(start, year) else {
                continue;
            };
            if day < first_day || day > last_day {
                continue;
            }
            if person.left.as_ref().is_some_and(|l| l.value.0 < day) {
                continue;
            }
            let Some(years) = u32::try_from(year - start.year()).ok().filter(|y| *y > 0) else {
                continue;
            };
            groups.entry(years).or_default().push(Anniversary {
                name: person.name.value.clone(),
                team: person.team.clone(),
                date: Date(day),
            });
        }
    }
    groups
        .into_iter()
        .rev()
        .map(|(years, mut people)| {
            people.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.name.cmp(&b.name)));
            AnniversaryGroup { years, people }
        })
        .collect()
}

/// The anniversary of `start` in `year`: same month and day, with
/// February 29 falling on February 28 in years without one.
pub fn anniversary_in(start: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, start.month(), start.day()).or_else(|| {
        (start.month() == 2 && start.day() == 29)
            .then(|| NaiveDate::from_ymd_opt(year, 2, 28))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::super::derive;
    use super::super::fixtures::{calendar, day, fq, people, quarter, site};
    use super::*;

    /// First and last day of a fiscal quarter under a calendar.
    fn bounds(start_month: u32, fiscal_year: i32, q: u8) -> (NaiveDate, NaiveDate) {
        let cal = calendar(start_month);
        let id = fq(fiscal_year, q);
        (cal.start(id), cal.end(id))
    }

    fn hires(yaml: &str, (first, last): (NaiveDate, NaiveDate)) -> Vec<(String, bool, String)> {
        new_hires(&people(yaml), first, last)
            .into_iter()
            .map(|h| (h.name, h.transfer, h.date.to_string()))
            .collect()
    }

    fn years(yaml: &str, (first, last): (NaiveDate, NaiveDate)) -> Vec<(u32, Vec<String>)> {
        anniversaries(&people(yaml), first, last)
            .into_iter()
            .map(|g| (g.years, g.people.into_iter().map(|p| p.name).collect()))
            .collect()
    }

    #[test]
    fn new_hires_on_the_first_and_last_day_of_the_quarter_count() {
        let roster = "- {name: First, team: A, start: 2020-07-01}\n\
                      - {name: Last, team: A, start: 2020-09-30}\n\
                      - {name: Before, team: A, start: 2020-06-30}\n\
                      - {name: After, team: A, start: 2020-10-01}\n";
        let q1 = bounds(7, 2020, 1);
        assert_eq!(
            hires(roster, q1),
            [
                ("First".to_string(), false, "2020-07-01".to_string()),
                ("Last".to_string(), false, "2020-09-30".to_string()),
            ]
        );
    }

    #[test]
    fn new_hires_sort_by_date_then_name_and_carry_their_photo() {
        let roster = "- {name: Zoe, team: A, start: 2021-02-01, photo: photos/zoe.jpg}\n\
                      - {name: Ann, team: B, start: 2021-02-01, photo: photos/ann.jpg, photo_alt: Ann at the summit}\n\
                      - {name: Bob, team: B, start: 2021-01-15}\n";
        let (first, last) = bounds(7, 2020, 3);
        let list = new_hires(&people(roster), first, last);
        let names: Vec<_> = list.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, ["Bob", "Ann", "Zoe"]);
        assert_eq!(list[1].photo_alt.as_deref(), Some("Ann at the summit"));
        assert_eq!(list[2].photo.as_deref(), Some("photos/zoe.jpg"));
        assert_eq!(list[2].photo_alt.as_deref(), Some("Photo of Zoe"));
        assert_eq!(
            (list[0].photo.as_deref(), list[0].photo_alt.as_deref()),
            (None, None)
        );
        assert_eq!(list[0].team, "B");
    }

    #[test]
    fn transfers_are_listed_with_the_new_hires() {
        let roster = "- {name: Mover, team: Search, start: 2015-03-02, transferred: 2020-08-10}\n\
                      - {name: Newbie, team: Search, start: 2020-08-03}\n\
                      - {name: Both, team: Search, start: 2020-07-06, transferred: 2020-09-01}\n\
                      - {name: Earlier, team: Search, start: 2015-03-02, transferred: 2020-06-30}\n";
        assert_eq!(
            hires(roster, bounds(7, 2020, 1)),
            [
                ("Both".to_string(), false, "2020-07-06".to_string()),
                ("Newbie".to_string(), false, "2020-08-03".to_string()),
                ("Mover".to_string(), true, "2020-08-10".to_string()),
            ]
        );
    }

    #[test]
    fn hidden_people_and_people_gone_before_the_quarter_are_not_new_hires() {
        let roster = "- {name: Hidden, team: A, start: 2020-07-01, hidden: true}\n\
                      - {name: Gone, team: A, start: 2020-05-01, transferred: 2020-07-01, left: 2020-06-30}\n\
                      - {name: Brief, team: A, start: 2020-07-01, left: 2020-07-31}\n";
        assert_eq!(
            hires(roster, bounds(7, 2020, 1)),
            [("Brief".to_string(), false, "2020-07-01".to_string())]
        );
    }

    #[test]
    fn seed_fact_fourteen_years_in_q1_fy20_21() {
        let roster = "- {name: Veteran, team: Ops, start: 2006-07-17}\n";
        let groups = anniversaries(&people(roster), day(2020, 7, 1), day(2020, 9, 30));
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].years, 14);
        assert_eq!(groups[0].people[0].date, Date(day(2020, 7, 17)));
        assert_eq!(groups[0].people[0].team, "Ops");
        // Through the whole pipeline, with a July fiscal start.
        let s = site(7, vec![quarter(2020, 1, &[])], roster);
        let d = derive(&s);
        assert_eq!(d.quarters[&s.quarters[0].id].anniversaries, groups);
    }

    #[test]
    fn a_february_29_start_has_its_anniversary_on_february_28_in_common_years() {
        let roster = "- {name: Leap, team: A, start: 2020-02-29}\n";
        let q1_2021 = bounds(1, 2021, 1);
        let groups = anniversaries(&people(roster), q1_2021.0, q1_2021.1);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].years, 1);
        assert_eq!(groups[0].people[0].date, Date(day(2021, 2, 28)));
        // In a leap year it falls on the 29th.
        let q1_2024 = bounds(1, 2024, 1);
        let groups = anniversaries(&people(roster), q1_2024.0, q1_2024.1);
        assert_eq!(groups[0].years, 4);
        assert_eq!(groups[0].people[0].date, Date(day(2024, 2, 29)));
        // No anniversary in the start quarter itself.
        assert!(years(roster, bounds(1, 2020, 1)).is_empty());
    }

    #[test]
    fn anniversary_dates_handle_the_leap_day() {
        assert_eq!(
            anniversary_in(day(2020, 2, 29), 2021),
            Some(day(2021, 2, 28))
        );
        assert_eq!(
            anniversary_in(day(2020, 2, 29), 2100),
            Some(day(2100, 2, 28))
        );
        assert_eq!(
            anniversary_in(day(2020, 2, 29), 2000),
            Some(day(2000, 2, 29))
        );
        assert_eq!(
            anniversary_in(day(2019, 2, 28), 2020),
            Some(day(2020, 2, 28))
        );
        assert_eq!(
            anniversary_in(day(2019, 12, 31), 2020),
            Some(day(2020, 12, 31))
        );
    }

    #[test]
    fn leaving_the_day_before_excludes_leaving_on_the_day_counts() {
        let roster = "- {name: DayBefore, team: A, start: 2010-08-15, left: 2020-08-14}\n\
                      - {name: OnTheDay, team: A, start: 2010-08-15, left: 2020-08-15}\n\
                      - {name: Later, team: A, start: 2010-08-15, left: 2021-01-01}\n";
        assert_eq!(
            years(roster, bounds(7, 2020, 1)),
            [(10, vec!["Later".to_string(), "OnTheDay".to_string()])]
        );
    }

    #[test]
    fn hidden_and_future_people_have_no_anniversaries() {
        let roster = "- {name: Hidden, team: A, start: 2010-08-15, hidden: true}\n\
                      - {name: Future, team: A, start: 2025-08-15}\n\
                      - {name: ThisYear, team: A, start: 2020-07-15}\n";
        assert!(years(roster, bounds(7, 2020, 1)).is_empty());
        let s = site(7, vec![quarter(2020, 1, &[])], roster);
        let facts = &derive(&s).quarters[&s.quarters[0].id];
        assert!(facts.anniversaries.is_empty());
        let hires: Vec<_> = facts.new_hires.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(hires, ["ThisYear"]);
    }

    #[test]
    fn groups_run_from_most_years_down_then_by_date_and_name() {
        let roster = "- {name: Cara, team: A, start: 2015-09-01}\n\
                      - {name: Abe, team: A, start: 2010-07-20}\n\
                      - {name: Bea, team: A, start: 2015-09-01}\n\
                      - {name: Dan, team: A, start: 2015-07-02}\n\
                      - {name: Eve, team: A, start: 2019-08-08}\n";
        assert_eq!(
            years(roster, bounds(7, 2020, 1)),
            [
                (10, vec!["Abe".to_string()]),
                (
                    5,
                    vec!["Dan".to_string(), "Bea".to_string(), "Cara".to_string()]
                ),
                (1, vec!["Eve".to_string()]),
            ]
        );
    }

    #[test]
    fn quarters_crossing_a_year_boundary_find_both_sides() {
        // Fiscal year starting in November: Q1 is November to January.
        let roster = "- {name: Nov, team: A, start: 2012-11-30}\n\
                      - {name: Jan, team: A, start: 2012-01-31}\n\
                      - {name: Feb, team: A, start: 2012-02-01}\n";
        let (first, last) = bounds(11, 2020, 1);
        assert_eq!((first, last), (day(2020, 11, 1), day(2021, 1, 31)));
        assert_eq!(
            years(roster, (first, last)),
            [(9, vec!["Jan".to_string()]), (8, vec!["Nov".to_string()])]
        );
    }

    #[test]
    fn a_july_start_q3_runs_january_to_march() {
        let roster = "- {name: Leap, team: A, start: 2016-02-29}\n\
                      - {name: Joiner, team: A, start: 2021-03-31}\n\
                      - {name: December, team: A, start: 2018-12-31}\n";
        let s = site(7, vec![quarter(2020, 3, &[])], roster);
        let facts = &derive(&s).quarters[&s.quarters[0].id];
        assert_eq!(facts.anniversaries.len(), 1);
        assert_eq!(facts.anniversaries[0].years, 5);
        assert_eq!(
            facts.anniversaries[0].people[0].date,
            Date(day(2021, 2, 28))
        );
        assert_eq!(facts.new_hires.len(), 1);
        assert_eq!(facts.new_hires[0].name, "Joiner");
    }
}
