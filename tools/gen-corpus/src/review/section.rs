//! One section file: the team's overview, KPIs, objectives with their key
//! results, and highlights.

use super::calendar::Fq;
use super::roster::name;
use super::yaml::{block, number, workflow};
use super::{Counts, KPI_QUARTER, SECTION, Scale, Team, kpi, okr};
use crate::rng::Rng;
use crate::words::{KPIS, PLANS, REGIONS, RISKS, THINGS, achievement, capital, filler};
use crate::yaml_str;
use std::fmt::Write;

/// The section file of `team` (the `j`-th) in quarter `i`, and what it holds.
pub(super) fn yaml(seed: u64, i: usize, j: usize, team: &Team, scale: &Scale) -> (String, Counts) {
    let fq = Fq::of(i);
    let mut rng = Rng::stream(seed, &[SECTION, i as u64, j as u64]);
    let names = scale.people.max(50);
    let person = |rng: &mut Rng| name(rng.below(names));
    let mut counts = Counts {
        sections: 1,
        ..Counts::default()
    };
    let mut y = String::with_capacity(12_000);
    let _ = writeln!(
        y,
        "title: {}\nkind: Team\nowner: {}\nfte: {}",
        yaml_str(&team.title),
        yaml_str(&person(&mut rng)),
        number(rng.range(4, 60) as f64 / 2.0, 1)
    );
    let focus = rng.range(40, 80);
    let strengthen = rng.range(10, 100 - focus);
    let _ = writeln!(
        y,
        "time_split:\n  focus: {focus}\n  strengthen: {strengthen}\n  experiment: {}",
        100 - focus - strengthen
    );
    block(
        &mut y,
        "overview",
        "",
        &format!(
            "{} owns {} and {}. {}",
            team.title,
            rng.pick(THINGS),
            rng.pick(THINGS),
            filler(&mut rng, 1)
        ),
    );
    block(
        &mut y,
        "progress",
        "",
        &format!(
            "{}\n\nSee the [team page](https://wiki.example.com/{}/{}) for the details. {}",
            achievement(&mut rng, &team.title),
            team.id,
            fq.folder(),
            filler(&mut rng, 2)
        ),
    );
    y.push_str("actions:\n");
    for _ in 0..2 {
        let _ = writeln!(
            y,
            "  - {}",
            yaml_str(&format!(
                "{} {} in {}.",
                capital(rng.pick(PLANS)),
                rng.pick(THINGS),
                rng.pick(REGIONS)
            ))
        );
    }

    // KPIs: a value that drifts from quarter to quarter around a base.
    if scale.kpis > 0 {
        y.push_str("kpis:\n");
    }
    for k in 0..scale.kpis {
        let kind = &KPIS[(j + k) % KPIS.len()];
        if !kpi::measured(seed, i, j, k) {
            continue; // the next quarter compares with the one before
        }
        let mut q_rng = Rng::stream(seed, &[KPI_QUARTER, i as u64, j as u64, k as u64]);
        q_rng.next_u64(); // the draw kpi::measured made
        let id = if k < KPIS.len() {
            format!("{}-{}", team.id, kind.slug)
        } else {
            format!("{}-{}-{}", team.id, kind.slug, k / KPIS.len() + 1)
        };
        let value = kpi::value(seed, i, j, k, kind);
        let _ = writeln!(
            y,
            "  - id: {id}\n    name: {}\n    unit: {}\n    direction: {}\n    value: {}",
            yaml_str(kind.name),
            yaml_str(kind.unit),
            if kind.lower_is_better {
                "lower"
            } else {
                "higher"
            },
            number(value, kind.decimals)
        );
        if i == 0 {
            let previous = value * q_rng.uniform(0.9, 1.1);
            let previous = kpi::clamp(previous, kind);
            let _ = writeln!(y, "    previous: {}", number(previous, kind.decimals));
        }
        let _ = writeln!(
            y,
            "    description: {}",
            yaml_str(&format!(
                "{} of {}, measured weekly; see the [definition](https://metrics.example.com/kpi/{id}).",
                kind.name,
                q_rng.pick(THINGS)
            ))
        );
        if q_rng.chance(0.3) {
            let _ = writeln!(y, "    note: {}", yaml_str(&filler(&mut q_rng, 1)));
        }
        counts.kpi_values += 1;
    }

    // Objectives and key results, stable through the fiscal year.
    if scale.objectives > 0 {
        y.push_str("objectives:\n");
    }
    for o in 0..scale.objectives {
        okr::objective(seed, i, j, o, team, scale, &mut y, &mut counts);
    }

    // The section's own highlights.
    y.push_str("highlights:\n  successes:\n");
    let _ = writeln!(y, "    - {}", yaml_str(&achievement(&mut rng, "We")));
    if rng.chance(0.5) {
        let _ = writeln!(
            y,
            "  misses:\n    - {}",
            yaml_str(&(capital(rng.pick(RISKS)) + "."))
        );
    }
    let _ = writeln!(
        y,
        "  challenges:\n    - {}",
        yaml_str(&(capital(rng.pick(RISKS)) + "."))
    );
    let _ = writeln!(
        y,
        "  upcoming:\n    - {}",
        yaml_str(&format!(
            "{} {}.",
            capital(rng.pick(PLANS)),
            rng.pick(THINGS)
        ))
    );
    if rng.chance(0.3) {
        let _ = writeln!(
            y,
            "  wins:\n    - team: {}\n      text: {}",
            yaml_str(&team.title),
            yaml_str(&achievement(&mut rng, "The team"))
        );
    }
    if rng.chance(0.3) {
        y.push_str("  workflows:\n");
        workflow(&mut y, "    ", &mut rng);
    }
    (y, counts)
}
