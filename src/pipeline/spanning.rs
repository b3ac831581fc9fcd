//! The pages that read every quarter, in an incremental run: the index,
//! a page per team, the comparisons and the search index. Each is kept
//! from the last run when its key is unchanged (see [`super::keys`] and
//! [`super::search`]): a save in one quarter renders again the pages of
//! the teams it touches, the comparisons of that quarter, the search
//! files whose words changed, and the index only when what it reads
//! changed. The feed is cheap and rendered every time.

use super::keys::{self, HashWriter, Keys};
use super::pages::Quarter;
use super::search::{self, EntryKey};
use crate::diagnostics::Diagnostic;
use crate::model::{FiscalQuarter, Id};
use crate::render::pages::search::{
    SHARDS, SearchEntry, docs_file, order, search_page, shard_file,
};
use crate::render::pages::{compare, feed, index, team};
use crate::render::urls::{Urls, team_path};
use crate::render::{self, Inputs, reviewer};
use crate::write::OutputFile;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the last good run rendered of these pages: each page by a name
/// (`team:ID`, `compare:PATH`, `index`, `search:FILE`), with its key,
/// the paths it wrote (none when it had nothing to write) and their size.
#[derive(Default)]
pub struct Kept {
    pages: BTreeMap<String, (u64, Vec<String>, usize)>,
}

impl Kept {
    /// Every path of these pages.
    pub fn paths(&self) -> impl Iterator<Item = &String> {
        self.pages.values().flat_map(|(_, paths, _)| paths)
    }
}

/// What this run rendered, and what the next run keeps.
pub struct Spanning {
    pub files: Vec<OutputFile>,
    pub kept: Kept,
}

/// Render the spanning pages whose key changed since `last`, for the
/// quarters' slides and objective pages as kept in `quarters`, and the
/// KPIs' pages keyed by `kpi_keys` (a team page draws the trends of its
/// KPIs, which read every quarter that reports them, its own or not).
pub fn render(
    inputs: Inputs,
    keys: &Keys,
    quarters: &BTreeMap<FiscalQuarter, Arc<Quarter>>,
    kpi_keys: &BTreeMap<String, u64>,
    last: &Kept,
) -> Result<Spanning, Vec<Diagnostic>> {
    let Inputs { site, options, .. } = inputs;
    let public = render::base_url(site, options);
    let public = public.as_deref();
    let mut run = Pages {
        last,
        next: Kept::default(),
        files: Vec::new(),
        problems: Vec::new(),
    };
    // The index.
    if run.stale("index", keys.index) {
        let urls = Urls::new("index.html", public, false);
        let theme = inputs.theme;
        let page = index::index_page(
            site,
            inputs.derived,
            &theme.tera,
            &urls,
            None,
            &theme.strings,
        );
        run.done(
            "index",
            keys.index,
            page.map(|f| vec![f]).map_err(|d| vec![d]),
        );
    }
    // A page per team.
    let derived_teams = &inputs.derived.teams.teams;
    let team_keys: BTreeMap<&Id, u64> = derived_teams
        .iter()
        .map(|(id, t)| {
            let content = keys.teams.get(id).copied().unwrap_or_default();
            let slides = t.quarters.iter().map(|(q, section)| {
                quarters
                    .get(q)
                    .and_then(|q| q.team_slides.get(section.as_str()).copied())
                    .unwrap_or_default()
            });
            let trends = t
                .quarters
                .iter()
                .filter_map(|(q, section)| {
                    site.quarter(*q)?.sections.iter().find(|s| &s.id == section)
                })
                .flat_map(|s| &s.data.kpis)
                .map(|k| kpi_keys.get(k.id.as_str()).copied().unwrap_or_default());
            (id, keys::team_page(content, slides.chain(trends)))
        })
        .collect();
    let stale: BTreeMap<&Id, u64> = team_keys
        .iter()
        .filter(|(id, key)| run.stale(&format!("team:{id}"), **key))
        .map(|(id, key)| (*id, *key))
        .collect();
    if !stale.is_empty() {
        let entries: Vec<&SearchEntry> = quarters.values().flat_map(|q| &q.slides).collect();
        let rendered = team::team_pages(inputs, &entries, public, &|id| stale.contains_key(id));
        run.each(
            rendered,
            stale
                .iter()
                .map(|(id, key)| (format!("team:{id}"), *key, team_path(id))),
        );
    }
    // The comparisons.
    let pairs = compare::pairs(site, &options.compare);
    let compare_key = |a: &FiscalQuarter, b: &FiscalQuarter, path: &str| {
        let of = |q| keys.compared.get(q).copied().unwrap_or_default();
        keys::compare_page(of(a), of(b), path)
    };
    let stale: BTreeMap<&str, u64> = pairs
        .iter()
        .map(|(a, b, path)| (path.as_str(), compare_key(a, b, path)))
        .filter(|(path, key)| run.stale(&format!("compare:{path}"), *key))
        .collect();
    if !stale.is_empty() {
        let theme = inputs.theme;
        let rendered = compare::compare_pages(
            site,
            inputs.derived,
            &options.compare,
            &theme.tera,
            &theme.strings,
            public,
            &|_, _, path| stale.contains_key(path),
        );
        let slots = stale
            .iter()
            .map(|(path, key)| (format!("compare:{path}"), *key, path.to_string()));
        run.each(rendered, slots);
    }
    // The feed: cheap, every time.
    if let Some(base) = public {
        run.files
            .push(feed::feed(site, base, &inputs.theme.strings));
    }
    if site.config.search {
        search_index(inputs, keys.shared, quarters, &mut run);
    }
    if !run.problems.is_empty() {
        return Err(run.problems);
    }
    Ok(Spanning {
        files: run.files,
        kept: run.next,
    })
}

/// The search files whose keys changed, and the search page when the
/// sizes it states did.
fn search_index(
    inputs: Inputs,
    shared: u64,
    quarters: &BTreeMap<FiscalQuarter, Arc<Quarter>>,
    run: &mut Pages,
) {
    let Inputs { site, derived, .. } = inputs;
    let more = reviewer::more_entries(site, derived);
    let more_keys: Vec<EntryKey> = more.iter().map(EntryKey::of).collect();
    let mut all: Vec<(&SearchEntry, &EntryKey)> = quarters
        .values()
        .flat_map(|q| q.slides.iter().zip(&q.search_keys))
        .chain(more.iter().zip(&more_keys))
        .collect();
    all.sort_by(|a, b| order(a.0, b.0));
    let (docs_key, shard_keys) = search::keys(shared, all.iter().map(|(_, k)| *k));
    let entries: Vec<&SearchEntry> = all.iter().map(|(e, _)| *e).collect();
    if run.stale("search:docs", docs_key) {
        run.done("search:docs", docs_key, Ok(vec![docs_file(site, &entries)]));
    }
    let stale: Vec<(usize, char, u64)> = SHARDS
        .char_indices()
        .zip(shard_keys)
        .map(|((shard, c), key)| (shard, c, key))
        .filter(|(_, c, key)| run.stale(&format!("search:{c}"), *key))
        .collect();
    let shards: Vec<OutputFile> = stale
        .par_iter()
        .map(|(shard, _, _)| shard_file(*shard, &entries))
        .collect();
    for ((_, c, key), file) in stale.into_iter().zip(shards) {
        run.done(&format!("search:{c}"), key, Ok(vec![file]));
    }
    let size = |name: &str| run.next.pages.get(name).map_or(0, |(_, _, n)| *n);
    let docs = size("search:docs");
    let largest = SHARDS
        .chars()
        .map(|c| size(&format!("search:{c}")))
        .max()
        .unwrap_or(0);
    let sizes = (docs, largest, entries.len());
    let key = HashWriter::new().key(shared).value(&sizes).finish();
    if run.stale("search:page", key) {
        let public = render::base_url(site, inputs.options);
        let page = search_page(site, &inputs.theme.tera, public.as_deref(), sizes);
        run.done(
            "search:page",
            key,
            page.map(|f| vec![f]).map_err(|d| vec![d]),
        );
    }
}

/// The bookkeeping of one run: each page kept or rendered.
struct Pages<'a> {
    last: &'a Kept,
    next: Kept,
    files: Vec<OutputFile>,
    problems: Vec<Diagnostic>,
}

impl Pages<'_> {
    /// Whether page `name` must be rendered for `key`; when not, it is
    /// kept as the last run rendered it.
    fn stale(&mut self, name: &str, key: u64) -> bool {
        match self.last.pages.get(name) {
            Some(kept) if kept.0 == key => {
                self.next.pages.insert(name.to_string(), kept.clone());
                false
            }
            _ => true,
        }
    }

    /// Page `name`, rendered for `key`.
    fn done(&mut self, name: &str, key: u64, files: Result<Vec<OutputFile>, Vec<Diagnostic>>) {
        match files {
            Ok(files) => {
                let paths = files.iter().map(|f| f.path.clone()).collect();
                let size = files.iter().map(|f| f.bytes.len()).sum();
                self.next.pages.insert(name.to_string(), (key, paths, size));
                self.files.extend(files);
            }
            Err(p) => self.problems.extend(p),
        }
    }

    /// Pages rendered together: each of `slots` (name, key, path) gets the
    /// file of its path, or none.
    fn each(
        &mut self,
        rendered: Result<Vec<OutputFile>, Vec<Diagnostic>>,
        slots: impl Iterator<Item = (String, u64, String)>,
    ) {
        let mut by_path: BTreeMap<String, OutputFile> = match rendered {
            Ok(files) => files.into_iter().map(|f| (f.path.clone(), f)).collect(),
            Err(p) => {
                self.problems.extend(p);
                return;
            }
        };
        for (name, key, path) in slots {
            let files = by_path.remove(&path).into_iter().collect();
            self.done(&name, key, Ok(files));
        }
    }
}
