//! People: unique names, samples of them, and the roster (`people.yaml`)
//! with leavers, transfers, hidden people and 29 February start dates.

use super::calendar::ymd;
use super::{PEOPLE, Team};
use crate::rng::Rng;
use crate::words::{FIRST_NAMES, LAST_NAMES};
use crate::yaml_str;
use chrono::{Datelike, Duration, NaiveDate};
use std::fmt::Write;

/// The `k`-th name: unique for every `k` below 64 × 64 × 27. Consecutive
/// `k` are spread over first and last names alike.
pub(super) fn name(k: usize) -> String {
    let pairs = FIRST_NAMES.len() * LAST_NAMES.len();
    // 1657 is odd and pairs a power of two: multiplying permutes 0..pairs.
    let mixed = (k % pairs) * 1657 % pairs;
    let f = FIRST_NAMES[mixed % FIRST_NAMES.len()];
    let l = LAST_NAMES[mixed / FIRST_NAMES.len()];
    match k / pairs {
        0 => format!("{f} {l}"),
        round => {
            let initial = char::from(b'A' + ((round - 1) % 26) as u8);
            format!("{f} {initial}. {l}")
        }
    }
}

/// `n` different people out of `names`.
pub(super) fn people_sample(rng: &mut Rng, names: usize, n: usize) -> Vec<String> {
    let mut picked: Vec<usize> = Vec::with_capacity(n);
    while picked.len() < n.min(names) {
        let k = rng.below(names);
        if !picked.contains(&k) {
            picked.push(k);
        }
    }
    picked.into_iter().map(name).collect()
}

/// `people.yaml`: `n` people, each in one of `teams`, who started between
/// twelve years before `first` and `last`.
pub(super) fn yaml(
    seed: u64,
    n: usize,
    teams: &[Team],
    first: NaiveDate,
    last: NaiveDate,
) -> String {
    let mut rng = Rng::stream(seed, &[PEOPLE]);
    let earliest = first - Duration::days(12 * 365);
    let span = (last - earliest).num_days().max(1);
    let mut out = String::with_capacity(n * 80 + 200);
    out.push_str(
        "# The roster: new hires and anniversaries of every quarter come from here.\npeople:\n",
    );
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..order.len()).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    for k in order {
        let team = if teams.is_empty() {
            "Engineering"
        } else {
            teams[rng.below(teams.len())].title.as_str()
        };
        let start = if rng.chance(0.01) {
            // A 29 February start: its anniversary moves to 28 February.
            let leap_years: Vec<i32> = (earliest.year()..=last.year())
                .filter(|y| NaiveDate::from_ymd_opt(*y, 2, 29).is_some())
                .collect();
            match leap_years.get(rng.below(leap_years.len())) {
                Some(y) => ymd(*y, 2, 29),
                None => earliest,
            }
        } else {
            earliest + Duration::days(rng.range(0, span))
        };
        let _ = writeln!(
            out,
            "  - name: {}\n    team: {}\n    start: {start}",
            yaml_str(&name(k)),
            yaml_str(team)
        );
        if rng.chance(0.04) {
            let moved = start + Duration::days(rng.range(100, 2000));
            let _ = writeln!(out, "    transferred: {moved}");
        }
        if rng.chance(0.08) {
            let left = start + Duration::days(rng.range(200, 3000));
            let _ = writeln!(out, "    left: {left}");
        }
        if rng.chance(0.005) {
            out.push_str("    hidden: true\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        let mut all: Vec<String> = (0..20_000).map(name).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 20_000);
    }
}
