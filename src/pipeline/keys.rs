//! Render keys: a hash of everything a page reads, so that equal keys mean
//! identical pages. Each value is hashed whole, through its `Debug` form
//! (derived on every model and derived type, so a field added later is
//! covered without touching this file); nothing is picked field by field.
//!
//! What a quarter's pages read (from `render`): the quarter itself and its
//! derived figures; what every page shows (settings, roster, media, theme,
//! render options, every quarter's id, folder and `quarter.yaml`, which
//! give the labels of neighbours and navigation); the sections of every
//! quarter up to it (trends, changes and key results compare with earlier
//! quarters); and, for each of its objectives, that objective in every
//! quarter that has it (its history).
//!
//! Inside a quarter, an objective's page is keyed by what it reads: what
//! every page shows, its section, the deck's order, the objective in every
//! quarter that has it and its key results' derived figures
//! ([`Keys::objectives`]). The deck's slides are keyed by the render
//! itself, from their data, under [`Keys::slides`].
//!
//! The pages that read every quarter are keyed by what of each quarter
//! they read: a team page by its team's section in each quarter (with
//! the sections it links as its parent or sub-teams, and whether the deck
//! shows it) and by the slides about it ([`team_page`]); a comparison by
//! the sections of its two quarters; the index by every quarter's
//! sections and derived figures. The search index is keyed per file in
//! [`super::search`].

use super::facts::FactHashes;
use super::spans::SpanHashes;
use crate::derive::Derived;
pub(super) use crate::hashing::HashWriter;
use crate::model::{FiscalQuarter, Id, Narrative, Quarter, Section, Site};
use crate::render::pages::search::SearchEntry;
use crate::render::{KpiRow, RenderOptions};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The render keys of one run.
pub struct Keys {
    /// What every page reads.
    pub shared: u64,
    pub quarters: BTreeMap<FiscalQuarter, u64>,
    /// Each team page but for the slides about the team (see [`team_page`]).
    pub teams: BTreeMap<Id, u64>,
    /// What a comparison reads of each quarter (see [`compare_page`]).
    pub compared: BTreeMap<FiscalQuarter, u64>,
    /// The index page.
    pub index: u64,
    /// Each objective page of each quarter, by objective id.
    pub objectives: BTreeMap<FiscalQuarter, BTreeMap<String, u64>>,
    /// What a slide's HTML reads besides its template's context: the
    /// theme's templates and strings (see [`crate::render::quarter::Kept`]).
    pub slides: u64,
    /// Each section view of each quarter (see [`super::views`]).
    pub views: super::views::ViewKeys,
}

/// Hashes of one quarter's own content: the same for the same files, so
/// they are kept with the loaded quarter folder ([`super::loads`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterHashes {
    /// The whole quarter.
    pub whole: u64,
    /// Its id and sections: what later quarters compare with and chart.
    pub sections: u64,
    /// Its id, folder and `quarter.yaml`: what every page reads of it.
    pub file: u64,
    /// Its id and its objectives' ids, in order: where each objective is.
    pub objective_ids: u64,
    /// Each objective, with its quarter and section file (its history).
    objectives: Vec<(String, u64)>,
    /// Its deck order: which sections the deck shows.
    pub(super) deck: u64,
    /// Each section, by id.
    pub(super) each: BTreeMap<String, u64>,
}

/// Hashes of one section, as [`QuarterHashes`] reads them: the same for
/// the same section file, so they are kept with the file's part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionHashes {
    whole: u64,
    /// Its objectives' ids, in order.
    ids: u64,
    /// Each objective with the section's file, in order.
    objectives: Vec<(String, u64)>,
}

impl SectionHashes {
    pub fn of(s: &Section) -> Self {
        let mut ids = HashWriter::new();
        for o in &s.data.objectives {
            ids.value(o.id.as_str());
        }
        Self {
            whole: HashWriter::new().value(s).finish(),
            ids: ids.finish(),
            objectives: s
                .data
                .objectives
                .iter()
                .map(|o| {
                    let h = HashWriter::new().value(&s.file).value(o).finish();
                    (o.id.value.to_string(), h)
                })
                .collect(),
        }
    }
}

/// A hash of a narrative file as loaded: what [`QuarterHashes::whole`]
/// reads of it.
pub fn narrative_hash(n: &Narrative) -> u64 {
    HashWriter::new().value(n).finish()
}

impl QuarterHashes {
    pub fn of(q: &Quarter) -> Self {
        let sections: Vec<SectionHashes> = q.sections.iter().map(SectionHashes::of).collect();
        let narratives: Vec<u64> = q.narratives.values().map(narrative_hash).collect();
        Self::from_parts(q, &sections.iter().collect::<Vec<_>>(), &narratives)
    }

    /// The hashes of `q` from those of its sections (in order) and of its
    /// narratives (in the order of `q.narratives`), kept from when each
    /// file was loaded: a quarter with one file changed is not hashed
    /// whole again.
    pub fn from_parts(q: &Quarter, sections: &[&SectionHashes], narratives: &[u64]) -> Self {
        // Every field, so that one added later is hashed too.
        let Quarter {
            id,
            dir,
            file,
            sections: _,
            narratives: by_name,
            minutes,
            minutes_preamble,
            deck,
        } = q;
        let file = HashWriter::new().value(id).value(dir).value(file).finish();
        let mut of_sections = HashWriter::new();
        of_sections.value(id);
        for s in sections {
            of_sections.key(s.whole);
        }
        let sections_hash = of_sections.finish();
        let mut objective_ids = HashWriter::new();
        objective_ids.value(id);
        for s in sections {
            objective_ids.key(s.ids);
        }
        let mut whole = HashWriter::new();
        whole.key(file).key(sections_hash);
        for (name, h) in by_name.keys().zip(narratives) {
            whole.value(name).key(*h);
        }
        whole.value(minutes).value(minutes_preamble).value(deck);
        Self {
            whole: whole.finish(),
            sections: sections_hash,
            file,
            objective_ids: objective_ids.finish(),
            objectives: sections
                .iter()
                .flat_map(|s| &s.objectives)
                .map(|(o, h)| (o.clone(), HashWriter::new().value(id).key(*h).finish()))
                .collect(),
            deck: HashWriter::new().value(deck).finish(),
            each: q
                .sections
                .iter()
                .zip(sections)
                .map(|(s, h)| (s.id.to_string(), h.whole))
                .collect(),
        }
    }
}

/// What the keys read of a run, hashed beforehand.
#[derive(Clone, Copy)]
pub struct Hashes<'a> {
    /// A hash of the theme folder's files.
    pub theme: u64,
    /// A hash of the roster ([`super::loads::people_hash`]).
    pub people: u64,
    /// Each quarter's [`QuarterHashes`] (kept, or [`QuarterHashes::of`]),
    /// in the order of `site.quarters`.
    pub own: &'a [Arc<QuarterHashes>],
    /// The hashes of each quarter's derived figures, in the same order.
    pub facts: &'a [FactHashes],
    /// The hashes of the figures derived across the repository.
    pub spans: SpanHashes,
}

/// The keys of every quarter of `site`.
pub fn keys(site: &Site, derived: &Derived, options: &RenderOptions, hashes: &Hashes) -> Keys {
    let Hashes {
        theme,
        people,
        own,
        facts,
        spans,
    } = *hashes;
    // One by one: a save's keys are little work, and waiting for a
    // second thread on a busy machine costs more than they do.
    let mut shared = HashWriter::new();
    shared
        .value(options)
        .value(&site.config)
        .value(&site.calendar)
        .key(people)
        .value(&site.media)
        .value(&site.csv_figures)
        .value(&site.theme_dir)
        .key(theme);
    for h in own {
        shared.key(h.file);
    }
    let shared = shared.finish();
    // The sections of every quarter up to and including each one.
    let mut running = HashWriter::new();
    let earlier: Vec<u64> = own
        .iter()
        .map(|h| running.key(h.sections).finish())
        .collect();
    // Each objective in every quarter that has it.
    let mut histories: HashMap<&str, HashWriter> = HashMap::new();
    for h in own {
        for (id, objective) in &h.objectives {
            histories.entry(id.as_str()).or_default().key(*objective);
        }
    }
    let histories: HashMap<&str, u64> = histories
        .into_iter()
        .map(|(id, h)| (id, h.finish()))
        .collect();
    let quarters = site
        .quarters
        .iter()
        .zip(own)
        .zip(&earlier)
        .zip(facts)
        .map(|(((q, own), earlier), facts)| {
            let mut h = HashWriter::new();
            h.key(shared).key(*earlier).key(own.whole).key(facts.whole);
            for (id, _) in &own.objectives {
                h.key(histories.get(id.as_str()).copied().unwrap_or_default());
            }
            (q.id, h.finish())
        })
        .collect();
    // Which team each section of each quarter belongs to: every page
    // that links a team reads it.
    let teams_map = spans.teams;
    let mut index = HashWriter::new();
    index
        .key(shared)
        .key(teams_map)
        .key(earlier.last().copied().unwrap_or_default())
        .key(spans.kpis)
        .key(spans.objectives);
    for f in facts {
        index.key(f.whole);
    }
    let by_id: BTreeMap<FiscalQuarter, (&Quarter, &QuarterHashes)> = site
        .quarters
        .iter()
        .zip(own)
        .map(|(q, h)| (q.id, (&**q, &**h)))
        .collect();
    let teams = derived
        .teams
        .teams
        .iter()
        .map(|(id, team)| {
            let mut h = HashWriter::new();
            h.key(shared).key(teams_map).hashed(team);
            for (q, section) in &team.quarters {
                if let Some((quarter, hashes)) = by_id.get(q) {
                    team_quarter(&mut h, quarter, hashes, section);
                }
            }
            (id.clone(), h.finish())
        })
        .collect();
    let compared = site
        .quarters
        .iter()
        .zip(own)
        .map(|(q, h)| {
            let key = HashWriter::new()
                .key(shared)
                .key(teams_map)
                .key(h.sections)
                .finish();
            (q.id, key)
        })
        .collect();
    let objectives = site
        .quarters
        .iter()
        .zip(own)
        .zip(facts)
        .map(|((q, own), facts)| {
            let pages = q
                .sections
                .iter()
                .flat_map(|section| {
                    // What each objective page of the section reads of it.
                    let mut h = HashWriter::new();
                    h.key(shared)
                        .key(teams_map)
                        .key(own.deck)
                        .maybe(own.each.get(section.id.as_str()).copied());
                    let of_section = h.finish();
                    section.data.objectives.iter().map(move |o| (of_section, o))
                })
                .map(|(of_section, o)| {
                    let id = o.id.as_str();
                    let mut h = HashWriter::new();
                    h.key(of_section)
                        .maybe(histories.get(id).copied())
                        .maybe(facts.key_results.get(id).copied());
                    (id.to_string(), h.finish())
                })
                .collect();
            (q.id, pages)
        })
        .collect();
    let slides = HashWriter::new()
        .value(options)
        .value(&site.config)
        .value(&site.theme_dir)
        .key(theme)
        .finish();
    Keys {
        views: super::views::view_keys(site, derived, own, facts, slides),
        shared,
        quarters,
        teams,
        compared,
        index: index.finish(),
        objectives,
        slides,
    }
}

/// What a team page reads of its section `id` of quarter `q`: the section,
/// the section it is part of, its sub-teams, and whether the deck shows it.
fn team_quarter(h: &mut HashWriter, q: &Quarter, hashes: &QuarterHashes, id: &Id) {
    let each = |id: &str| hashes.each.get(id).copied();
    h.value(&q.id).key(hashes.deck).maybe(each(id.as_str()));
    let Some(section) = q.sections.iter().find(|s| &s.id == id) else {
        return;
    };
    if let Some(parent) = &section.data.part_of {
        h.maybe(each(parent.value.as_str()));
    }
    for sub in &q.sections {
        if sub.data.part_of.as_ref().is_some_and(|p| p.value == *id) {
            h.value(sub.id.as_str()).maybe(each(sub.id.as_str()));
        }
    }
}

/// The key of a team page: `content` (its [`Keys::teams`]), then the
/// slides about the team in each of its quarters (hashes of each
/// quarter's slides about the section, see [`slides_of`]) and the keys of
/// the KPI pages whose trends it draws, as `parts`.
pub fn team_page(content: u64, parts: impl IntoIterator<Item = u64>) -> u64 {
    let mut h = HashWriter::new();
    h.key(content);
    for s in parts {
        h.key(s);
    }
    h.finish()
}

/// A hash of the slides about each section among a quarter's search
/// entries, by section id: what a team page shows of them (their titles,
/// links, order and parts).
pub fn slides_of(entries: &[SearchEntry]) -> BTreeMap<String, u64> {
    let mut by: BTreeMap<&str, HashWriter> = BTreeMap::new();
    for e in entries.iter().filter(|e| e.kind == "slide") {
        if let Some((id, _)) = &e.section {
            by.entry(id.as_str())
                .or_default()
                .value(&e.title)
                .value(&e.path)
                .value(&e.number)
                .value(&e.part);
        }
    }
    by.into_iter()
        .map(|(id, h)| (id.to_string(), h.finish()))
        .collect()
}

/// The key of the comparison of quarters `a` and `b` (their
/// [`Keys::compared`]).
pub fn compare_page(a: u64, b: u64, path: &str) -> u64 {
    HashWriter::new().key(a).key(b).value(path).finish()
}

/// A quarter's rows of each KPI, hashed, by KPI id: what the KPI's page
/// shows of the quarter.
pub fn kpi_rows(rows: &[KpiRow]) -> BTreeMap<String, u64> {
    let mut by: BTreeMap<&str, HashWriter> = BTreeMap::new();
    for row in rows {
        by.entry(row.kpi.id.as_str()).or_default().value(row);
    }
    by.into_iter()
        .map(|(id, h)| (id.to_string(), h.finish()))
        .collect()
}

/// The key of a KPI page: what every page reads, and the KPI's rows in
/// each quarter that has it, oldest first ([`kpi_rows`]).
pub fn kpi_page(shared: u64, rows: &[u64]) -> u64 {
    let mut h = HashWriter::new();
    h.key(shared);
    for r in rows {
        h.key(*r);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::fixtures::quarter;

    const A: &str = "title: A\nobjectives:\n- {id: a1, title: One, status: done}\n- {id: a2, title: Two, status: done}\n";
    const B: &str = "title: B\n";

    fn narrated(mut q: Quarter, title: &str) -> Quarter {
        let n = Narrative {
            file: "q/narrative/n.md".to_string(),
            title: Some(title.to_string()),
            slides: Vec::new(),
        };
        q.narratives.insert("n".to_string(), n);
        q
    }

    #[test]
    fn a_quarter_hashed_from_its_parts_changes_where_they_change() {
        let q = narrated(quarter(2020, 1, &[A, B]), "N");
        let h = QuarterHashes::of(&q);
        let sections: Vec<SectionHashes> = q.sections.iter().map(SectionHashes::of).collect();
        let narratives: Vec<u64> = q.narratives.values().map(narrative_hash).collect();
        let parts =
            QuarterHashes::from_parts(&q, &sections.iter().collect::<Vec<_>>(), &narratives);
        assert_eq!(h, parts, "the same hashes from kept parts");

        // A narrative: the quarter, not its sections.
        let n = QuarterHashes::of(&narrated(quarter(2020, 1, &[A, B]), "M"));
        assert_ne!(h.whole, n.whole);
        assert_eq!(
            (h.sections, &h.each, &h.objectives),
            (n.sections, &n.each, &n.objectives)
        );

        // One objective: its section and its own hash, not its neighbour's.
        let edited = A.replace("title: Two", "title: Deux");
        let o = QuarterHashes::of(&narrated(quarter(2020, 1, &[&edited, B]), "N"));
        assert_ne!(h.whole, o.whole);
        assert_ne!(h.sections, o.sections);
        assert_ne!(h.each["s0"], o.each["s0"]);
        assert_eq!(h.each["s1"], o.each["s1"]);
        assert_eq!(h.objectives[0], o.objectives[0]);
        assert_ne!(h.objectives[1], o.objectives[1]);
        assert_eq!((h.file, h.deck), (o.file, o.deck));
        assert_eq!(h.objective_ids, o.objective_ids, "the same objectives");
        let renamed = A.replace("id: a2", "id: a3");
        let r = QuarterHashes::of(&narrated(quarter(2020, 1, &[&renamed, B]), "N"));
        assert_ne!(h.objective_ids, r.objective_ids);

        // The same section in another quarter: its objectives' history.
        let later = QuarterHashes::of(&narrated(quarter(2020, 2, &[A, B]), "N"));
        assert_ne!(h.objectives[0], later.objectives[0]);
        assert_ne!(h.file, later.file);
    }

    #[test]
    fn equal_values_equal_keys_and_a_change_changes_the_key() {
        let a = HashWriter::new().value(&("a", 1)).finish();
        assert_eq!(a, HashWriter::new().value(&("a", 1)).finish());
        assert_ne!(a, HashWriter::new().value(&("a", 2)).finish());
        // Values are separated: ("ab", "") is not ("a", "b").
        let joined = HashWriter::new().value("ab").value("").finish();
        assert_ne!(joined, HashWriter::new().value("a").value("b").finish());
    }
}
