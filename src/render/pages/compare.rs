//! Two quarters side by side: a quarter and the same quarter of the
//! previous fiscal year (`<quarter>/year-over-year.html`, built whenever
//! both are in the repository), or any pair asked for with `compare:` in
//! site.yaml or `build --compare A B` (`compare/<a>-with-<b>.html`). It
//! shows the KPIs both report, the objectives carried from one to the
//! other with their statuses, those in one only, and each team's size.
//! Every change shown is computed, and marked so.

use super::quarter::QuarterLink;
use super::team::view::status;
use super::{SiteView, render};
use crate::derive::{Derived, precision, round_to};
use crate::diagnostics::Diagnostic;
use crate::model::{FiscalQuarter, Quarter, Site};
use crate::numbers::format_value;
use crate::render::strings::Strings;
use crate::render::urls::{
    Urls, compare_path, kpi_path, objective_path, team_path, year_over_year_path,
};
use crate::render::views::StatusView;
use crate::render::views::kpi::value_words;
use crate::write::OutputFile;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Tera;

/// The context of `compare.html`.
#[derive(Debug, Default, Serialize)]
pub struct ComparePage<'a> {
    pub site: SiteView<'a>,
    pub compare: CompareView,
}

#[derive(Debug, Default, Serialize)]
pub struct CompareView {
    /// The earlier quarter.
    pub from: QuarterLink,
    /// The later quarter.
    pub to: QuarterLink,
    /// Whether `from` is the same quarter of the previous fiscal year.
    pub year_over_year: bool,
    /// KPIs in both quarters, by name.
    pub kpis: Vec<CompareKpi>,
    /// Objectives (by id) in both quarters, in `to`'s order.
    pub carried: Vec<CarriedObjective>,
    /// Objectives in `from` only.
    pub dropped: Vec<CompareObjective>,
    /// Objectives in `to` only.
    pub added: Vec<CompareObjective>,
    /// Every team in either quarter, by title.
    pub teams: Vec<CompareTeam>,
}

#[derive(Debug, Default, Serialize)]
pub struct CompareKpi {
    pub name: String,
    pub unit: String,
    pub from: String,
    pub to: String,
    /// `to − from`, computed, with its sign.
    pub change: String,
    /// The link to the KPI's page.
    pub url: String,
}

#[derive(Debug, Default, Serialize)]
pub struct CompareObjective {
    pub title: String,
    pub team: String,
    pub status: StatusView,
    /// The link to the objective's page in its quarter.
    pub url: String,
}

#[derive(Debug, Default, Serialize)]
pub struct CarriedObjective {
    pub title: String,
    pub team: String,
    pub from: StatusView,
    pub to: StatusView,
    /// The link to the objective's page in the later quarter.
    pub url: String,
}

#[derive(Debug, Default, Serialize)]
pub struct CompareTeam {
    pub title: String,
    /// The link to the team's page.
    pub url: String,
    /// FTE as written, when the quarter states it (`None`: the team is
    /// in the quarter but states no size, or is not in it; see `in_from`).
    pub from: Option<String>,
    pub to: Option<String>,
    /// `from` (`to`) is the size in words, as written: no FTE after it.
    pub from_words: bool,
    pub to_words: bool,
    pub in_from: bool,
    pub in_to: bool,
}

/// The quarter a fiscal year before `q` when `q` has a year-over-year
/// page: the repository has both, and one of them states something the
/// page compares (objectives, KPIs, a team's size or time split). Two
/// quarters of narrative only would get a page saying there is nothing to
/// compare, so they get none, and nothing links to it.
pub fn year_before(site: &Site, q: &Quarter) -> Option<FiscalQuarter> {
    let figures = |q: &Quarter| {
        q.objectives().next().is_some()
            || q.kpis().next().is_some()
            || q.sections.iter().any(|s| {
                s.data.fte.is_some() || s.data.fte_text.is_some() || s.data.time_split.is_some()
            })
    };
    let before = FiscalQuarter::new(q.id.fiscal_year - 1, q.id.quarter)?;
    let earlier = site.quarter(before)?;
    (figures(q) || figures(earlier)).then_some(before)
}

/// The pairs to compare: each quarter with the same quarter a fiscal year
/// before, where it has a year-over-year page ([`year_before`]), then the
/// pairs `asked` for. Each pair once, earlier quarter first.
pub fn pairs(
    site: &Site,
    asked: &[(FiscalQuarter, FiscalQuarter)],
) -> Vec<(FiscalQuarter, FiscalQuarter, String)> {
    let mut out: Vec<(FiscalQuarter, FiscalQuarter, String)> = Vec::new();
    for q in &site.quarters {
        if let Some(before) = year_before(site, q) {
            out.push((before, q.id, year_over_year_path(&site.calendar.slug(q.id))));
        }
    }
    for &(a, b) in asked {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        if a == b || out.iter().any(|(x, y, _)| (*x, *y) == (a, b)) {
            continue;
        }
        if site.quarter(a).is_some() && site.quarter(b).is_some() {
            let path = compare_path(&site.calendar.slug(a), &site.calendar.slug(b));
            out.push((a, b, path));
        }
    }
    out
}

/// Every comparison page for which `select` (the two quarters and the
/// page's path) is true: a live preview renders only those whose
/// quarters changed.
pub fn compare_pages(
    site: &Site,
    derived: &Derived,
    asked: &[(FiscalQuarter, FiscalQuarter)],
    tera: &Tera,
    strings: &Strings,
    public: Option<&str>,
    select: &dyn Fn(FiscalQuarter, FiscalQuarter, &str) -> bool,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for (a, b, path) in pairs(site, asked) {
        if !select(a, b, &path) {
            continue;
        }
        let (Some(from), Some(to)) = (site.quarter(a), site.quarter(b)) else {
            continue;
        };
        let urls = Urls::new(&path, public, false);
        let page = ComparePage {
            site: SiteView::new(site, &urls, None),
            compare: view(site, derived, from, to, &urls, strings),
        };
        match render(tera, "compare.html", &page, path) {
            Ok(f) => files.push(f),
            Err(d) => problems.push(d),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

fn view(
    site: &Site,
    derived: &Derived,
    from: &Quarter,
    to: &Quarter,
    urls: &Urls,
    strings: &Strings,
) -> CompareView {
    let num = |x: f64| strings.number(format_value(x));
    let from_slug = site.calendar.slug(from.id);
    let to_slug = site.calendar.slug(to.id);
    let earlier: BTreeMap<&str, _> = from.kpis().map(|(_, k)| (k.id.as_str(), k)).collect();
    let mut kpis: Vec<CompareKpi> = to
        .kpis()
        .filter_map(|(_, k)| {
            let before = earlier.get(k.id.as_str())?;
            // A value in words is shown as written, and no change computed.
            let change = match (before.value, k.value) {
                (Some(a), Some(b)) => {
                    let places = precision(&[a, b]);
                    let change = round_to(b - a, places);
                    let sign = if change > 0.0 {
                        "+"
                    } else if change < 0.0 {
                        "−"
                    } else {
                        "±"
                    };
                    format!("{sign}{}", num(change.abs()))
                }
                _ => String::new(),
            };
            Some(CompareKpi {
                name: k.name.clone(),
                unit: k.unit.clone().unwrap_or_default(),
                from: value_words(strings, before),
                to: value_words(strings, k),
                change,
                url: urls.to(&kpi_path(k.id.as_str())),
            })
        })
        .collect();
    kpis.sort_by(|a, b| a.name.cmp(&b.name));
    let old: BTreeMap<&str, _> = from
        .objectives()
        .map(|(s, o)| (o.id.as_str(), (s, o)))
        .collect();
    let new: BTreeMap<&str, _> = to
        .objectives()
        .map(|(s, o)| (o.id.as_str(), (s, o)))
        .collect();
    let objective = |q: &Quarter, slug: &str, id: &str| {
        let (s, o) = q.objectives().find(|(_, o)| o.id.as_str() == id)?;
        Some(CompareObjective {
            title: o.title.clone(),
            team: s.data.title.clone(),
            status: status(strings, &o.stated),
            url: urls.to(&objective_path(slug, id)),
        })
    };
    let carried = to
        .objectives()
        .filter_map(|(s, o)| {
            let (_, before) = old.get(o.id.as_str())?;
            Some(CarriedObjective {
                title: o.title.clone(),
                team: s.data.title.clone(),
                from: status(strings, &before.stated),
                to: status(strings, &o.stated),
                url: urls.to(&objective_path(&to_slug, o.id.as_str())),
            })
        })
        .collect();
    let dropped = from
        .objectives()
        .filter(|(_, o)| !new.contains_key(o.id.as_str()))
        .filter_map(|(_, o)| objective(from, &from_slug, o.id.as_str()))
        .collect();
    let added = to
        .objectives()
        .filter(|(_, o)| !old.contains_key(o.id.as_str()))
        .filter_map(|(_, o)| objective(to, &to_slug, o.id.as_str()))
        .collect();
    let mut teams: BTreeMap<String, CompareTeam> = BTreeMap::new();
    for (q, is_to) in [(from, false), (to, true)] {
        for s in &q.sections {
            let key = derived.teams.key_of(q.id, s.id.as_str()).unwrap_or(&s.id);
            let t = teams.entry(key.to_string()).or_insert_with(|| CompareTeam {
                url: urls.to(&team_path(key)),
                ..CompareTeam::default()
            });
            t.title = s.data.title.clone();
            let words = s.data.fte_text.as_ref().map(|t| t.value.clone());
            let in_words = s.data.fte.is_none() && words.is_some();
            let fte = s.data.fte.as_ref().map(|f| num(f.value)).or(words);
            if is_to {
                t.to = fte;
                t.to_words = in_words;
                t.in_to = true;
            } else {
                t.from = fte;
                t.from_words = in_words;
                t.in_from = true;
            }
        }
    }
    let mut teams: Vec<CompareTeam> = teams.into_values().collect();
    teams.sort_by(|a, b| a.title.cmp(&b.title));
    CompareView {
        from: QuarterLink::new(site, from.id, urls),
        to: QuarterLink::new(site, to.id, urls),
        year_over_year: from.id.fiscal_year + 1 == to.id.fiscal_year
            && from.id.quarter == to.id.quarter,
        kpis,
        carried,
        dropped,
        added,
        teams,
    }
}

/// The pairs `compare:` in site.yaml and `build --compare A B` (`cli`)
/// ask for, each quarter parsed and required to be in the repository.
pub fn asked_pairs(
    site: &Site,
    cli: &[(String, String)],
) -> Result<Vec<(FiscalQuarter, FiscalQuarter)>, Vec<Diagnostic>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let have = || {
        let labels: Vec<String> = site
            .quarters
            .iter()
            .map(|q| site.calendar.label(q.id))
            .collect();
        format!("a quarter of the repository: {}", labels.join(", "))
    };
    let mut quarter = |text: &str, at: Option<(&str, crate::model::Pos)>| {
        let found = site
            .calendar
            .parse_quarter(text)
            .filter(|q| site.quarter(*q).is_some());
        if found.is_none() {
            let d = match at {
                Some((field, pos)) => Diagnostic::error(
                    "site.yaml",
                    format!("`{text}` is not a quarter of the repository"),
                )
                .at_pos(pos)
                .field(field),
                None => Diagnostic::error(
                    format!("--compare {text}"),
                    format!("`{text}` is not a quarter of the repository"),
                ),
            };
            problems.push(
                d.expected(have())
                    .help("write a quarter such as `2020 Q3` or `Q3 FY20-21`"),
            );
        }
        found
    };
    for (i, pair) in site.config.compare.iter().enumerate() {
        let a = quarter(
            &pair.from,
            Some((&format!("compare[{i}].from"), pair.from.pos)),
        );
        let b = quarter(&pair.to, Some((&format!("compare[{i}].to"), pair.to.pos)));
        if let (Some(a), Some(b)) = (a, b) {
            out.push((a, b));
        }
    }
    for (a, b) in cli {
        if let (Some(a), Some(b)) = (quarter(a, None), quarter(b, None)) {
            out.push((a, b));
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}
