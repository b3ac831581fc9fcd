//! The pages a reviewer reads across quarters, rendered once every
//! quarter is done: a page per team, the search page and its index, the
//! year-over-year and other comparisons, and the Atom feed. (The KPI
//! pages and the index are in [`super::shared_pages`].)

use super::Inputs;
use super::pages::search::SearchEntry;
use super::pages::{compare, feed, search, team};
use crate::diagnostics::Diagnostic;
use crate::write::OutputFile;

/// Every reviewer page, from the quarters' slides and objective pages
/// as search entries. A single-file build publishes decks only. (A live
/// preview renders them part by part: `pipeline::spanning`.)
pub fn reviewer_pages(
    inputs: Inputs,
    entries: &[SearchEntry],
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let Inputs {
        site,
        derived,
        options,
        theme,
        ..
    } = inputs;
    if options.single_file {
        return Ok(Vec::new());
    }
    let public = super::base_url(site, options);
    let public = public.as_deref();
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let entries: Vec<&SearchEntry> = entries.iter().collect();
    match team::team_pages(inputs, &entries, public, &|_| true) {
        Ok(f) => files.extend(f),
        Err(p) => problems.extend(p),
    }
    match compare::compare_pages(
        site,
        derived,
        &options.compare,
        &theme.tera,
        &theme.strings,
        public,
        &|_, _, _| true,
    ) {
        Ok(f) => files.extend(f),
        Err(p) => problems.extend(p),
    }
    if let Some(base) = public {
        files.push(feed::feed(site, base, &theme.strings));
    }
    if site.config.search {
        let more = more_entries(site, derived);
        let all = entries.into_iter().chain(&more).collect();
        match search::search_files(site, all, &theme.tera, public) {
            Ok(f) => files.extend(f),
            Err(d) => problems.push(d),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// The search entries besides the quarters' slides and objective pages:
/// each team and each KPI.
pub fn more_entries(
    site: &crate::model::Site,
    derived: &crate::derive::Derived,
) -> Vec<SearchEntry> {
    let mut entries = team::team_entries(site, derived);
    entries.extend(kpi_entries(site));
    entries
}

/// Each KPI as a search result: its latest name and description.
fn kpi_entries(site: &crate::model::Site) -> Vec<SearchEntry> {
    site.latest_kpis()
        .into_values()
        .map(|(_, s, k)| {
            let path = super::urls::kpi_path(k.id.as_str());
            let mut e = SearchEntry::new(
                "kpi",
                &k.name,
                path,
                k.description.as_deref().unwrap_or_default(),
            );
            e.section = Some((s.id.clone(), s.data.title.clone()));
            e
        })
        .collect()
}
