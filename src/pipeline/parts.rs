//! The parts of one quarter folder's files ([`crate::load::part`]), each
//! kept by its path, the hash of its bytes and what it is read against,
//! with the hashes the render keys read of it; and the rule by which a
//! kept load still holds when other files come and go ([`Outside`]).

use super::files::Files;
use super::keys::{SectionHashes, narrative_hash};
use crate::load::part::{Context, Found, Minutes, Part, QuarterParts, Roster};
use crate::load::quarter;
use crate::model::{FiscalQuarter, Narrative, QuarterFile, Section};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// What a kept load depends on outside its own files' bytes. A load that
/// reported a problem may name files elsewhere (a missing image and the
/// nearest name), so any file added or removed anywhere loads it again. A
/// clean load reads, outside its own files, only the images it found,
/// which must still be listed.
pub struct Outside {
    listing: Option<u64>,
    media: Vec<String>,
}

impl Outside {
    /// What a load that reported `problems` and found `media` depends on.
    pub fn of<'a>(
        files: &Files,
        problems: impl IntoIterator<Item = &'a Vec<crate::diagnostics::Diagnostic>>,
        media: impl IntoIterator<Item = &'a Vec<String>>,
    ) -> Self {
        let clean = problems.into_iter().all(Vec::is_empty);
        Self {
            listing: (!clean).then_some(files.listing()),
            media: media.into_iter().flatten().cloned().collect(),
        }
    }

    /// Whether it still holds in `files`.
    pub fn holds(&self, files: &Files) -> bool {
        self.listing.is_none_or(|l| l == files.listing())
            && self.media.iter().all(|m| files.contains(m))
    }
}

/// What a load of a file finds outside its value.
pub trait Finds {
    fn found(&self) -> Vec<&Found>;
}

impl<T> Finds for Part<T> {
    fn found(&self) -> Vec<&Found> {
        vec![&self.found]
    }
}

impl Finds for Roster {
    fn found(&self) -> Vec<&Found> {
        vec![&self.parsed.found, &self.checked]
    }
}

/// A file's part, the key it was loaded for, what it depends on outside
/// its bytes, and hashes of it (`H`).
pub struct Kept<T, H = ()> {
    key: u64,
    outside: Outside,
    pub value: Arc<T>,
    pub hashes: H,
}

impl<T: Finds, H> Kept<T, H> {
    fn new(files: &Files, key: u64, (value, hashes): (T, H)) -> Self {
        let found = value.found();
        let outside = Outside::of(
            files,
            found.iter().map(|f| &f.problems),
            found.iter().map(|f| &f.media),
        );
        Self {
            key,
            outside,
            value: Arc::new(value),
            hashes,
        }
    }

    fn holds(&self, files: &Files, key: u64) -> bool {
        self.key == key && self.outside.holds(files)
    }
}

/// `kept` when it holds for `key`, else `load` kept in its place; loaded
/// and not kept when there is no key (the file cannot be hashed).
pub fn one<T: Finds, H>(
    files: &Files,
    kept: &mut Option<Kept<T, H>>,
    key: Option<u64>,
    load: impl FnOnce() -> (T, H),
) -> Arc<T> {
    let Some(key) = key else {
        *kept = None;
        return Arc::new(load().0);
    };
    match kept {
        Some(k) if k.holds(files, key) => Arc::clone(&k.value),
        _ => {
            let k = Kept::new(files, key, load());
            let value = Arc::clone(&k.value);
            *kept = Some(k);
            value
        }
    }
}

type Map<T, H = ()> = HashMap<String, Kept<Part<T>, H>>;

/// The kept parts of one quarter folder's files, by path.
#[derive(Default)]
pub struct FileParts {
    quarter_file: Map<QuarterFile>,
    sections: Map<Section, Option<SectionHashes>>,
    narratives: Map<Narrative, Option<u64>>,
    minutes: Map<Minutes>,
}

impl FileParts {
    pub fn section_hashes(&self, file: &str) -> Option<&SectionHashes> {
        self.sections.get(file)?.hashes.as_ref()
    }

    pub fn narrative_hash(&self, file: &str) -> Option<u64> {
        self.narratives.get(file)?.hashes
    }
}

/// The parts of a quarter folder for [`quarter::load_quarter_from`]: those
/// kept from the last load (`old`) that still hold, the rest loaded now;
/// every part asked for is kept for the next load.
pub struct Reparse<'a> {
    files: &'a Files,
    /// A hash of the calendar and status words.
    context: u64,
    old: RefCell<FileParts>,
    new: RefCell<FileParts>,
}

impl<'a> Reparse<'a> {
    pub fn new(files: &'a Files, context: u64, old: FileParts) -> Self {
        Self {
            files,
            context,
            old: RefCell::new(old),
            new: RefCell::default(),
        }
    }

    /// The parts asked for.
    pub fn into_parts(self) -> FileParts {
        self.new.into_inner()
    }

    /// The key of `file` read with `extra`: `None` when it cannot be hashed.
    fn key(&self, file: &str, extra: impl Hash) -> Option<u64> {
        let mut h = DefaultHasher::new();
        (file, self.files.hash(file)?, self.context, extra).hash(&mut h);
        Some(h.finish())
    }

    fn part<T, H>(
        &self,
        file: &str,
        key: Option<u64>,
        map: impl Fn(&mut FileParts) -> &mut Map<T, H>,
        load: impl FnOnce() -> (Part<T>, H),
    ) -> Arc<Part<T>> {
        let mut old = self.old.borrow_mut();
        let mut kept = map(&mut old).remove(file);
        let value = one(self.files, &mut kept, key, load);
        if let Some(kept) = kept {
            map(&mut self.new.borrow_mut()).insert(file.to_string(), kept);
        }
        value
    }
}

impl QuarterParts for Reparse<'_> {
    fn quarter_file(&self, cx: &Context, file: &str) -> Arc<Part<QuarterFile>> {
        let key = self.key(file, ());
        self.part(
            file,
            key,
            |p| &mut p.quarter_file,
            || (quarter::quarter_file(cx.root, file), ()),
        )
    }

    fn section(&self, cx: &Context, file: &str, id: Option<FiscalQuarter>) -> Arc<Part<Section>> {
        let key = self.key(file, id);
        self.part(
            file,
            key,
            |p| &mut p.sections,
            || {
                let part = quarter::section_file(cx, file, id);
                let hashes = part.value.as_ref().map(SectionHashes::of);
                (part, hashes)
            },
        )
    }

    fn narrative(&self, cx: &Context, file: &str) -> Arc<Part<Narrative>> {
        let key = self.key(file, ());
        self.part(
            file,
            key,
            |p| &mut p.narratives,
            || {
                let part = quarter::narrative_file(cx.root, file);
                let hash = part.value.as_ref().map(narrative_hash);
                (part, hash)
            },
        )
    }

    fn minutes(&self, cx: &Context, file: &str) -> Arc<Part<Minutes>> {
        let key = self.key(file, ());
        self.part(
            file,
            key,
            |p| &mut p.minutes,
            || (quarter::minutes_file(cx.root, file), ()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FiscalCalendar, StatusTable};
    use std::collections::BTreeSet;
    use std::path::Path;

    const SECTION: &str =
        "title: Ops\nobjectives:\n- {id: uptime, title: Uptime, status: on-track}\n";

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// The section parts of `paths` from `old`, as a load of the folder
    /// now asks them, and the parts kept.
    fn sections(
        root: &Path,
        files: &Files,
        old: FileParts,
        paths: &[&str],
    ) -> (Vec<Arc<Part<Section>>>, FileParts) {
        let calendar = FiscalCalendar::new(7, Default::default()).expect("a month");
        let statuses = StatusTable::default();
        let cx = Context {
            root,
            calendar: &calendar,
            statuses: &statuses,
        };
        let reparse = Reparse::new(files, 1, old);
        let parts = paths
            .iter()
            .map(|p| reparse.section(&cx, p, None))
            .collect();
        (parts, reparse.into_parts())
    }

    #[test]
    fn a_file_is_parsed_again_only_when_its_bytes_change() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let (a, b) = ("q/sections/a.yaml", "q/sections/b.yaml");
        write(root, a, SECTION);
        write(root, b, SECTION);
        let mut files = Files::default();
        files.refresh(root, &BTreeSet::new(), false);
        let (first, kept) = sections(root, &files, FileParts::default(), &[a, b]);
        assert!(first.iter().all(|p| p.value.is_some()));
        assert!(kept.section_hashes(a).is_some());

        write(root, b, &SECTION.replace("Ops", "Operations"));
        files.refresh(root, &[b.to_string()].into(), true);
        let (second, kept) = sections(root, &files, kept, &[a, b]);
        assert!(Arc::ptr_eq(&first[0], &second[0]), "a is kept");
        assert!(!Arc::ptr_eq(&first[1], &second[1]), "b is parsed again");
        let title = |p: &Part<Section>| p.value.as_ref().unwrap().data.title.clone();
        assert_eq!(title(&second[1]), "Operations");
        assert_ne!(kept.section_hashes(a), kept.section_hashes(b));

        // A part not asked for is not kept: a file renamed away is dropped.
        let (_, kept) = sections(root, &files, kept, &[b]);
        assert!(kept.section_hashes(a).is_none());
    }

    #[test]
    fn a_part_with_a_problem_is_parsed_again_when_files_come_or_go() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let (a, b) = ("q/sections/a.yaml", "q/sections/b.yaml");
        write(
            root,
            a,
            &format!("{SECTION}overview: '![Chart](chart.svg)'\n"),
        );
        write(root, b, SECTION);
        let mut files = Files::default();
        files.refresh(root, &BTreeSet::new(), false);
        let (first, kept) = sections(root, &files, FileParts::default(), &[a, b]);
        assert!(!first[0].found.problems.is_empty(), "the chart is missing");

        write(root, "q/sections/chart.svg", "<svg/>");
        files.refresh(root, &["q/sections/chart.svg".to_string()].into(), true);
        let (second, kept) = sections(root, &files, kept, &[a, b]);
        assert!(
            second[0].found.problems.is_empty(),
            "{:?}",
            second[0].found.problems
        );
        assert!(Arc::ptr_eq(&first[1], &second[1]), "a clean part holds");

        // The image the clean part found is gone: it is parsed again.
        std::fs::remove_file(root.join("q/sections/chart.svg")).unwrap();
        files.refresh(root, &["q/sections/chart.svg".to_string()].into(), true);
        let (third, _) = sections(root, &files, kept, &[a, b]);
        assert!(!third[0].found.problems.is_empty());
        assert!(Arc::ptr_eq(&second[1], &third[1]));
    }
}
