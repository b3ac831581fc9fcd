//! One quarter folder: `quarter.yaml`, its sections, narrative files and
//! minutes, parsed and checked into a [`Quarter`].

mod files;

use super::checks::{Unique, check_id, check_key_result, check_time_split};
use super::markdown::{RefContext, check_found, check_markdown};
use super::narrative::{parse_minutes, parse_narrative};
use super::part::{Context, Found, Minutes, Part, QuarterParts};
use super::walk::{QuarterFiles, stem};
use super::{Source, read};
use crate::diagnostics::{Diagnostic, suggest};
use crate::markdown::depth::{MAX_DEPTH, too_deep};
use crate::markdown::refs::find_refs;
use crate::model::{
    DeckItem, FiscalCalendar, FiscalQuarter, Highlights, Id, Located, Narrative, Pos, Quarter,
    QuarterFile, Section, SectionFile, StatusTable,
};
use files::parse_narratives;
pub(crate) use files::{minutes_file, narrative_file, section_file};
use std::collections::BTreeMap;
use std::path::Path;

/// What loading one quarter folder produced.
#[derive(Clone)]
pub struct QuarterLoad {
    pub quarter: Option<std::sync::Arc<Quarter>>,
    pub problems: Vec<Diagnostic>,
    pub media: Vec<String>,
    pub sources: Vec<Source>,
}

impl QuarterLoad {
    fn of(quarter: Option<Quarter>, found: Found) -> Self {
        Self {
            quarter: quarter.map(std::sync::Arc::new),
            problems: found.problems,
            media: found.media,
            sources: found.sources,
        }
    }
}

/// Quarter folder `dir`: each of its files from `parts`, then the checks
/// across them (sections listed in quarter.yaml and present, ids unique
/// across the quarter, sub-teams, the deck's order).
pub(crate) fn load_quarter_from(
    parts: &dyn QuarterParts,
    cx: &Context,
    dir: &str,
    files: &QuarterFiles,
) -> QuarterLoad {
    let mut out = Found::default();
    let Some(qfile) = &files.quarter_yaml else {
        out.problems.push(
            Diagnostic::error(dir, "this quarter folder has no quarter.yaml")
                .expected("quarter.yaml with fiscal_year, quarter and title"),
        );
        return QuarterLoad::of(None, out);
    };
    let part = Part::take(parts.quarter_file(cx, qfile));
    out.extend(part.found);
    // A quarter.yaml that fails to parse does not hide the other files'
    // problems: the sections and narratives are read and checked anyway.
    let Some(meta) = part.value else {
        for file in &files.sections {
            out.extend(Part::take(parts.section(cx, file, None)).found);
        }
        parse_narratives(parts, cx, files, &mut out);
        return QuarterLoad::of(None, out);
    };
    let id = FiscalQuarter::new(*meta.fiscal_year, *meta.quarter);

    // Sections, in the order quarter.yaml lists them.
    let mut by_id = BTreeMap::new();
    for file in &files.sections {
        let part = Part::take(parts.section(cx, file, id));
        out.extend(part.found);
        if let Some(section) = part.value {
            by_id.insert(stem(file).to_string(), section);
        }
    }
    // Every section file, parsed or not: one that failed to parse is already
    // reported and must not also be called missing.
    let known: Vec<String> = files.sections.iter().map(|f| stem(f).to_string()).collect();
    let mut sections = Vec::new();
    let mut listed = Unique::new("section");
    for (i, sid) in meta.sections.iter().enumerate() {
        listed.add(
            qfile,
            &format!("sections[{i}]"),
            sid,
            sid.pos,
            &mut out.problems,
        );
        match by_id.remove(sid.as_str()) {
            Some(s) => sections.push(s),
            None if known.contains(&sid.value) => {}
            None => out
                .problems
                .push(missing_section(qfile, dir, i, sid, &known)),
        }
    }
    for (sid, s) in by_id {
        if meta.sections.is_empty() {
            sections.push(s);
        } else {
            out.problems.push(
                Diagnostic::error(
                    &s.file,
                    format!("section `{sid}` is not listed in quarter.yaml"),
                )
                .expected("every file in sections/ listed under `sections:` in quarter.yaml")
                .help(format!("add `- {sid}` to `sections:` in {qfile}")),
            );
        }
    }
    check_unique_ids(&sections, &mut out.problems);
    super::goals::check_subteams(&sections, &mut out.problems);

    let (narratives, minutes, minutes_preamble) = parse_narratives(parts, cx, files, &mut out);
    let deck = deck_order(
        qfile,
        &meta,
        &sections,
        &narratives,
        files,
        &mut out.problems,
    );
    let quarter = id.map(|id| Quarter {
        id,
        dir: dir.to_string(),
        file: meta,
        sections,
        narratives,
        minutes,
        minutes_preamble,
        deck,
    });
    QuarterLoad::of(quarter, out)
}

/// `quarter.yaml` of a quarter folder, parsed and checked on its own.
pub(crate) fn quarter_file(root: &Path, qfile: &str) -> Part<QuarterFile> {
    let mut out = Found::default();
    let Some(meta) = parse_file::<QuarterFile>(root, qfile, &mut out) else {
        return Part {
            value: None,
            found: out,
        };
    };
    let id = FiscalQuarter::new(*meta.fiscal_year, *meta.quarter);
    if !(1..=4).contains(&*meta.quarter) {
        out.problems.push(
            Diagnostic::error(qfile, format!("there is no quarter {}", *meta.quarter))
                .at_pos(meta.quarter.pos)
                .field("quarter")
                .expected("1, 2, 3 or 4"),
        );
    } else if id.is_none() {
        out.problems.push(
            Diagnostic::error(
                qfile,
                format!("fiscal year {} is out of range", *meta.fiscal_year),
            )
            .at_pos(meta.fiscal_year.pos)
            .field("fiscal_year")
            .expected("a four-digit year, the calendar year the fiscal year starts in"),
        );
    }
    check_highlights(root, qfile, &meta.highlights, &mut out);
    Part {
        value: Some(meta),
        found: out,
    }
}

fn parse_file<T: serde::de::DeserializeOwned>(
    root: &Path,
    file: &str,
    out: &mut Found,
) -> Option<T> {
    let text = read_source(root, file, out)?;
    let parsed = super::yaml::parse::<T>(file, &text);
    keep_source(out, file, text);
    match parsed {
        Ok(v) => Some(v),
        Err(d) => {
            out.problems.extend(d);
            None
        }
    }
}

/// The text of `file`, or its problem recorded in `out`. Once read, the
/// text is kept with [`keep_source`] (for diagnostics), not copied.
fn read_source(root: &Path, file: &str, out: &mut Found) -> Option<String> {
    match read(root, file) {
        Ok(text) => Some(text),
        Err(d) => {
            out.problems.push(d);
            None
        }
    }
}

fn keep_source(out: &mut Found, file: &str, text: String) {
    out.sources.push(Source {
        file: file.to_string(),
        text: text.into(),
    });
}

fn parse_target(
    cal: &FiscalCalendar,
    file: &str,
    index: usize,
    target: Option<&Located<String>>,
    problems: &mut Vec<Diagnostic>,
) -> Option<FiscalQuarter> {
    let target = target?;
    let parsed = cal.parse_quarter(target);
    if parsed.is_none() {
        problems.push(
            Diagnostic::error(file, format!("`{}` is not a quarter", target.value))
                .at_pos(target.pos)
                .field(format!("objectives[{index}].target_quarter"))
                .expected("a quarter such as `2020 Q4` (fiscal year as in quarter.yaml) or the site's label, e.g. `Q4 FY20-21`"),
        );
    }
    parsed
}

fn missing_section(
    qfile: &str,
    dir: &str,
    i: usize,
    sid: &Located<String>,
    known: &[String],
) -> Diagnostic {
    let d = Diagnostic::error(qfile, format!("section `{}` has no file", sid.value))
        .at_pos(sid.pos)
        .field(format!("sections[{i}]"))
        .expected(format!("a file {dir}/sections/{}.yaml", sid.value));
    match suggest(sid, known.iter().map(String::as_str)) {
        Some(s) => d.help(format!("did you mean `{s}`?")),
        None => d,
    }
}

/// KPI and objective ids are unique across the quarter; key-result ids
/// within their objective; section and objective ids share the slide-id space.
fn check_unique_ids(sections: &[Section], problems: &mut Vec<Diagnostic>) {
    let mut kpis = Unique::new("KPI");
    let mut objectives = Unique::new("objective or section");
    for s in sections {
        objectives.add(&s.file, "file name", &s.id, Pos::default(), problems);
    }
    for s in sections {
        for (i, k) in s.data.kpis.iter().enumerate() {
            kpis.add(&s.file, &format!("kpis[{i}].id"), &k.id, k.id.pos, problems);
        }
        for (i, o) in s.data.objectives.iter().enumerate() {
            objectives.add(
                &s.file,
                &format!("objectives[{i}].id"),
                &o.id,
                o.id.pos,
                problems,
            );
            let mut krs = Unique::new("key result");
            for (j, kr) in o.key_results.iter().enumerate() {
                krs.add(
                    &s.file,
                    &format!("objectives[{i}].key_results[{j}].id"),
                    &kr.id,
                    kr.id.pos,
                    problems,
                );
            }
        }
    }
}

/// [`check_section`] on what is left of a section file in error once its
/// entries in error were set aside (see `yaml::parse_with_rest`), so that
/// one run reports these problems too. No field path is given: list items
/// set aside shift the indices, while the line and column stay exact.
fn check_section_rest(root: &Path, file: &str, rest: &SectionFile, out: &mut Found) {
    let before = out.problems.len();
    check_section(root, file, rest, out);
    for d in &mut out.problems[before..] {
        d.field = None;
    }
}

fn check_section(root: &Path, file: &str, data: &SectionFile, out: &mut Found) {
    let p = &mut out.problems;
    if let Some(split) = &data.time_split {
        check_time_split(file, split, p);
    }
    if let Some(fte) = &data.fte
        && (!fte.is_finite() || **fte < 0.0)
    {
        p.push(
            Diagnostic::error(file, format!("FTE of {} is not a team size", **fte))
                .at_pos(fte.pos)
                .field("fte")
                .expected("a number of full-time equivalents, 0 or more"),
        );
    }
    if let (Some(_), Some(text)) = (&data.fte, &data.fte_text) {
        p.push(
            Diagnostic::error(
                file,
                "the team size is given twice, as `fte` and `fte_text`",
            )
            .at_pos(text.pos)
            .field("fte_text")
            .expected("one of `fte` (a number) and `fte_text` (in words)")
            .help("keep the one the review prints"),
        );
    }
    for (i, k) in data.kpis.iter().enumerate() {
        check_id(file, &format!("kpis[{i}].id"), &k.id, p);
        // `.nan` and `.inf` are YAML numbers but no figure of a review.
        for (name, figure) in [("value", k.value), ("previous", k.previous)] {
            if figure.is_some_and(|v| !v.is_finite()) {
                p.push(
                    Diagnostic::error(file, format!("KPI {name} is not a finite number"))
                        .at_pos(k.id.pos)
                        .field(format!("kpis[{i}].{name}"))
                        .expected("a number, such as `440` or `99.962`")
                        .help(format!("write the figure, or use `{name}_text` for words")),
                );
            }
        }
        // A KPI without a value: checked once `metrics/` is merged in
        // (`super::metrics::check_values`).
    }
    for (i, o) in data.objectives.iter().enumerate() {
        check_id(file, &format!("objectives[{i}].id"), &o.id, p);
        for (j, kr) in o.key_results.iter().enumerate() {
            let field = format!("objectives[{i}].key_results[{j}]");
            check_id(file, &format!("{field}.id"), &kr.id, p);
            check_key_result(file, &field, kr, p);
        }
    }
    check_markdown_list(root, file, parent(file), &data.markdown_fields(), out);
    check_highlights(root, file, &data.highlights, out);
}

fn check_highlights(root: &Path, file: &str, h: &Highlights, out: &mut Found) {
    let source = out.sources.iter().rev().find(|s| s.file == file);
    let source = source.map(|s| &*s.text);
    super::goals::check_workflows(file, h, source, &mut out.problems);
    check_markdown_list(root, file, parent(file), &h.markdown_fields(), out);
}

/// Markdown inside YAML: problems point at where the offending URL is
/// written in the YAML file.
fn check_markdown_list(root: &Path, file: &str, base_dir: &str, texts: &[&str], out: &mut Found) {
    let source = out
        .sources
        .iter()
        .rev()
        .find(|s| s.file == file)
        .map(|s| &*s.text);
    for text in texts {
        // Where the text is written in the YAML file: at its first
        // reference, or for nesting, at its first line.
        let refs = find_refs(text);
        let needle = match refs.first() {
            Some(first) => first.url.clone(),
            None if too_deep(text, MAX_DEPTH).is_some() => {
                text.lines().next().unwrap_or("").trim().to_string()
            }
            None => continue,
        };
        let pos = source
            .and_then(|s| Pos::of_first(s, &needle))
            .unwrap_or_default();
        let ctx = RefContext {
            file,
            base_dir,
            root,
            line_offset: 1,
            fixed_pos: Some(pos),
        };
        let (problems, media) = check_found(text, refs, &ctx);
        out.problems.extend(problems);
        out.media.extend(media);
    }
}

fn check_markdown_file(root: &Path, file: &str, text: &str, out: &mut Found) {
    let ctx = RefContext {
        file,
        base_dir: parent(file),
        root,
        line_offset: 1,
        fixed_pos: None,
    };
    let (problems, media) = check_markdown(text, &ctx);
    out.problems.extend(problems);
    out.media.extend(media);
}

fn parent(file: &str) -> &str {
    file.rsplit_once('/').map_or("", |(d, _)| d)
}

fn deck_order(
    qfile: &str,
    meta: &QuarterFile,
    sections: &[Section],
    narratives: &BTreeMap<String, Narrative>,
    files: &QuarterFiles,
    problems: &mut Vec<Diagnostic>,
) -> Vec<DeckItem> {
    let Some(items) = &meta.deck else {
        let mut deck = vec![
            DeckItem::Title,
            DeckItem::Agenda,
            DeckItem::SinceLastQuarter,
        ];
        deck.extend(narratives.keys().map(|n| DeckItem::Narrative(n.clone())));
        deck.extend(sections.iter().map(|s| DeckItem::Section(s.id.clone())));
        deck.extend([DeckItem::Department, DeckItem::Questions]);
        return deck;
    };
    let section_ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).collect();
    let mut seen: Vec<&DeckItem> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let field = format!("deck[{i}]");
        let (known, what, name): (Vec<&str>, &str, &str) = match &item.value {
            DeckItem::Section(name) => (section_ids.clone(), "section", name),
            DeckItem::Narrative(name) => (
                narratives.keys().map(String::as_str).collect(),
                "narrative file",
                name,
            ),
            _ => (Vec::new(), "", ""),
        };
        // A file that exists but failed to parse is reported already.
        let exists = match &item.value {
            DeckItem::Section(name) => files.sections.iter().any(|f| stem(f) == name.as_str()),
            DeckItem::Narrative(name) => files.narratives.iter().any(|f| stem(f) == name),
            _ => false,
        };
        if !what.is_empty() && !known.contains(&name) && !exists {
            let d = Diagnostic::error(
                qfile,
                format!("the deck names {what} `{name}`, which this quarter does not have"),
            )
            .at_pos(item.pos)
            .field(&field)
            .expected(if known.is_empty() {
                format!("no {what}s exist in this quarter")
            } else {
                format!("one of {}", known.join(", "))
            });
            problems.push(match suggest(name, known.iter().copied()) {
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None => d,
            });
        }
        if seen.contains(&&item.value) {
            problems.push(
                Diagnostic::error(qfile, "this deck item appears twice")
                    .at_pos(item.pos)
                    .field(&field)
                    .expected("each deck item once")
                    .help("remove one of the two"),
            );
        }
        seen.push(&item.value);
    }
    items.iter().map(|i| i.value.clone()).collect()
}
