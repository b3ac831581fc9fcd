//! Slides kept between renders of a deck. A planned slide is keyed by
//! everything its HTML is made of: its template's context (the site view,
//! its data, id and title), its classes, notes and minutes, and a salt for
//! what no context shows (the theme's templates and strings). The context
//! is hashed as the template gets it, serialised; the planned slide's
//! strings as bytes, its other fields through their `Debug` form.
//! What a key gives back is the slide as rendered: its parts after
//! splitting (see [`super::split`]), each with its HTML, how full it is
//! and its search entry's words. Whoever renders decks again owns the kept slides ([`SlideMemo`]);
//! the deck only asks for them by key.

use super::SlidePart;
use super::plan::Planned;
use super::slides::SlideData;
use crate::hashing::HashWriter;
use crate::render::measure;
use crate::render::pages::SiteView;
use crate::render::pages::search::SearchEntry;
use crate::render::views::SectionView;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// The slides of the last render of a deck, by key.
pub struct SlideMemo<'a> {
    /// A hash of what a slide's HTML reads besides its template's context.
    pub salt: u64,
    /// The slide kept under a key, if any.
    pub get: &'a (dyn Fn(u64) -> Option<Arc<Drawn>> + Sync),
    /// The hashes of the views whose keys are known, by address (see
    /// [`data_keys`]).
    pub known: &'a HashMap<usize, u64>,
}

/// The hashes of the section views whose keys are known (`keys`, in the
/// order of `sections`), and of their objectives' views, by address: what
/// a slide showing one of them is keyed by. A view is made of what its
/// key hashes alone, so the key stands for the view.
pub fn data_keys(sections: &[Arc<SectionView>], keys: &[Option<u64>]) -> HashMap<usize, u64> {
    let mut known = HashMap::new();
    for (view, key) in sections.iter().zip(keys) {
        let Some(key) = key else { continue };
        let section = HashWriter::new().value("section").key(*key).finish();
        known.insert(Arc::as_ptr(view) as usize, section);
        for (i, o) in view.objectives.iter().enumerate() {
            let mut objective = HashWriter::new();
            objective.value("objective").key(*key).value(&i);
            known.insert(std::ptr::from_ref(o) as usize, objective.finish());
        }
    }
    known
}

/// A planned slide as rendered: one part, or its continuation slides.
pub type Drawn = Vec<Part>;

/// One slide of the deck as rendered, before it is numbered.
#[derive(Debug, Clone)]
pub struct Part {
    pub id: String,
    pub kind: &'static str,
    pub title: String,
    /// As planned: [`super::check_fit`] adds `roomy` or `dense`.
    pub classes: String,
    pub notes: String,
    pub minutes: String,
    /// For warnings: the file (and line) it comes from, and where to split.
    pub source: Option<(String, u32)>,
    pub split_hint: Option<String>,
    pub section: Option<String>,
    pub part: Option<SlidePart>,
    /// Shared by every copy of the slide: a deck that keeps it copies
    /// none of its HTML.
    pub html: Arc<str>,
    pub fit: Fit,
    /// Its search entry's words, made once for the slide as kept.
    pub search: Words,
}

/// A slide's search entry but for its place (path, number, part, quarter
/// and team): made by whoever indexes the slide, the first time, and
/// shared by every copy of the slide, kept or not. A slide is kept only
/// while its title, HTML, notes and minutes are unchanged, and the words
/// are made of those alone.
pub type Words = Arc<OnceLock<SearchEntry>>;

impl Part {
    /// A rendered slide and how full it is.
    pub fn new(p: Planned, html: String, fit: Fit) -> Self {
        let section = p.section.clone().or_else(|| match &p.data {
            SlideData::Section(s) => Some(s.id.clone()),
            SlideData::Objective(o) => Some(o.section_id.clone()),
            _ => None,
        });
        Self {
            id: p.id,
            kind: p.kind,
            title: p.title,
            classes: p.classes,
            notes: p.notes,
            minutes: p.minutes,
            source: p.source,
            split_hint: p.split_hint,
            section,
            part: p.part,
            html: html.into(),
            fit,
            search: Words::default(),
        }
    }
}

/// How full a slide is at the type sizes [`super::check_fit`] asks about:
/// its HTML read once.
#[derive(Debug, Clone, Copy)]
pub struct Fit {
    /// At the [`super::ROOMY`] size, when the slide could get it.
    pub roomy: Option<f64>,
    /// At the normal size, when the slide is not dense already.
    pub normal: Option<f64>,
    pub dense: f64,
}

impl Fit {
    pub fn of(html: &str, classes: &str, kind: &str) -> Self {
        Self::measured(&measure::Measure::of(html), classes, kind)
    }

    /// The fit of a slide whose HTML is read already.
    pub fn measured(m: &measure::Measure, classes: &str, kind: &str) -> Self {
        let dense = classes.split_whitespace().any(|c| c == "dense");
        let roomy = !dense && classes.is_empty() && !super::OWN_TYPE.contains(&kind);
        let roomy = roomy.then(|| m.fill(super::ROOMY));
        // A slide that gets the larger type is not asked about the normal.
        let gets_roomy = roomy.is_some_and(|f| f <= super::ROOMY_FILL);
        Self {
            roomy,
            normal: (!dense && !gets_roomy).then(|| m.fill(measure::NORMAL)),
            dense: m.fill(measure::DENSE),
        }
    }
}

/// Keys of a deck's planned slides.
pub struct Keyer {
    /// The salt and the site view.
    base: u64,
    /// The hashes of the section and objective views the slides share,
    /// by address: hashed once each.
    shared: HashMap<usize, u64>,
}

impl Keyer {
    /// The keyer of a deck whose views at the addresses of `known` are
    /// hashed already (see [`data_keys`]).
    pub fn new(salt: u64, site: &SiteView, known: &HashMap<usize, u64>) -> Self {
        let mut h = HashWriter::new();
        h.key(salt);
        h.context(site);
        Self {
            base: h.finish(),
            shared: known.clone(),
        }
    }

    /// The key of planned slide `p`.
    pub fn key(&mut self, p: &Planned) -> u64 {
        let data = match &p.data {
            SlideData::Section(Cow::Borrowed(s)) => Some(std::ptr::from_ref(*s) as usize),
            SlideData::Objective(Cow::Borrowed(o)) => Some(std::ptr::from_ref(*o) as usize),
            _ => None,
        };
        let data = match data {
            Some(at) => *self
                .shared
                .entry(at)
                .or_insert_with(|| HashWriter::new().context(&p.data).finish()),
            None => HashWriter::new().context(&p.data).finish(),
        };
        let mut h = HashWriter::new();
        h.key(self.base);
        h.key(data);
        // Its strings as bytes: `Debug` escapes every character.
        h.bytes(p.kind.as_bytes())
            .bytes(p.id.as_bytes())
            .bytes(p.title.as_bytes())
            .bytes(p.classes.as_bytes())
            .bytes(p.notes.as_bytes())
            .bytes(p.minutes.as_bytes())
            .value(&p.source)
            .value(&p.split_hint)
            .value(&p.section)
            .value(&p.part);
        h.finish()
    }
}
