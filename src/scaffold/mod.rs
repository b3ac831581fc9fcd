//! Scaffolds: `quarterdeck new quarter` starts the next quarter from the
//! latest one, and `quarterdeck init` creates a new review repository with
//! a small working example. Both write into a hidden staging folder first
//! and move it into place whole, and neither ever overwrites anything.

mod example;
pub mod yaml;

use crate::model::{
    DeckItem, Direction, FiscalQuarter, KeyResult, Kpi, Objective, Quarter, Section, Site, Status,
    TargetScope,
};
use crate::progress::Observer;
use std::fs;
use std::path::{Path, PathBuf};
use yaml::Yaml;

/// What a scaffold will write: paths relative to its folder, and text.
pub type Files = Vec<(String, String)>;

/// `quarterdeck new quarter [ID]`.
pub fn new_quarter(content: &Path, id: Option<&str>, console: &dyn Observer) -> Result<(), String> {
    let loaded = crate::load::load(content);
    let Some(site) = loaded.site else {
        let outcome = crate::Outcome {
            report: loaded.report,
            sources: loaded.sources,
            pages: 0,
            timings: Vec::new(),
        };
        return Err(format!(
            "{}\nthe content has errors; fix them before starting a new quarter (nothing was written)",
            outcome.render_some(content, false)
        ));
    };
    let plan = plan_quarter(&site, id)?;
    let target = content.join(&plan.dir);
    write_new_folder(&target, &plan.files)?;
    console.say(&plan.summary);
    Ok(())
}

/// A scaffolded quarter, not yet written.
pub struct QuarterPlan {
    /// The folder, relative to the content root: `quarters/fy20-21-q3`.
    pub dir: String,
    pub id: FiscalQuarter,
    /// Files relative to the quarter folder.
    pub files: Files,
    pub summary: String,
}

/// Plan the quarter `id` (default: the one after the latest) from the
/// latest quarter of `site`.
pub fn plan_quarter(site: &Site, id: Option<&str>) -> Result<QuarterPlan, String> {
    let cal = &site.calendar;
    let latest = site.quarters.last().ok_or(
        "the repository has no quarter to start from: write one by hand (see docs/content-format.md) or start with `quarterdeck init`",
    )?;
    let id = match id {
        None => latest.id.next(),
        Some(text) => cal.parse_quarter(text).ok_or_else(|| {
            format!("`{text}` is not a quarter: write it like `2021 Q1` or `Q1 FY21-22`")
        })?,
    };
    if let Some(existing) = site.quarter(id) {
        return Err(format!(
            "{} already exists in {}; nothing was written",
            cal.label(id),
            existing.dir
        ));
    }
    let dir = format!("quarters/{}", cal.slug(id));
    if site.root.join(&dir).exists() {
        return Err(format!(
            "{dir} already exists; nothing was written (remove it or pass another quarter)"
        ));
    }
    let from = cal.label(latest.id);
    let mut files = vec![("quarter.yaml".to_string(), quarter_yaml(site, latest, id))];
    let (mut kpis, mut objectives, mut left_out) = (0, 0, 0);
    for s in &latest.sections {
        let (text, counts) = section_yaml(site, s, &from);
        kpis += counts.0;
        objectives += counts.1;
        left_out += counts.2;
        files.push((format!("sections/{}.yaml", s.id), text));
        files.push((format!("narrative/{}.md", s.id), narrative_stub(s)));
    }
    let summary = format!(
        "created {dir} for {} from {from}: {} section{}, {kpis} KPI{} and {objectives} objective{} carried forward ({left_out} done or cancelled left out); \
         fill in the values, statuses and narrative, then run `quarterdeck check`; \
         it is a draft (`draft: true`), shown by `quarterdeck serve` and left out of `build` until you delete that line",
        cal.label(id),
        latest.sections.len(),
        plural(latest.sections.len()),
        plural(kpis),
        plural(objectives),
    );
    Ok(QuarterPlan {
        dir,
        id,
        files,
        summary,
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The first line of a content file when it is a yaml-language-server
/// modeline: the new file sits at the same depth, so it carries over.
fn modeline(site: &Site, rel: &str) -> Option<String> {
    let text = fs::read_to_string(site.root.join(rel)).ok()?;
    let first = text.lines().next()?;
    first
        .starts_with("# yaml-language-server:")
        .then(|| first.to_string())
}

fn quarter_yaml(site: &Site, latest: &Quarter, id: FiscalQuarter) -> String {
    let mut y = Yaml::new();
    if let Some(line) = modeline(site, &format!("{}/quarter.yaml", latest.dir)) {
        y.comment(0, line.trim_start_matches("# "));
    }
    y.num(0, "fiscal_year", f64::from(id.fiscal_year), None);
    y.num(0, "quarter", f64::from(id.quarter), None);
    y.flag(
        0,
        "draft",
        true,
        Some("left out of `build` until you delete this line; `serve` shows it"),
    );
    y.str(0, "title", &latest.file.title);
    y.opt_str(0, "department", latest.file.department.as_deref());
    y.comment(
        0,
        "The review meeting, once it is planned:\nmeeting:\n  date: YYYY-MM-DD\n  attendees: []",
    );
    let ids: Vec<String> = latest.sections.iter().map(|s| s.id.to_string()).collect();
    y.list(0, "sections", &ids);
    // Each section's narrative stub just before the section's own slides.
    y.open(0, "deck");
    let mut deck = vec![
        DeckItem::Title,
        DeckItem::Agenda,
        DeckItem::SinceLastQuarter,
    ];
    for s in &latest.sections {
        deck.push(DeckItem::Narrative(s.id.to_string()));
        deck.push(DeckItem::Section(s.id.clone()));
    }
    deck.extend([DeckItem::Department, DeckItem::Questions]);
    let mut text = y.finish();
    for item in deck {
        let line = match item {
            DeckItem::Title => "title".to_string(),
            DeckItem::Agenda => "agenda".to_string(),
            DeckItem::SinceLastQuarter => "since-last-quarter".to_string(),
            DeckItem::Department => "department".to_string(),
            DeckItem::Questions => "questions".to_string(),
            DeckItem::Narrative(n) => format!("narrative: {}", yaml::scalar(&n)),
            DeckItem::Section(s) => format!("section: {}", yaml::scalar(&s)),
            DeckItem::NoData(t) => format!("no-data: {}", yaml::scalar(&t)),
        };
        text.push_str(&format!("  - {line}\n"));
    }
    text
}

/// A section carried forward: its standing description, KPIs with last
/// quarter's values as `previous`, and the objectives not yet done.
/// Returns the YAML and (KPIs, objectives carried, objectives left out).
fn section_yaml(site: &Site, s: &Section, from: &str) -> (String, (usize, usize, usize)) {
    let d = &s.data;
    let mut y = Yaml::new();
    if let Some(line) = modeline(site, &s.file) {
        y.comment(0, line.trim_start_matches("# "));
    }
    y.str(0, "title", &d.title);
    y.opt_str(0, "kind", d.kind.as_deref());
    y.opt_str(0, "owner", d.owner.as_deref());
    if let Some(fte) = &d.fte {
        y.num(0, "fte", fte.value, None);
    }
    y.opt_str(0, "fte_text", d.fte_text.as_deref().map(String::as_str));
    if let Some(split) = &d.time_split {
        y.open(0, "time_split");
        for (name, share) in split.value.iter() {
            y.num(2, name, *share, None);
        }
    }
    y.opt_str(0, "overview", d.overview.as_deref());
    if !d.kpis.is_empty() {
        y.open(0, "kpis");
        for k in &d.kpis {
            kpi_yaml(&mut y, k, from);
        }
    }
    let (open, done): (Vec<&Objective>, Vec<&Objective>) = d
        .objectives
        .iter()
        .partition(|o| !matches!(o.stated.status, Status::Done | Status::Cancelled));
    if !open.is_empty() {
        y.open(0, "objectives");
        for o in &open {
            objective_yaml(&mut y, o, from);
        }
    }
    (y.finish(), (d.kpis.len(), open.len(), done.len()))
}

fn kpi_yaml(y: &mut Yaml, k: &Kpi, from: &str) {
    y.item();
    y.str(4, "id", &k.id);
    y.str(4, "name", &k.name);
    y.opt_str(4, "unit", k.unit.as_deref());
    if k.direction == Direction::Lower {
        y.word(4, "direction", "lower", None);
    }
    match k.value {
        Some(v) => {
            let last = yaml::number(v);
            y.num(
                4,
                "value",
                v,
                Some(&format!("{from}'s value: replace with this quarter's")),
            );
            y.num(4, "previous", v, Some(&format!("{from}: {last}")));
        }
        None => {
            let was = k.value_text.as_deref().unwrap_or("");
            y.comment(4, &format!("value: this quarter's value ({from}: {was})"));
        }
    }
    y.opt_str(4, "description", k.description.as_deref());
}

fn objective_yaml(y: &mut Yaml, o: &Objective, from: &str) {
    y.item();
    y.str(4, "id", &o.id);
    y.str(4, "title", &o.title);
    y.opt_str(4, "category", o.category.as_deref());
    y.opt_str(4, "owner", o.owner.as_deref());
    y.opt_str(4, "description", o.description.as_deref());
    y.list(4, "measures", &o.measures);
    // No status is filled in: left out, the objective shows "no status
    // given" until the author states one.
    let was = o
        .status
        .as_ref()
        .map_or("no status given", |s| s.value.as_str());
    y.comment(4, &format!("status: this quarter's status ({from}: {was})"));
    y.list(4, "people", &o.people);
    if let Some(t) = &o.target_quarter {
        y.str(4, "target_quarter", t);
    }
    if !o.key_results.is_empty() {
        y.open(4, "key_results");
        for kr in &o.key_results {
            key_result_yaml(y, kr);
        }
    }
}

fn key_result_yaml(y: &mut Yaml, kr: &KeyResult) {
    y.item();
    y.str(8, "id", &kr.id);
    y.str(8, "title", &kr.title);
    y.opt_str(8, "owner", kr.owner.as_deref());
    y.opt_str(8, "unit", kr.unit.as_deref());
    if let Some(b) = &kr.baseline {
        y.num(8, "baseline", b.value, None);
    }
    y.opt_str(8, "baseline_text", kr.baseline_text.as_deref());
    if let Some(t) = &kr.target {
        y.num(8, "target", t.value, None);
    }
    y.opt_str(8, "target_text", kr.target_text.as_deref());
    if kr.target_scope == TargetScope::Quarter {
        y.word(8, "target_scope", "quarter", None);
    }
    if let Some(d) = &kr.direction {
        let word = match d.value {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
        };
        y.word(8, "direction", word, None);
    }
}

fn narrative_stub(s: &Section) -> String {
    let title = s.data.title.replace(['\n', '\r'], " ");
    format!(
        "---\ntitle: {}\n---\n\n# {title}: this quarter {{#{}-story}}\n\n\
         The quarter of {title} in a few lines: the headline, what went well,\n\
         what did not, and what comes next.\n\n\
         ::: notes\nWhat to say on this slide.\n:::\n",
        yaml::scalar(&title),
        s.id
    )
}

/// `quarterdeck init DIR`.
pub fn init(dir: &Path, console: &dyn Observer) -> Result<(), String> {
    let files = example::files(example::today());
    if files.is_empty() {
        return Err(
            "the system clock gives a date outside the years quarterdeck supports (1000–9998)"
                .to_string(),
        );
    }
    write_new_folder(dir, &files)?;
    console.say(&format!(
        "created a review repository in {0}: `cd {0}`, then `quarterdeck serve` for a live preview, \
         or `quarterdeck check` and `quarterdeck build`",
        dir.display()
    ));
    Ok(())
}

/// Create `target` holding `files`, or fail without leaving anything
/// behind. An existing empty folder is replaced; anything else is refused.
pub fn write_new_folder(target: &Path, files: &Files) -> Result<(), String> {
    let shown = target.display();
    let empty_dir = target.is_dir()
        && fs::read_dir(target)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
    if target.exists() && !empty_dir {
        return Err(format!(
            "{shown} already exists and is not empty; nothing was written"
        ));
    }
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".quarterdeck-new-")
        .tempdir_in(&parent)
        .map_err(|e| format!("cannot write into {}: {e}", parent.display()))?;
    for (rel, text) in files {
        let path = staging.path().join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    if empty_dir {
        fs::remove_dir(target).map_err(|e| format!("cannot replace {shown}: {e}"))?;
    }
    fs::rename(staging.path(), target).map_err(|e| format!("cannot create {shown}: {e}"))?;
    // The staging folder now is the target: nothing left to clean up.
    let _ = staging.keep();
    Ok(())
}
