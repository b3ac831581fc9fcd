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
/// as search entries. A single-file build publishes decks only.
pub fn reviewer_pages(
    inputs: Inputs,
    mut entries: Vec<SearchEntry>,
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
    match team::team_pages(inputs, &entries, public) {
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
    ) {
        Ok(f) => files.extend(f),
        Err(p) => problems.extend(p),
    }
    if let Some(base) = public {
        files.push(feed::feed(site, base, &theme.strings));
    }
    if site.config.search {
        entries.extend(team::team_entries(site, derived));
        entries.extend(kpi_entries(site));
        match search::search_files(site, entries, &theme.tera, public) {
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
