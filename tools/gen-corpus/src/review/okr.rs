//! Objectives and key results: set for a fiscal year, with key results that
//! move from baseline toward target and a status that follows from them.

use super::calendar::Fq;
use super::roster::{name, people_sample};
use super::yaml::{block, number};
use super::{Counts, FIRST_FY, KR_QUARTER, KR_YEAR, OBJECTIVE_YEAR, Scale, Team};
use crate::rng::Rng;
use crate::words::{
    CATEGORIES, KEY_RESULTS, OBJECTIVE_TITLES, OUTCOMES, RISKS, THINGS, VERBS, achievement,
    capital, fill, filler, grouped,
};
use crate::yaml_str;
use chrono::Duration;
use std::fmt::Write;

/// One status, as written in YAML.
const STATUSES_IDLE: [&str; 4] = ["postponed", "not-started", "cancelled", "partial"];

/// A key result's status from how far it has come (`frac`, 0 at the
/// baseline, 1 at the target) against where it should be by quarter `q`.
fn kr_status(frac: f64, q: u32) -> &'static str {
    let expected = f64::from(q) / 4.0;
    if frac >= 1.0 {
        if q == 4 { "done" } else { "on-track" }
    } else if frac >= 0.8 * expected {
        "on-track"
    } else if frac >= 0.5 * expected {
        "in-progress"
    } else if frac >= 0.0 {
        "at-risk"
    } else if q == 4 {
        "missed"
    } else {
        "blocked"
    }
}

fn is_trouble(status: &str) -> bool {
    matches!(status, "at-risk" | "blocked" | "missed" | "partial")
}

#[allow(clippy::too_many_arguments)]
/// Writes objective `o` of section `j` in quarter `i`, its key results
/// with it, and counts them.
pub(super) fn objective(
    seed: u64,
    i: usize,
    j: usize,
    o: usize,
    team: &Team,
    scale: &Scale,
    y: &mut String,
    counts: &mut Counts,
) {
    let fq = Fq::of(i);
    // Objectives are set for a fiscal year, as OKRs are; a section's first
    // objective runs for two. The id stays the same for that time, which
    // joins up the Q1–Q4 rows of its key results and its history.
    let fy_index = fq.fy - FIRST_FY;
    let span = if o == 0 { 2 } else { 1 };
    let first_year = FIRST_FY + fy_index / span * span;
    let mut year = Rng::stream(
        seed,
        &[OBJECTIVE_YEAR, first_year as u64, j as u64, o as u64],
    );
    let mut rng = Rng::stream(seed, &[OBJECTIVE_YEAR, i as u64, j as u64, o as u64, 1]);
    let names = scale.people.max(50);
    let id = format!("{}-fy{:02}-o{}", team.id, first_year.rem_euclid(100), o + 1);
    let title = fill(year.pick(OBJECTIVE_TITLES), &mut year);
    let category = year.pick(CATEGORIES);
    let owner = name(year.below(names));

    // Key results first: the objective's status follows from theirs.
    let mut krs = String::with_capacity(4096);
    let mut statuses = Vec::new();
    for r in 0..scale.key_results {
        statuses.push(key_result(seed, i, j, o, r, scale, &mut krs));
        counts.key_results += 1;
    }
    let status = statuses
        .iter()
        .copied()
        .find(|s| is_trouble(s))
        .or_else(|| statuses.first().copied())
        .unwrap_or("in-progress");
    counts.objectives += 1;

    let _ = writeln!(
        y,
        "  - id: {id}\n    title: {}\n    category: {category}\n    owner: {}",
        yaml_str(&title),
        yaml_str(&owner)
    );
    block(
        y,
        "description",
        "    ",
        &format!(
            "{} so that {} stops being a bottleneck for **{}**.",
            title,
            rng.pick(THINGS),
            team.title
        ),
    );
    block(
        y,
        "progress",
        "    ",
        &format!(
            "{} {}",
            achievement(&mut rng, "The team"),
            filler(&mut rng, 1)
        ),
    );
    y.push_str("    measures:\n");
    for _ in 0..2 {
        let _ = writeln!(
            y,
            "      - {}",
            yaml_str(&format!(
                "{} for _{}_",
                capital(rng.pick(OUTCOMES)),
                rng.pick(THINGS)
            ))
        );
    }
    let _ = writeln!(y, "    status: {status}\n    people:");
    for p in people_sample(&mut rng, names, 3) {
        let _ = writeln!(y, "      - {}", yaml_str(&p));
    }
    let target = Fq {
        fy: first_year + span - 1,
        q: 4,
    };
    let target_text = if o.is_multiple_of(2) {
        target.label()
    } else {
        format!("{} Q4", target.fy)
    };
    let _ = writeln!(y, "    target_quarter: {}", yaml_str(&target_text));
    if rng.chance(0.3) {
        block(y, "learnings", "    ", &filler(&mut rng, 2));
    }
    if rng.chance(0.2) {
        y.push_str("    checkins:\n");
        for day in [30, 70] {
            let _ = writeln!(
                y,
                "      - date: {}\n        status: {}\n        note: {}",
                fq.start() + Duration::days(day),
                if day == 30 { "on-track" } else { status },
                yaml_str(&filler(&mut rng, 1))
            );
        }
    }
    if is_trouble(status) && rng.chance(0.7) {
        y.push_str("    drilldown:\n");
        block(
            y,
            "situation",
            "      ",
            &format!("{} {}", capital(rng.pick(RISKS)), filler(&mut rng, 1)),
        );
        block(
            y,
            "impact",
            "      ",
            &format!("Without a fix, {} slips by a quarter.", rng.pick(THINGS)),
        );
        block(
            y,
            "recommendation",
            "      ",
            &format!(
                "{} {} first, and review the plan in four weeks.",
                capital(rng.pick(VERBS)),
                rng.pick(THINGS)
            ),
        );
    }
    if !krs.is_empty() {
        y.push_str("    key_results:\n");
        y.push_str(&krs);
    }
}

/// Writes one key result and returns its status.
#[allow(clippy::too_many_arguments)]
fn key_result(
    seed: u64,
    i: usize,
    j: usize,
    o: usize,
    r: usize,
    scale: &Scale,
    y: &mut String,
) -> &'static str {
    let fq = Fq::of(i);
    let fy_index = (fq.fy - FIRST_FY) as u64;
    let mut year = Rng::stream(seed, &[KR_YEAR, fy_index, j as u64, o as u64, r as u64]);
    let mut rng = Rng::stream(seed, &[KR_QUARTER, i as u64, j as u64, o as u64, r as u64]);
    let names = scale.people.max(50);
    let (template, unit, lower) = year.pick(KEY_RESULTS);
    let title = fill(template, &mut year);
    let owner = name(year.below(names));
    let words_only = year.chance(0.08);
    let _ = writeln!(
        y,
        "      - id: kr{}\n        title: {}\n        owner: {}\n        unit: {}",
        r + 1,
        yaml_str(&title),
        yaml_str(&owner),
        yaml_str(unit)
    );
    if fq.q > 1 && rng.chance(0.03) {
        let _ = writeln!(
            y,
            "        original: {}",
            yaml_str(&format!("{title} (first draft)"))
        );
    }
    let status = if words_only {
        let status = rng.pick(&["on-track", "in-progress", "at-risk", "done"]);
        let _ = writeln!(
            y,
            "        baseline_text: \"No shared process\"\n        target_text: \"Process adopted by every team\"\n        \
             value_text: {}\n        direction: {}",
            yaml_str(&format!("Adopted by {} of 8 teams", rng.range(1, 8))),
            if lower { "lower" } else { "higher" }
        );
        status
    } else {
        let decimals = usize::from(unit == "%");
        let baseline = if unit == "%" {
            year.uniform(20.0, 60.0)
        } else {
            year.range(50, 2000) as f64
        };
        let change = year.uniform(0.1, 0.4) * baseline;
        let target = if lower {
            baseline - change
        } else {
            baseline + change
        };
        let (baseline, target) = (
            number(baseline, decimals)
                .parse::<f64>()
                .unwrap_or(baseline),
            number(target, decimals).parse::<f64>().unwrap_or(target),
        );
        let pace = year.uniform(0.3, 1.3);
        let frac = f64::from(fq.q) / 4.0 * pace + rng.uniform(-0.15, 0.15);
        let value = baseline + (target - baseline) * frac;
        let status = if rng.chance(0.03) {
            rng.pick(&STATUSES_IDLE)
        } else {
            kr_status(frac, fq.q)
        };
        let _ = writeln!(
            y,
            "        baseline: {}\n        target: {}\n        value: {}",
            number(baseline, decimals),
            number(target, decimals),
            number(value, decimals)
        );
        if rng.chance(0.4) {
            let _ = writeln!(
                y,
                "        value_text: {}",
                yaml_str(&format!(
                    "{} {unit} ({}% of the way)",
                    grouped(value, decimals),
                    (frac * 100.0).round()
                ))
            );
        }
        if rng.chance(0.3) {
            let _ = writeln!(
                y,
                "        target_text: {}",
                yaml_str(&format!(
                    "{} {unit} by {}",
                    grouped(target, decimals),
                    Fq { fy: fq.fy, q: 4 }.label()
                ))
            );
        }
        status
    };
    let _ = writeln!(y, "        status: {status}");
    if rng.chance(0.25) {
        let _ = writeln!(
            y,
            "        goals:\n          - {}",
            yaml_str(&format!(
                "{} {} this quarter",
                capital(rng.pick(VERBS)),
                rng.pick(THINGS)
            ))
        );
    }
    if rng.chance(0.1) {
        let _ = writeln!(
            y,
            "        checkins:\n          - date: {}\n            status: {status}\n            note: {}",
            fq.start() + Duration::days(45),
            yaml_str(&filler(&mut rng, 1))
        );
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_follows_progress() {
        assert_eq!(kr_status(1.0, 4), "done");
        assert_eq!(kr_status(0.25, 1), "on-track");
        assert_eq!(kr_status(-0.1, 2), "blocked");
        assert_eq!(kr_status(-0.1, 4), "missed");
    }
}
