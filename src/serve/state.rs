//! The live site: the last good build held in memory, the error of the
//! last bad one, and incremental rebuilds.
//!
//! What is incremental: every rebuild loads and derives the whole content
//! folder (both are fast and parallel), then re-renders only the quarters
//! whose pages could have changed. A quarter is re-rendered when anything
//! it renders from changed: its own files (YAML, narrative, minutes), its
//! derived figures, its neighbours in the quarter list, anything shared by
//! all pages (`site.yaml`, `people.yaml`, the theme folder, the list of
//! quarters), the figures of an earlier quarter (KPIs, objectives and key
//! results: what the quarter compares with and charts), or, in any quarter,
//! the status or figures of one of its objectives (its pages show the
//! objective's history). The index and the static files are rendered every
//! time.

use crate::derive::{self, Derived};
use crate::diagnostics::Report;
use crate::load;
use crate::model::{FiscalQuarter, Quarter, Site};
use crate::progress::Stage;
use crate::render::{self, KpiRow, RenderOptions};
use crate::write::OutputFile;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;

/// One good build, served from memory.
#[derive(Default)]
pub struct Snapshot {
    /// Rendered files by site path (`fy20-21-q1/index.html`).
    pub files: HashMap<String, Arc<[u8]>>,
    /// Media by site path, read from the content folder on request.
    pub media: HashMap<String, PathBuf>,
    /// Counts successful builds; pages carry it, so a page that missed a
    /// reload notices on connecting.
    pub version: u64,
}

/// What browsers are told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A new good build: reload.
    Reload(u64),
    /// The last edit broke the build: show this text over the page.
    Error(String),
}

/// What a rebuild did, for the terminal.
#[derive(Debug)]
pub enum Rebuilt {
    Site {
        rendered: usize,
        quarters: usize,
        pages: usize,
        took: Duration,
        /// Load, derive and render times, for `--verbose`.
        timings: Vec<(Stage, Duration)>,
        warnings: String,
    },
    Failed {
        text: String,
    },
}

/// A rendered file as served: shared, so keeping a quarter's pages from
/// one build to the next copies no bytes.
type Page = (String, Arc<[u8]>);

/// What a quarter rendered, and the key it was rendered for.
struct Cached {
    key: u64,
    pages: Vec<Page>,
    /// Its KPIs as its deck shows them, for the KPI pages.
    kpis: Vec<KpiRow>,
}

/// The rendered quarters and KPI pages of the last good build.
#[derive(Default)]
struct Cache {
    quarters: BTreeMap<FiscalQuarter, Cached>,
    /// KPI pages by KPI id, with the key of the rows they show.
    kpi_pages: BTreeMap<String, (u64, Page)>,
}

pub struct Live {
    content: PathBuf,
    snapshot: RwLock<Arc<Snapshot>>,
    error: RwLock<Option<String>>,
    cache: Mutex<Cache>,
    notices: broadcast::Sender<Notice>,
}

impl Live {
    pub fn new(content: &Path) -> Self {
        let (notices, _) = broadcast::channel(16);
        Self {
            content: content.to_path_buf(),
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            error: RwLock::new(None),
            cache: Mutex::new(Cache::default()),
            notices,
        }
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .map(|s| Arc::clone(&s))
            .unwrap_or_default()
    }

    /// The error text of the last build, when it failed.
    pub fn error(&self) -> Option<String> {
        self.error.read().ok().and_then(|e| e.clone())
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Notice> {
        self.notices.subscribe()
    }

    /// Rebuild from the content folder. A good build replaces the served
    /// site and tells browsers to reload; a bad one keeps the last good
    /// site and tells browsers the error.
    pub fn rebuild(&self) -> Rebuilt {
        let started = Instant::now();
        let loaded = load::load(&self.content);
        let mut timings = vec![(Stage::Load, started.elapsed())];
        let Some(site) = loaded.site else {
            return self.fail(&loaded.report, &loaded.sources);
        };
        let at = Instant::now();
        let derived = derive::derive(&site);
        timings.push((Stage::Derive, at.elapsed()));
        let at = Instant::now();
        let shared_key = shared_key(&site);
        let keys = quarter_keys(&site, &derived, shared_key);
        let Ok(mut cache) = self.cache.lock() else {
            return self.fail_text("internal error: the page cache is unavailable".into());
        };
        let stale =
            |q: &Quarter| cache.quarters.get(&q.id).map(|c| c.key) != keys.get(&q.id).copied();
        let options = RenderOptions::default();
        let fail_with = |problems: Vec<crate::diagnostics::Diagnostic>| {
            let mut report = loaded.report.clone();
            report.extend(problems);
            report.sort();
            self.fail(&report, &loaded.sources)
        };
        let theme = match render::theme::load_theme(site.theme_dir.as_deref()) {
            Ok(theme) => theme,
            Err(problems) => return fail_with(problems),
        };
        let charts = render::Charts::new(&site, &derived);
        let inputs = render::Inputs {
            site: &site,
            derived: &derived,
            options: &options,
            theme: &theme,
            charts: &charts,
        };
        let (fresh, problems) = render::render_quarters(inputs, &stale, &|| {}, None);
        if !problems.is_empty() {
            return fail_with(problems);
        }
        let rendered = fresh.len();
        let mut report = loaded.report.clone();
        for (id, out) in fresh {
            report.extend(out.warnings);
            cache.quarters.insert(
                id,
                Cached {
                    key: keys.get(&id).copied().unwrap_or_default(),
                    pages: out.files.into_iter().map(shared).collect(),
                    kpis: out.kpis,
                },
            );
        }
        cache.quarters.retain(|id, _| keys.contains_key(id));
        // A KPI page shows that KPI's rows from every quarter: render again
        // only the pages whose rows changed; the index every time.
        let mut rows: BTreeMap<String, Vec<KpiRow>> = BTreeMap::new();
        for c in cache.quarters.values() {
            for row in &c.kpis {
                rows.entry(row.kpi.id.clone())
                    .or_default()
                    .push(row.clone());
            }
        }
        let row_keys: BTreeMap<String, u64> = rows
            .iter()
            .map(|(id, rows)| {
                let mut h = HashWriter(DefaultHasher::new());
                h.0.write_u64(shared_key);
                let _ = write!(h, "{rows:?}");
                (id.clone(), h.0.finish())
            })
            .collect();
        cache
            .kpi_pages
            .retain(|id, (key, _)| row_keys.get(id) == Some(key));
        let changed: Vec<KpiRow> = rows
            .into_iter()
            .filter(|(id, _)| !cache.kpi_pages.contains_key(id))
            .flat_map(|(_, rows)| rows)
            .collect();
        let spanning = match render::shared_pages(inputs, changed) {
            Ok(files) => files,
            Err(problems) => return fail_with(problems),
        };
        let mut spanning_rest = Vec::new();
        for file in spanning {
            let id = file
                .path
                .strip_prefix("kpis/")
                .and_then(|p| p.strip_suffix(".html"))
                .filter(|id| render::view::kpi_page(id) == file.path)
                .map(str::to_string);
            match id.and_then(|id| Some((row_keys.get(&id).copied()?, id))) {
                Some((key, id)) => {
                    cache.kpi_pages.insert(id, (key, shared(file)));
                }
                None => spanning_rest.push(file),
            }
        }
        let mut files: HashMap<String, Arc<[u8]>> = HashMap::new();
        for c in cache.quarters.values() {
            for (path, bytes) in &c.pages {
                files.insert(path.clone(), Arc::clone(bytes));
            }
        }
        for (_, (path, bytes)) in cache.kpi_pages.values() {
            files.insert(path.clone(), Arc::clone(bytes));
        }
        drop(cache);
        files.extend(spanning_rest.into_iter().map(shared));
        timings.push((Stage::Render, at.elapsed()));
        let media = render::media_copies(&site)
            .into_iter()
            .map(|c| (c.to, c.from))
            .collect();
        let pages = files.keys().filter(|p| p.ends_with(".html")).count();
        let version = self.snapshot().version + 1;
        if let Ok(mut s) = self.snapshot.write() {
            *s = Arc::new(Snapshot {
                files,
                media,
                version,
            });
        }
        if let Ok(mut e) = self.error.write() {
            *e = None;
        }
        let _ = self.notices.send(Notice::Reload(version));
        report.sort();
        let outcome = crate::Outcome {
            report,
            sources: loaded.sources,
            pages,
            timings: Vec::new(),
        };
        Rebuilt::Site {
            rendered,
            quarters: site.quarters.len(),
            pages,
            took: started.elapsed(),
            timings,
            warnings: outcome.render(&self.content),
        }
    }

    fn fail(&self, report: &Report, sources: &[load::Source]) -> Rebuilt {
        let outcome = crate::Outcome {
            report: report.clone(),
            sources: sources.to_vec(),
            pages: 0,
            timings: Vec::new(),
        };
        self.fail_text(outcome.render_some(&self.content, false))
    }

    fn fail_text(&self, text: String) -> Rebuilt {
        if let Ok(mut e) = self.error.write() {
            *e = Some(text.clone());
        }
        let _ = self.notices.send(Notice::Error(text.clone()));
        Rebuilt::Failed { text }
    }
}

fn shared(file: OutputFile) -> Page {
    (file.path, Arc::from(file.bytes))
}

/// Hashes what is written to it, so large values can be keyed through
/// their `Debug` form without building the string.
struct HashWriter(DefaultHasher);

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

/// The render key of every quarter: equal keys, identical pages.
///
/// A quarter's pages show its own content and derived figures, its
/// neighbours' labels, what is shared by every page, the figures of the
/// quarters up to it (history up to the quarter), and, on its objectives'
/// pages, the history of each of its objectives in every quarter.
pub fn quarter_keys(site: &Site, derived: &Derived, shared: u64) -> BTreeMap<FiscalQuarter, u64> {
    use rayon::prelude::*;
    // Figures of every quarter up to and including each one.
    let mut running = HashWriter(DefaultHasher::new());
    let past: Vec<u64> = site
        .quarters
        .iter()
        .map(|q| {
            write_figures(&mut running, q);
            running.0.finish()
        })
        .collect();
    // Each objective's summary in every quarter that has it.
    let mut histories: BTreeMap<&str, HashWriter> = BTreeMap::new();
    for q in &site.quarters {
        for (_, o) in q.objectives() {
            let h = histories
                .entry(o.id.as_str())
                .or_insert_with(|| HashWriter(DefaultHasher::new()));
            let _ = write!(h, "{:?}", q.id);
            write_objective(h, o);
        }
    }
    let histories: BTreeMap<&str, u64> = histories
        .into_iter()
        .map(|(id, h)| (id, h.0.finish()))
        .collect();
    site.quarters
        .par_iter()
        .enumerate()
        .map(|(i, q)| {
            let mut h = HashWriter(DefaultHasher::new());
            h.0.write_u64(shared);
            h.0.write_u64(past.get(i).copied().unwrap_or_default());
            for (_, o) in q.objectives() {
                h.0.write_u64(histories.get(o.id.as_str()).copied().unwrap_or_default());
            }
            let _ = write!(h, "{q:?}");
            let _ = write!(h, "{:?}", derived.of(q.id));
            let neighbours = (
                i.checked_sub(1)
                    .and_then(|p| site.quarters.get(p))
                    .map(|q| q.id),
                site.quarters.get(i + 1).map(|q| q.id),
            );
            let _ = write!(h, "{neighbours:?}");
            (q.id, h.0.finish())
        })
        .collect()
}

/// What every page may show: settings, roster, media, theme files, and
/// the list of quarters.
pub fn shared_key(site: &Site) -> u64 {
    let mut h = HashWriter(DefaultHasher::new());
    let _ = write!(h, "{:?}{:?}{:?}", site.config, site.calendar, site.people);
    let _ = write!(h, "{:?}", site.media);
    if let Some(dir) = &site.theme_dir {
        for entry in walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if entry.file_type().is_file() {
                let _ = write!(h, "{}", entry.path().display());
                h.0.write(&std::fs::read(entry.path()).unwrap_or_default());
            }
        }
    }
    for q in &site.quarters {
        let _ = write!(
            h,
            "{:?}{:?}{:?}{:?}",
            q.id, q.file.title, q.file.department, q.file.meeting
        );
    }
    h.0.finish()
}

/// The figures a later quarter can compare with or chart: section titles,
/// KPIs, objectives and key results.
fn write_figures(h: &mut HashWriter, q: &Quarter) {
    let _ = write!(h, "{:?}", q.id);
    for s in &q.sections {
        let _ = write!(h, "{}{}", s.id, s.data.title);
        for k in &s.data.kpis {
            let _ = write!(
                h,
                "{:?}",
                (
                    &k.id.value,
                    &k.name,
                    &k.unit,
                    k.direction,
                    k.value,
                    k.previous
                )
            );
        }
        for o in &s.data.objectives {
            write_objective(h, o);
        }
    }
}

fn write_objective(h: &mut HashWriter, o: &crate::model::Objective) {
    let checkins = |list: &[crate::model::CheckIn]| {
        list.iter()
            .map(|c| (c.date.value, c.stated.clone(), c.note.clone()))
            .collect::<Vec<_>>()
    };
    let _ = write!(
        h,
        "{:?}",
        (
            &o.id.value,
            &o.title,
            &o.stated,
            &o.category,
            checkins(&o.checkins)
        )
    );
    for kr in &o.key_results {
        let _ = write!(
            h,
            "{:?}",
            (
                (&kr.id.value, &kr.title, &kr.original, &kr.unit),
                (
                    kr.baseline.as_ref().map(|b| b.value),
                    &kr.baseline_text,
                    kr.target.as_ref().map(|t| t.value),
                    &kr.target_text,
                    kr.target_scope,
                    kr.direction.as_ref().map(|d| d.value),
                ),
                (kr.value, &kr.value_text, &kr.stated, checkins(&kr.checkins)),
            )
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn copy_example(to: &Path) {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.unwrap();
            let target = to.join(entry.path().strip_prefix(&from).unwrap());
            if entry.file_type().is_dir() {
                fs::create_dir_all(&target).unwrap();
            } else {
                fs::copy(entry.path(), &target).unwrap();
            }
        }
    }

    /// The served pages are exactly those of a full render.
    fn assert_same_as_full_render(live: &Live, content: &Path) {
        let site = load::load(content).site.unwrap();
        let derived = derive::derive(&site);
        let full = render::render(&site, &derived, &RenderOptions::default()).unwrap();
        let snapshot = live.snapshot();
        let mut served: Vec<&String> = snapshot.files.keys().collect();
        served.sort();
        let expected: Vec<&String> = full.files.iter().map(|f| &f.path).collect();
        assert_eq!(served, expected);
        for f in &full.files {
            assert!(
                snapshot.files[&f.path].as_ref() == f.bytes.as_slice(),
                "{} differs from a full render",
                f.path
            );
        }
    }

    fn rendered(r: Rebuilt) -> usize {
        match r {
            Rebuilt::Site { rendered, .. } => rendered,
            Rebuilt::Failed { text } => panic!("{text}"),
        }
    }

    fn edit(path: &Path, f: impl Fn(&str) -> String) {
        let text = fs::read_to_string(path).unwrap();
        fs::write(path, f(&text)).unwrap();
    }

    #[test]
    fn incremental_rebuilds_serve_what_a_full_render_would() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        copy_example(&content);
        let live = Live::new(&content);
        let mut notices = live.subscribe();
        assert_eq!(rendered(live.rebuild()), 3);
        assert_eq!(notices.try_recv().ok(), Some(Notice::Reload(1)));

        let q1 = content.join("quarters/fy20-21-q1");
        edit(&q1.join("narrative/mtp-update.md"), |t| {
            format!("{t}\n---\n\n# Added {{#added}}\n\nA new slide.\n")
        });
        assert_eq!(rendered(live.rebuild()), 1, "one quarter's narrative");
        assert_same_as_full_render(&live, &content);

        assert_eq!(rendered(live.rebuild()), 0, "nothing changed");

        let kpi = |t: &str| {
            let at = t.find("    value: ").unwrap();
            let end = at + t[at..].find('\n').unwrap();
            format!("{}    value: 12345{}", &t[..at], &t[end..])
        };
        let oldest = content.join("quarters/fy15-16-q1/sections/operations.yaml");
        edit(&oldest, kpi);
        assert_eq!(
            rendered(live.rebuild()),
            3,
            "a KPI value shows in its quarter and those after it"
        );
        assert_same_as_full_render(&live, &content);
        // The latest quarter's KPIs show nowhere else.
        let q2 = content.join("quarters/fy20-21-q2");
        edit(&q2.join("sections/platform-evolution.yaml"), |t| {
            format!(
                "{t}kpis:\n  - id: uptime\n    name: Uptime\n    unit: \"%\"\n    value: 99.9\n"
            )
        });
        assert_eq!(rendered(live.rebuild()), 1);
        edit(&q2.join("sections/platform-evolution.yaml"), |t| {
            t.replace("value: 99.9\n", "value: 99.5\n")
        });
        assert_eq!(rendered(live.rebuild()), 1);
        assert_same_as_full_render(&live, &content);
        // An objective's status shows on its history in every quarter
        // (the example's goals page gives none: one is added).
        edit(&q2.join("sections/platform-evolution.yaml"), |t| {
            t.replacen(
                "    target_quarter: ",
                "    status: blocked\n    target_quarter: ",
                1,
            )
        });
        assert!(rendered(live.rebuild()) >= 1);
        assert_same_as_full_render(&live, &content);

        // A bad edit keeps the last good site and reports the error.
        let before = live.snapshot().version;
        edit(&content.join("site.yaml"), |t| format!("{t}colour: blue\n"));
        assert!(matches!(live.rebuild(), Rebuilt::Failed { .. }));
        assert_eq!(live.snapshot().version, before);
        assert!(live.error().unwrap().contains("unknown field `colour`"));
        edit(&content.join("site.yaml"), |t| {
            t.replace("colour: blue\n", "")
        });
        rendered(live.rebuild());
        assert!(live.error().is_none());

        // Removing a quarter drops its pages and re-renders its neighbour.
        fs::remove_dir_all(content.join("quarters/fy20-21-q2")).unwrap();
        assert_eq!(rendered(live.rebuild()), 2);
        assert_same_as_full_render(&live, &content);
    }
}
