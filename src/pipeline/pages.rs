//! The render stage of a run. A run that keeps its pages in memory
//! remembers, for each quarter, the key it was rendered for (see
//! [`super::keys`]), the paths of its pages, its KPI rows and warnings; the
//! next run renders again only the quarters whose key changed, and the KPI
//! pages whose rows changed; inside such a quarter, only the slides and
//! objective pages whose own keys changed (the quarter's [`Kept`]
//! slides and objective keys). The index and the theme's static files are
//! rendered every time. What comes out is the pages rendered by this run
//! and the paths of the last run's pages that are gone.

use super::First;
use super::keys::{self, Keys};
use super::search::EntryKey;
use super::spanning;
use crate::derive::Derived;
use crate::diagnostics::Diagnostic;
use crate::model::{FiscalQuarter, Site};
use crate::render::pages::deck::kept::Drawn;
use crate::render::pages::search::SearchEntry;
use crate::render::pages::sitemap::sitemap;
use crate::render::quarter::Kept;
use crate::render::{self, Charts, Inputs, KpiRow, RenderOptions, Rendered, Sink, Theme};
use crate::write::OutputFile;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// What one quarter rendered, and the key it was rendered for.
pub struct Quarter {
    key: u64,
    paths: Vec<String>,
    kpis: Vec<KpiRow>,
    /// Its rows of each KPI, hashed, by KPI id (see [`keys::kpi_rows`]).
    kpi_keys: BTreeMap<String, u64>,
    /// Its slides and objective pages, for the search index and team pages.
    pub slides: Vec<SearchEntry>,
    /// What each entry of `slides` gives each file of the search index.
    pub search_keys: Vec<EntryKey>,
    /// Its slides about each section, hashed, by section id (what the
    /// team pages show of them).
    pub team_slides: BTreeMap<String, u64>,
    warnings: Vec<Diagnostic>,
    /// Its objective pages' keys, by objective id.
    objectives: BTreeMap<String, u64>,
    /// Its deck's slides as rendered, by key.
    drawn: HashMap<u64, Arc<Drawn>>,
}

/// What the render of a quarter may take from the last run.
struct Last<'a> {
    keys: &'a Keys,
    memo: &'a Memo,
}

impl Kept for Last<'_> {
    fn salt(&self) -> u64 {
        self.keys.slides
    }

    fn slide(&self, q: FiscalQuarter, key: u64) -> Option<Arc<Drawn>> {
        self.memo.quarters.get(&q)?.drawn.get(&key).cloned()
    }

    fn objective(&self, q: FiscalQuarter, id: &str) -> bool {
        let last = self
            .memo
            .quarters
            .get(&q)
            .and_then(|m| m.objectives.get(id));
        let now = self.keys.objectives.get(&q).and_then(|o| o.get(id));
        last.is_some() && last == now
    }
}

/// What the last good run rendered.
#[derive(Default)]
pub struct Memo {
    /// Shared with the next run's memo, which keeps most quarters as
    /// they are: a save copies none of their rows, entries or warnings.
    quarters: BTreeMap<FiscalQuarter, Arc<Quarter>>,
    /// KPI pages by KPI id: the key of their rows, and their path.
    kpi_pages: BTreeMap<String, (u64, String)>,
    /// The pages that read every quarter and are kept by key: the index,
    /// teams, comparisons, search.
    spanning: spanning::Kept,
    /// Every other page of the site (the feed, the sitemap, the theme's
    /// static files …) and those of `spanning`.
    shared: BTreeSet<String>,
    /// The key of what every page reads ([`Keys::shared`]).
    shared_key: Option<u64>,
}

impl Memo {
    /// HTML pages of the site.
    fn pages(&self) -> usize {
        let html = |p: &&String| p.ends_with(".html");
        self.quarters
            .values()
            .map(|q| q.paths.iter().filter(html).count())
            .sum::<usize>()
            + self.kpi_pages.values().map(|(_, p)| p).filter(html).count()
            + self.shared.iter().filter(html).count()
    }
}

/// What the render stage did.
pub struct Pages {
    /// Pages rendered by this run (those not handed to the sink), the
    /// media to copy, and the warnings of every page of the site.
    pub rendered: Rendered,
    /// The quarters rendered by this run.
    pub quarters: Vec<FiscalQuarter>,
    /// Pages of the last run that the site no longer has.
    pub removed: Vec<String>,
    /// HTML pages of the whole site.
    pub pages: usize,
    /// What to remember when the run succeeds (incremental runs only).
    pub memo: Option<Memo>,
}

/// What rendering reads, and what the last run rendered.
pub struct Stage<'a> {
    pub site: &'a Site,
    pub derived: &'a Derived,
    pub options: &'a RenderOptions,
    pub theme: &'a Theme,
    /// `None`: render everything and remember nothing (build, check).
    pub keys: Option<&'a Keys>,
    pub memo: Option<&'a Memo>,
    /// Pages wanted before the rest (incremental runs only).
    pub first: Option<First<'a>>,
}

/// Render what changed since `stage.memo` (everything when there are no
/// keys), handing quarters' pages to `sink` when there is one.
pub fn render(
    stage: Stage,
    on_quarter: &(dyn Fn() + Sync),
    sink: Option<Sink>,
) -> Result<Pages, Vec<Diagnostic>> {
    let Stage {
        site,
        derived,
        options,
        theme,
        keys,
        memo,
        first,
    } = stage;
    if options.single_file {
        // One self-contained file per deck is a rewrite of the whole site.
        let rendered = render::render_observed(site, derived, options, theme, on_quarter, None)?;
        let pages = rendered.files.len();
        return Ok(Pages {
            rendered,
            quarters: site.quarters.iter().map(|q| q.id).collect(),
            removed: Vec::new(),
            pages,
            memo: None,
        });
    }
    let empty = Memo::default();
    let last = memo.unwrap_or(&empty);
    let charts = Charts::new(site, derived, &theme.strings);
    let inputs = Inputs {
        site,
        derived,
        options,
        theme,
        charts: &charts,
    };
    let key = |id: &FiscalQuarter| keys.and_then(|k| k.quarters.get(id).copied());
    let stale = |q: &crate::model::Quarter| {
        keys.is_none() || last.quarters.get(&q.id).map(|m| m.key) != key(&q.id)
    };
    let kept = keys.map(|keys| Last { keys, memo: last });
    let kept_ref = kept.as_ref().map(|k| k as &dyn Kept);
    let early = match (first, keys) {
        // Unless every page reads what it read last run (the theme, the
        // strings, the people …), no page is final before the others.
        (Some(first), Some(keys)) if last.shared_key == Some(keys.shared) => {
            let holds = |q: &crate::model::Quarter| {
                let paths = last.quarters.get(&q.id).map_or(&[][..], |m| &m.paths);
                paths.iter().any(|p| first.pages.contains(p))
            };
            let ids: BTreeSet<FiscalQuarter> = site
                .quarters
                .iter()
                .filter(|q| stale(q) && holds(q))
                .map(|q| q.id)
                .collect();
            (!ids.is_empty()).then_some((first, ids))
        }
        _ => None,
    };
    let (fresh, problems) = match early {
        None => render::render_quarters(inputs, &stale, kept_ref, on_quarter, sink),
        Some((first, ids)) => {
            let (mut fresh, mut problems) = render::render_quarters(
                inputs,
                &|q| ids.contains(&q.id),
                kept_ref,
                on_quarter,
                sink,
            );
            if problems.is_empty() {
                let files: Vec<&OutputFile> =
                    fresh.iter().flat_map(|(_, out)| &out.files).collect();
                (first.publish)(&files);
            }
            let rest = |q: &crate::model::Quarter| stale(q) && !ids.contains(&q.id);
            let (more, more_problems) =
                render::render_quarters(inputs, &rest, kept_ref, on_quarter, sink);
            fresh.extend(more);
            problems.extend(more_problems);
            // In site order, as one call would have given them.
            let order: HashMap<FiscalQuarter, usize> = site
                .quarters
                .iter()
                .enumerate()
                .map(|(i, q)| (q.id, i))
                .collect();
            fresh.sort_by_key(|(id, _)| order.get(id).copied());
            (fresh, problems)
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut next = keys.map(|_| Memo {
        shared_key: keys.map(|k| k.shared),
        ..Memo::default()
    });
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let mut kpi_rows = Vec::new();
    let mut entries = Vec::new();
    let mut removed = Vec::new();
    let mut streamed = Vec::new();
    let mut quarters = Vec::new();
    for (id, out) in fresh {
        quarters.push(id);
        streamed.extend(out.streamed);
        if let Some(next) = &mut next {
            let mut paths: Vec<String> = out.files.iter().map(|f| f.path.clone()).collect();
            paths.extend(out.kept.iter().cloned());
            if let Some(old) = last.quarters.get(&id) {
                removed.extend(old.paths.iter().filter(|p| !paths.contains(p)).cloned());
            }
            next.quarters.insert(
                id,
                Arc::new(Quarter {
                    key: key(&id).unwrap_or_default(),
                    paths,
                    kpi_keys: keys::kpi_rows(&out.kpis),
                    kpis: out.kpis,
                    search_keys: out.slides.iter().map(EntryKey::of).collect(),
                    team_slides: keys::slides_of(&out.slides),
                    slides: out.slides,
                    warnings: out.warnings.clone(),
                    objectives: keys
                        .and_then(|k| k.objectives.get(&id))
                        .cloned()
                        .unwrap_or_default(),
                    drawn: out.drawn.into_iter().collect(),
                }),
            );
        } else {
            kpi_rows.extend(out.kpis);
            entries.extend(out.slides);
        }
        files.extend(out.files);
        warnings.extend(out.warnings);
    }
    let (Some(keys), Some(mut next)) = (keys, next) else {
        // Everything was rendered: every KPI page, from every row.
        files.extend(render::shared_pages(inputs, kpi_rows, true)?);
        files.extend(render::reviewer::reviewer_pages(inputs, &entries)?);
        let written = files.iter().map(|f| f.path.as_str());
        let all = written.chain(streamed.iter().map(String::as_str));
        files.extend(sitemap(site, options, all));
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let streamed = streamed.len();
        let pages = streamed + files.iter().filter(|f| f.path.ends_with(".html")).count();
        return Ok(Pages {
            rendered: Rendered {
                files,
                copies: render::media_copies(site),
                warnings,
                streamed,
                chart_time: charts.time_spent(),
            },
            quarters,
            removed,
            pages,
            memo: None,
        });
    };
    // Quarters kept from the last run; those gone take their pages along.
    for q in &site.quarters {
        if let (false, Some(old)) = (next.quarters.contains_key(&q.id), last.quarters.get(&q.id)) {
            warnings.extend(old.warnings.iter().cloned());
            next.quarters.insert(q.id, Arc::clone(old));
        }
    }
    for (id, old) in &last.quarters {
        if !next.quarters.contains_key(id) {
            removed.extend(old.paths.iter().cloned());
        }
    }
    let (changed, row_keys) = changed_kpis(&next, last, keys.shared);
    let mut spanning = render::shared_pages(inputs, changed, false)?;
    for file in &spanning {
        let kpi = row_keys
            .iter()
            .find(|(id, _)| render::urls::kpi_path(id) == file.path);
        match kpi {
            Some((id, key)) => {
                next.kpi_pages.insert(id.clone(), (*key, file.path.clone()));
            }
            None => {
                next.shared.insert(file.path.clone());
            }
        }
    }
    for (id, (key, path)) in &last.kpi_pages {
        match row_keys.get(id) {
            None => removed.push(path.clone()),
            Some(k) if k == key => {
                next.kpi_pages.insert(id.clone(), (*key, path.clone()));
            }
            Some(_) => {}
        }
    }
    // The index, teams, comparisons and search, each kept by its key.
    let span = spanning::render(inputs, keys, &next.quarters, &row_keys, &last.spanning)?;
    next.shared
        .extend(span.files.iter().map(|f| f.path.clone()));
    next.shared.extend(span.kept.paths().cloned());
    next.spanning = span.kept;
    spanning.extend(span.files);
    // The sitemap lists the pages of this run and those kept.
    let kept = next.quarters.values().flat_map(|q| &q.paths);
    let kept = kept.chain(next.kpi_pages.values().map(|(_, p)| p));
    let map = sitemap(site, options, kept.chain(&next.shared).map(String::as_str));
    if let Some(map) = map {
        next.shared.insert(map.path.clone());
        spanning.push(map);
    }
    removed.extend(last.shared.difference(&next.shared).cloned());
    files.extend(spanning);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    removed.sort();
    Ok(Pages {
        rendered: Rendered {
            files,
            copies: render::media_copies(site),
            warnings,
            streamed: streamed.len(),
            chart_time: charts.time_spent(),
        },
        quarters,
        removed,
        pages: next.pages(),
        memo: Some(next),
    })
}

/// The rows of the KPIs whose pages must be rendered again (their rows
/// changed, or they are new), in quarter order, and every KPI's key.
fn changed_kpis(next: &Memo, last: &Memo, shared: u64) -> (Vec<KpiRow>, BTreeMap<String, u64>) {
    // Each KPI's rows in every quarter, as hashed when the quarter was
    // rendered: a save hashes no row of the quarters it keeps.
    let mut rows: BTreeMap<&str, Vec<u64>> = BTreeMap::new();
    for q in next.quarters.values() {
        for (id, key) in &q.kpi_keys {
            rows.entry(id.as_str()).or_default().push(*key);
        }
    }
    let keys: BTreeMap<String, u64> = rows
        .iter()
        .map(|(id, rows)| (id.to_string(), keys::kpi_page(shared, rows)))
        .collect();
    let changed = next
        .quarters
        .values()
        .flat_map(|q| &q.kpis)
        .filter(|row| {
            last.kpi_pages.get(row.kpi.id.as_str()).map(|(k, _)| k) != keys.get(row.kpi.id.as_str())
        })
        .cloned()
        .collect();
    (changed, keys)
}
