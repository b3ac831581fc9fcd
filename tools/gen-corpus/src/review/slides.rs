//! A section's narrative file: a divider, then slides with lists, tables,
//! links, images, code, speaker notes and minutes.

use super::calendar::Fq;
use super::{MEDIA, NARRATIVE, Team};
use crate::rng::Rng;
use crate::words::{KPIS, OUTCOMES, THINGS, VERBS, achievement, capital, filler, grouped};
use crate::yaml_str;
use std::fmt::Write;

/// The narrative file of `team` (the `j`-th) in quarter `i`, with `slides`
/// slides.
pub(super) fn markdown(seed: u64, i: usize, j: usize, team: &Team, slides: usize) -> String {
    let fq = Fq::of(i);
    let mut rng = Rng::stream(seed, &[NARRATIVE, i as u64, j as u64]);
    let mut t = String::with_capacity(1200 * slides + 200);
    let _ = writeln!(
        t,
        "---\ntitle: {}\n---\n",
        yaml_str(&format!("{} update", team.title))
    );
    for m in 1..=slides {
        if m > 1 {
            t.push_str("\n---\n\n");
        }
        let id = format!("{}-n{m}", team.id);
        if m == 1 {
            let _ = writeln!(
                t,
                "# {}: {} {{#{id} .divider}}\n\n{}",
                team.title,
                fq.label(),
                achievement(&mut rng, &team.title)
            );
            continue;
        }
        match m % 3 {
            2 => {
                let _ = writeln!(
                    t,
                    "# What {} shipped {{#{id}}}\n\n{} More in the [release notes](https://releases.example.com/{}/{}).\n",
                    team.title,
                    filler(&mut rng, 1),
                    team.id,
                    fq.folder()
                );
                for _ in 0..4 {
                    let _ = writeln!(
                        t,
                        "- **{}** {}, _{}% {}_",
                        capital(rng.pick(VERBS)),
                        rng.pick(THINGS),
                        rng.range(5, 40),
                        rng.pick(OUTCOMES)
                    );
                }
                let _ = writeln!(t, "\n::: notes\n{}\n:::", filler(&mut rng, 2));
            }
            0 => {
                let _ = writeln!(
                    t,
                    "# {} in numbers {{#{id}}}\n\n| Measure | Last quarter | This quarter |\n|:--|--:|--:|",
                    team.title
                );
                for kind in rng.sample(KPIS, 3) {
                    let _ = writeln!(
                        t,
                        "| {} | {} | {} |",
                        kind.name,
                        grouped(rng.uniform(kind.lo, kind.hi), kind.decimals),
                        grouped(rng.uniform(kind.lo, kind.hi), kind.decimals)
                    );
                }
                let picture = rng.below(MEDIA.len()) + 1;
                let _ = writeln!(
                    t,
                    "\n![Trend of the team's main measure over the last four quarters](/media/trend-{picture}.svg)"
                );
                if rng.chance(0.2) {
                    let _ = writeln!(t, "\n::: minutes\n{}\n:::", filler(&mut rng, 1));
                }
            }
            _ => {
                let _ = writeln!(
                    t,
                    "# How {} works {{#{id}}}\n\n{}\n\n```yaml\nrollout: {}\nregions: {}\n```\n\n> {}",
                    rng.pick(THINGS),
                    filler(&mut rng, 1),
                    rng.range(5, 100),
                    rng.range(1, 9),
                    filler(&mut rng, 1)
                );
            }
        }
    }
    t
}
