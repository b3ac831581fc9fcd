//! The full review repository: site, roster, and for every quarter its
//! `quarter.yaml`, one section file and one narrative file per section, and
//! minutes. Every value is valid under `docs/content-format.md`.
//!
//! The content behaves like a real organisation's history: the same teams
//! and KPI ids recur quarter after quarter, KPIs drift with noise (and now
//! and then miss a quarter), objectives are set for a fiscal year (a
//! section's first one for two) and keep their ids through it, key results
//! move from baseline toward target through the year (sometimes
//! backwards), objectives in trouble get drill-downs, and the roster has
//! leavers, transfers, hidden people and 29 February start dates.

use crate::rng::Rng;
use crate::words::{
    CATEGORIES, FIRST_NAMES, KEY_RESULTS, KPIS, LAST_NAMES, OBJECTIVE_TITLES, OUTCOMES, REGIONS,
    RISKS, TEAMS, THINGS, VERBS, WORKFLOW_CATEGORIES, achievement, capital, fill, filler, grouped,
    slug,
};
use crate::{Files, yaml_str};
use chrono::{Datelike, Duration, NaiveDate};
use rayon::prelude::*;
use std::fmt::{self, Write};

/// How big the repository is.
#[derive(Debug, Clone)]
pub struct Scale {
    pub quarters: usize,
    pub sections: usize,
    pub kpis: usize,
    pub objectives: usize,
    pub key_results: usize,
    pub slides: usize,
    pub people: usize,
}

/// What was written, for the summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    quarters: usize,
    sections: usize,
    kpi_values: usize,
    objectives: usize,
    key_results: usize,
    slides: usize,
    people: usize,
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} quarters, {} section files, {} KPI values, {} objectives, {} key results, \
             {} narrative slides, {} people",
            self.quarters,
            self.sections,
            self.kpi_values,
            self.objectives,
            self.key_results,
            self.slides,
            self.people
        )
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Self) {
        self.quarters += o.quarters;
        self.sections += o.sections;
        self.kpi_values += o.kpi_values;
        self.objectives += o.objectives;
        self.key_results += o.key_results;
        self.slides += o.slides;
        self.people += o.people;
    }
}

// Stream names: what a random stream is for (first element of its path).
const PEOPLE: u64 = 1;
const QUARTER: u64 = 3;
const SECTION: u64 = 4;
const KPI_BASE: u64 = 5;
const KPI_QUARTER: u64 = 6;
const OBJECTIVE_YEAR: u64 = 7;
const KR_YEAR: u64 = 8;
const KR_QUARTER: u64 = 9;
const NARRATIVE: u64 = 10;

/// The first fiscal year of the corpus (fiscal years start in July).
const FIRST_FY: i32 = 2015;

struct Team {
    id: String,
    title: String,
}

fn teams(n: usize) -> Vec<Team> {
    (0..n)
        .map(|j| {
            let base = TEAMS[j % TEAMS.len()];
            let title = if j < TEAMS.len() {
                base.to_string()
            } else {
                format!("{base} {}", j / TEAMS.len() + 1)
            };
            Team {
                id: slug(&title),
                title,
            }
        })
        .collect()
}

/// The `k`-th name: unique for every `k` below 64 × 64 × 27. Consecutive
/// `k` are spread over first and last names alike.
fn name(k: usize) -> String {
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
fn people_sample(rng: &mut Rng, names: usize, n: usize) -> Vec<String> {
    let mut picked: Vec<usize> = Vec::with_capacity(n);
    while picked.len() < n.min(names) {
        let k = rng.below(names);
        if !picked.contains(&k) {
            picked.push(k);
        }
    }
    picked.into_iter().map(name).collect()
}

/// A fiscal quarter of the corpus, by index from the first.
#[derive(Clone, Copy)]
struct Fq {
    fy: i32,
    q: u32,
}

impl Fq {
    fn of(index: usize) -> Self {
        Self {
            fy: FIRST_FY + (index / 4) as i32,
            q: (index % 4) as u32 + 1,
        }
    }

    fn start(self) -> NaiveDate {
        let month0 = 6 + 3 * (self.q - 1);
        ymd(self.fy + (month0 / 12) as i32, month0 % 12 + 1, 1)
    }

    fn end(self) -> NaiveDate {
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

    fn label(self) -> String {
        format!("Q{} {}", self.q, self.year_label())
    }

    fn folder(self) -> String {
        format!("{}-q{}", self.year_label(), self.q).to_ascii_lowercase()
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    // Every caller passes a month in 1..=12 and a day that exists.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Write the whole repository into `files`.
pub fn write(seed: u64, scale: &Scale, files: &mut Files) -> Counts {
    let teams = teams(scale.sections);
    let first = Fq::of(0).start();
    let last = Fq::of(scale.quarters.saturating_sub(1)).end();
    files.add(
        "site.yaml",
        format!(
            "# Generated by quarterdeck-gen-corpus, seed {seed}.\n\
             organisation: Example Corporation\n\
             title: Engineering quarterly reviews\n\
             fiscal_year_start_month: 7\n\
             fiscal_year_label: span\n\
             language: en\n"
        ),
    );
    files.add(
        "people.yaml",
        roster(seed, scale.people, &teams, first, last),
    );
    for (i, svg) in MEDIA.iter().enumerate() {
        files.add(&format!("media/trend-{}.svg", i + 1), (*svg).to_string());
    }
    let per_quarter: Vec<(Files, Counts)> = (0..scale.quarters)
        .into_par_iter()
        .map(|i| quarter(seed, i, scale, &teams))
        .collect();
    let mut counts = Counts {
        people: scale.people,
        ..Counts::default()
    };
    for (f, c) in per_quarter {
        files.extend(f);
        counts += c;
    }
    counts
}

/// Four small trend pictures that narrative slides show.
const MEDIA: [&str; 4] = [
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 60\" width=\"120\" height=\"60\" role=\"img\" aria-label=\"Rising trend\"><polyline fill=\"none\" stroke=\"#36c\" stroke-width=\"3\" points=\"5,55 35,40 65,30 95,12 115,8\"/></svg>\n",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 60\" width=\"120\" height=\"60\" role=\"img\" aria-label=\"Falling trend\"><polyline fill=\"none\" stroke=\"#36c\" stroke-width=\"3\" points=\"5,8 35,20 65,28 95,45 115,52\"/></svg>\n",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 60\" width=\"120\" height=\"60\" role=\"img\" aria-label=\"Flat trend\"><polyline fill=\"none\" stroke=\"#36c\" stroke-width=\"3\" points=\"5,30 35,28 65,32 95,29 115,30\"/></svg>\n",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 60\" width=\"120\" height=\"60\" role=\"img\" aria-label=\"Two bars, the second shorter\"><rect x=\"10\" y=\"10\" width=\"100\" height=\"15\" fill=\"#72777d\"/><rect x=\"10\" y=\"35\" width=\"70\" height=\"15\" fill=\"#36c\"/></svg>\n",
];

fn roster(seed: u64, n: usize, teams: &[Team], first: NaiveDate, last: NaiveDate) -> String {
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

fn quarter(seed: u64, i: usize, scale: &Scale, teams: &[Team]) -> (Files, Counts) {
    let fq = Fq::of(i);
    let dir = format!("quarters/{}", fq.folder());
    let mut files = Files::default();
    let mut counts = Counts {
        quarters: 1,
        ..Counts::default()
    };
    let mut rng = Rng::stream(seed, &[QUARTER, i as u64]);
    let names = scale.people.max(50);
    let person = |rng: &mut Rng| name(rng.below(names));

    // quarter.yaml
    let mut y = String::with_capacity(8192 + teams.len() * 80);
    let meeting = fq.end() + Duration::days(rng.range(10, 30));
    let _ = writeln!(
        y,
        "# Generated by quarterdeck-gen-corpus: {}.\nfiscal_year: {}\nquarter: {}\n\
         title: Quarterly business review\nsubtitle: {}\ndepartment: Engineering and Product",
        fq.label(),
        fq.fy,
        fq.q,
        yaml_str(&format!("{} — how the quarter went", fq.label()))
    );
    let _ = writeln!(
        y,
        "meeting:\n  date: {meeting}\n  time: \"16:00–18:00 UTC\"\n  attendees:"
    );
    let present = people_sample(&mut rng, names, 8);
    for (n, p) in present.iter().enumerate() {
        if n == 6 {
            y.push_str("  remote_attendees:\n");
        }
        let _ = writeln!(y, "    - {}", yaml_str(p));
    }
    let minutes_by = person(&mut rng);
    let _ = writeln!(y, "  minutes_by: {}", yaml_str(&minutes_by));
    if !teams.is_empty() {
        y.push_str("sections:\n");
        for t in teams {
            let _ = writeln!(y, "  - {}", t.id);
        }
    }
    y.push_str("deck:\n  - title\n  - agenda\n");
    for t in teams {
        if scale.slides > 0 {
            let _ = writeln!(y, "  - narrative: {}", t.id);
        }
        let _ = writeln!(y, "  - section: {}", t.id);
    }
    y.push_str("  - department\n  - questions\n");
    y.push_str("highlights:\n");
    if !teams.is_empty() {
        y.push_str("  wins:\n");
        for _ in 0..6 {
            let team = &teams[rng.below(teams.len())].title;
            let _ = writeln!(
                y,
                "    - team: {}\n      text: {}",
                yaml_str(team),
                yaml_str(&achievement(&mut rng, "The team"))
            );
        }
    }
    for (key, n) in [
        ("challenges", 3),
        ("upcoming", 4),
        ("successes", 2),
        ("misses", 1),
    ] {
        let _ = writeln!(y, "  {key}:");
        for _ in 0..n {
            let text = match key {
                "challenges" | "misses" => capital(rng.pick(RISKS)) + ".",
                "upcoming" => format!(
                    "{} {} in {}.",
                    capital(rng.pick(crate::words::PLANS)),
                    rng.pick(THINGS),
                    rng.pick(REGIONS)
                ),
                _ => achievement(&mut rng, "We"),
            };
            let _ = writeln!(y, "    - {}", yaml_str(&text));
        }
    }
    y.push_str("  workflows:\n");
    for _ in 0..3 {
        workflow(&mut y, "    ", &mut rng);
    }
    files.add(&format!("{dir}/quarter.yaml"), y);

    // Sections and their narrative files.
    for (j, team) in teams.iter().enumerate() {
        let (text, c) = section(seed, i, j, team, scale);
        files.add(&format!("{dir}/sections/{}.yaml", team.id), text);
        counts += c;
        if scale.slides > 0 {
            let text = narrative(seed, i, j, team, scale.slides);
            files.add(&format!("{dir}/narrative/{}.md", team.id), text);
            counts.slides += scale.slides;
        }
    }

    // Minutes against a few slides of the deck.
    let mut m = format!(
        "Minutes by {minutes_by}. A paraphrase of what was said, not a transcript.\n\n\
         ## title\n\n{} opened the review of {}.\n\n## agenda\n\nNo changes to the agenda.\n",
        person(&mut rng),
        fq.label()
    );
    for team in rng.sample(teams, 3) {
        let _ = writeln!(
            m,
            "\n## {}\n\n{}: {}. {}\n",
            team.id,
            person(&mut rng),
            capital(rng.pick(RISKS)),
            filler(&mut rng, 1)
        );
        if (0..scale.kpis).any(|k| kpi_measured(seed, i, j_of(teams, team), k)) {
            let _ = writeln!(
                m,
                "## {}-kpis\n\n{} asked about the trend; the owner will follow up with the data.",
                team.id,
                person(&mut rng)
            );
        }
    }
    let _ = writeln!(
        m,
        "\n## questions\n\n{} asked how the plan for {} is staffed; answered offline.",
        person(&mut rng),
        rng.pick(THINGS)
    );
    files.add(&format!("{dir}/minutes.md"), m);
    (files, counts)
}

fn workflow(y: &mut String, indent: &str, rng: &mut Rng) {
    let _ = writeln!(
        y,
        "{indent}- category: {}\n{indent}  workflow: {}\n{indent}  comment: {}\n{indent}  type: {}",
        yaml_str(rng.pick(WORKFLOW_CATEGORIES)),
        yaml_str(&format!(
            "Requests about {} from other teams",
            rng.pick(THINGS)
        )),
        yaml_str(&format!(
            "About {} hours a week; *{}*.",
            rng.range(2, 20),
            rng.pick(OUTCOMES)
        )),
        rng.pick(&["new", "reactive", "maintenance"])
    );
}

/// A Markdown block scalar: `|` then the text indented by `indent`.
fn block(y: &mut String, key: &str, indent: &str, text: &str) {
    let _ = writeln!(y, "{indent}{key}: |");
    for line in text.lines() {
        if line.is_empty() {
            y.push('\n');
        } else {
            let _ = writeln!(y, "{indent}  {line}");
        }
    }
}

fn number(v: f64, decimals: usize) -> String {
    let text = format!("{v:.decimals$}");
    if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
        text[1..].to_string()
    } else {
        text
    }
}

fn section(seed: u64, i: usize, j: usize, team: &Team, scale: &Scale) -> (String, Counts) {
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
                capital(rng.pick(crate::words::PLANS)),
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
        if !kpi_measured(seed, i, j, k) {
            continue; // the next quarter compares with the one before
        }
        let mut q_rng = Rng::stream(seed, &[KPI_QUARTER, i as u64, j as u64, k as u64]);
        q_rng.next_u64(); // the draw kpi_measured made
        let id = if k < KPIS.len() {
            format!("{}-{}", team.id, kind.slug)
        } else {
            format!("{}-{}-{}", team.id, kind.slug, k / KPIS.len() + 1)
        };
        let value = kpi_value(seed, i, j, k, kind);
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
            let previous = clamp_kpi(previous, kind);
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
        objective(seed, i, j, o, team, scale, &mut y, &mut counts);
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
            capital(rng.pick(crate::words::PLANS)),
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

/// Whether KPI `k` of section `j` is measured in quarter `i`: now and then
/// a quarter lacks one (never the first).
fn kpi_measured(seed: u64, i: usize, j: usize, k: usize) -> bool {
    let mut q_rng = Rng::stream(seed, &[KPI_QUARTER, i as u64, j as u64, k as u64]);
    i == 0 || !q_rng.chance(0.02)
}

fn j_of(teams: &[Team], team: &Team) -> usize {
    teams.iter().position(|t| t.id == team.id).unwrap_or(0)
}

fn clamp_kpi(v: f64, kind: &crate::words::KpiKind) -> f64 {
    let v = v.max(kind.lo * 0.5);
    if kind.unit == "%" {
        v.min(if kind.hi > 99.0 { 99.999 } else { 100.0 })
    } else {
        v
    }
}

/// A KPI's value in quarter `i`: a base per section and KPI, a slow trend,
/// and noise per quarter, so trends across quarters look like trends.
fn kpi_value(seed: u64, i: usize, j: usize, k: usize, kind: &crate::words::KpiKind) -> f64 {
    let mut base_rng = Rng::stream(seed, &[KPI_BASE, j as u64, k as u64]);
    let base = base_rng.uniform(kind.lo, kind.hi);
    let trend = base_rng.uniform(-0.01, 0.02);
    let mut q_rng = Rng::stream(seed, &[KPI_QUARTER, i as u64, j as u64, k as u64]);
    q_rng.next_u64(); // the draw that decides whether the KPI is measured
    let noise = q_rng.uniform(-0.03, 0.03);
    let v = if kind.unit == "%" && kind.hi > 99.0 {
        // Availability: the gap to 100 % moves, not the figure.
        100.0 - (100.0 - base) * (1.0 + noise * 10.0)
    } else {
        base * (1.0 + trend * i as f64) * (1.0 + noise)
    };
    clamp_kpi(v, kind)
}

#[allow(clippy::too_many_arguments)]
fn objective(
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

/// The section's narrative file: a divider, then slides with lists,
/// tables, links, images, code, speaker notes and minutes.
fn narrative(seed: u64, i: usize, j: usize, team: &Team, slides: usize) -> String {
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

    #[test]
    fn quarters_follow_a_july_fiscal_year() {
        let q3 = Fq::of(2);
        assert_eq!(q3.label(), "Q3 FY15-16");
        assert_eq!(q3.start(), ymd(2016, 1, 1));
        assert_eq!(q3.end(), ymd(2016, 3, 31));
        assert_eq!(Fq::of(3).end(), ymd(2016, 6, 30));
        assert_eq!(Fq::of(4).folder(), "fy16-17-q1");
    }

    #[test]
    fn status_follows_progress() {
        assert_eq!(kr_status(1.0, 4), "done");
        assert_eq!(kr_status(0.25, 1), "on-track");
        assert_eq!(kr_status(-0.1, 2), "blocked");
        assert_eq!(kr_status(-0.1, 4), "missed");
    }
}
