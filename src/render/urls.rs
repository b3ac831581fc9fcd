//! Where every page lives and how one page links to another: the one URL
//! rule of the site.
//!
//! **Paths.** Each page has a path from the site root ([`deck_path`],
//! [`objective_path`], [`kpi_path`], [`since_path`], `index.html`). Views
//! shared by several pages (a section, an objective, a KPI) carry these
//! paths (`page`), never a URL.
//!
//! **Links are relative**, so a site works from `file://` and under any
//! sub-path. A [`Urls`] belongs to one page and makes its links:
//! - [`Urls::to`]: to another page of the site: up from this page's folder
//!   to the folder both share, then down (`../index.html` from an
//!   objective page to its deck, `../../fy20-21-q1/objectives/x.html`
//!   between quarters).
//! - [`Urls::pages`]: the prefix that turns a shared view's `page` into a
//!   link from this page (`site.pages ~ objective.page` in a template): the
//!   page's root. In a `--single-file` build the decks and the index are
//!   single files that carry no drill-down page, so the prefix is the
//!   public `base_url`, or there is none and templates leave such links
//!   out (`{% if site.pages %}`).
//! - [`Urls::index`], [`Urls::deck`]: the index and the decks, which a
//!   single-file build publishes side by side as `index.html` and
//!   `<quarter>.html` ([`Urls::published`]); a single file's root is the
//!   output folder, so its images resolve there, to be inlined.
//! - Pages that span quarters: [`team_path`], [`SEARCH_PATH`],
//!   [`year_over_year_path`], [`compare_path`], [`FEED_PATH`].
//! - [`Urls::media`] and [`Urls::root`]: files under `media/` and `assets/`.
//!
//! **Markdown** is rendered once, for the page it is on. Links in it stay
//! as the author wrote them; only images depend on the page, since they
//! resolve to `media/` from the page's root ([`Urls::root`]). Decks,
//! since-last-quarter pages and KPI pages sit one folder down and share
//! the quarter's rendered Markdown. Objective pages sit two folders down
//! (`<quarter>/objectives/<id>.html`, a published address that stays):
//! they take the deck's view of their objective as it is, unless its HTML
//! shows an image; only then is the objective's Markdown rendered again
//! for the page (its charts, which hold no links, are moved over).

use crate::model::paths;

/// A quarter's deck, from the site root.
pub fn deck_path(slug: &str) -> String {
    format!("{slug}/index.html")
}

/// An objective's page in a quarter, from the site root.
pub fn objective_path(slug: &str, id: &str) -> String {
    format!("{slug}/objectives/{id}.html")
}

/// A KPI's page, from the site root: one per KPI id for the whole
/// repository, since its history spans quarters.
pub fn kpi_path(id: &str) -> String {
    format!("kpis/{id}.html")
}

/// A quarter's since-last-quarter page, from the site root.
pub fn since_path(slug: &str) -> String {
    format!("{slug}/since-last-quarter.html")
}

/// A team's page, from the site root: one per team for the whole
/// repository (see [`crate::derive::teams`]).
pub fn team_path(id: &str) -> String {
    format!("teams/{id}.html")
}

/// The search page, from the site root; its index is under `search/`.
pub const SEARCH_PATH: &str = "search.html";

/// The Atom feed of published quarters, from the site root.
pub const FEED_PATH: &str = "feed.xml";

/// A quarter's comparison with the same quarter of the previous fiscal
/// year, from the site root.
pub fn year_over_year_path(slug: &str) -> String {
    format!("{slug}/year-over-year.html")
}

/// The comparison of quarter `from` with quarter `to` that `compare:`
/// or `build --compare` asked for, from the site root.
pub fn compare_path(from: &str, to: &str) -> String {
    format!("compare/{from}-with-{to}.html")
}

/// The links of one page.
#[derive(Debug, Clone)]
pub struct Urls {
    /// The page, from the site root.
    page: String,
    /// From the page's folder up to the site root: `""`, `"../"`, …
    root: String,
    /// The public URL of the site, ending in `/`.
    public: Option<String>,
    /// A `--single-file` build.
    single_file: bool,
}

impl Urls {
    /// The links of the page at `page` (from the site root). A
    /// single-file build publishes its pages side by side at the top of
    /// the output folder, so their root is the folder itself.
    pub fn new(page: &str, public: Option<&str>, single_file: bool) -> Self {
        let depth = if single_file {
            0
        } else {
            page.matches('/').count()
        };
        Self {
            page: page.to_string(),
            root: "../".repeat(depth),
            public: public.map(str::to_string),
            single_file,
        }
    }

    /// Where the page at `path` (from the site root) is published: the
    /// same path, or in a single-file build a deck's single file
    /// (`fy20-21-q1.html`).
    pub fn published(&self, path: &str) -> String {
        match path.strip_suffix("/index.html") {
            Some(slug) if self.single_file => format!("{slug}.html"),
            _ => path.to_string(),
        }
    }

    /// The page, from the site root.
    pub fn page(&self) -> &str {
        &self.page
    }

    /// From the page up to the site root (`../`), for `assets/` and `media/`.
    pub fn root(&self) -> &str {
        &self.root
    }

    /// The link to the page at `target` (from the site root).
    pub fn to(&self, target: &str) -> String {
        let from = self.published(&self.page);
        let target = self.published(target);
        let from: Vec<&str> = from.split('/').collect();
        let to: Vec<&str> = target.split('/').collect();
        let from_dirs = &from[..from.len() - 1];
        let to_dirs = &to[..to.len() - 1];
        let shared = from_dirs
            .iter()
            .zip(to_dirs)
            .take_while(|(a, b)| a == b)
            .count();
        let mut link = "../".repeat(from_dirs.len() - shared);
        link.push_str(&to[shared..].join("/"));
        link
    }

    /// The prefix of links to drill-down pages by their path: the page's
    /// root, or in a single-file build the public URL (`None` without one).
    pub fn pages(&self) -> Option<String> {
        if self.single_file {
            self.public.clone()
        } else {
            Some(self.root.clone())
        }
    }

    /// The link to the drill-down page at `target`, when this build can
    /// link to it.
    pub fn drill(&self, target: &str) -> Option<String> {
        self.pages().map(|p| format!("{p}{target}"))
    }

    /// The link to the index (`#` from the index of a single-file build,
    /// which may be opened from anywhere).
    pub fn index(&self) -> String {
        if self.single_file && self.page == "index.html" {
            "#".to_string()
        } else {
            self.to("index.html")
        }
    }

    /// The link to the deck of the quarter `slug`.
    pub fn deck(&self, slug: &str) -> String {
        self.to(&deck_path(slug))
    }

    /// The link to `media/<path>` (a content-relative file), encoded.
    pub fn media(&self, path: &str) -> String {
        format!("{}media/{}", self.root, paths::encode(path))
    }

    /// The page's public address, when the site has a base URL.
    pub fn canonical(&self) -> Option<String> {
        self.public.as_ref().map(|b| format!("{b}{}", self.page))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_go_up_to_the_shared_folder_then_down() {
        let o = Urls::new("q1/objectives/a.html", None, false);
        assert_eq!(o.root(), "../../");
        assert_eq!(o.to("q1/index.html"), "../index.html");
        assert_eq!(o.to("q0/objectives/a.html"), "../../q0/objectives/a.html");
        assert_eq!(o.index(), "../../index.html");
        let s = Urls::new("q1/since-last-quarter.html", None, false);
        assert_eq!(s.to("q1/index.html"), "index.html");
        assert_eq!(s.deck("q0"), "../q0/index.html");
        let i = Urls::new("index.html", Some("https://x.org/r/"), false);
        assert_eq!(i.root(), "");
        assert_eq!(i.deck("q1"), "q1/index.html");
        assert_eq!(i.drill("kpis/a.html").as_deref(), Some("kpis/a.html"));
        assert_eq!(i.canonical().as_deref(), Some("https://x.org/r/index.html"));
    }

    #[test]
    fn single_files_link_side_by_side_and_drill_down_to_the_public_site() {
        let d = Urls::new("q1/index.html", Some("https://x.org/r/"), true);
        assert_eq!(d.index(), "index.html");
        assert_eq!(d.deck("q0"), "q0.html");
        assert_eq!(
            d.drill("kpis/a.html").as_deref(),
            Some("https://x.org/r/kpis/a.html")
        );
        assert_eq!(d.root(), "");
        assert_eq!(d.published("q0/index.html"), "q0.html");
        assert_eq!(Urls::new("index.html", None, true).index(), "#");
        let none = Urls::new("q1/index.html", None, true);
        assert_eq!(none.pages(), None);
        assert_eq!(none.media("a b.png"), "media/a%20b.png");
    }
}
