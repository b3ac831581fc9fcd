//! `site.yaml`: settings for the whole review repository.

use super::fiscal::FyLabel;
use super::located::Located;
use super::stated::StatusTable;
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    /// The organisation whose reviews these are, e.g. `Wikimedia Foundation`.
    pub organisation: String,
    /// The site's title, shown on the index page.
    pub title: String,
    /// Month (1–12) in which the fiscal year starts. Default 1 (January).
    #[serde(default = "january")]
    #[schemars(range(min = 1, max = 12))]
    pub fiscal_year_start_month: Located<u32>,
    /// How fiscal years are labelled: `span` (FY20-21), `end` (FY2021), `start` (FY2020).
    #[serde(default)]
    pub fiscal_year_label: FyLabel,
    /// Public URL the site is published under, e.g. `https://example.org/reviews/`.
    /// Pages link to each other with relative links, so this is only used for
    /// canonical links; `--base-url` overrides it.
    #[serde(default)]
    #[schemars(extend("pattern" = "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#@\\s]+(/[^?#\\s]*)?$"))]
    pub base_url: Option<Located<String>>,
    /// Folder (inside the content folder) whose `templates/` and `static/`
    /// files override the built-in theme, file by file; or the name of a
    /// built-in theme (`default`, `plain`) when no such folder exists.
    #[serde(default)]
    pub theme: Option<Located<String>>,
    /// Language of the content, for `<html lang>`. Default `en`.
    #[serde(default = "english")]
    pub language: String,
    /// Markdown options.
    #[serde(default)]
    pub markdown: MarkdownOptions,
    /// Ask search engines not to index the site: a robots `noindex` meta
    /// tag on every page and a `robots.txt` that disallows everything.
    #[serde(default)]
    pub noindex: bool,
    /// The repository's own status words, each mapped to the status it
    /// means: `{"Partly done": partial, "To do": not-started}`. Pages show
    /// the words; charts and totals group by the status.
    #[serde(default)]
    pub statuses: StatusTable,
    /// Where a task reference (a goal's `tasks`, e.g. `T12345`) links:
    /// a URL with `{task}` where the reference goes, e.g.
    /// `https://phabricator.wikimedia.org/{task}`.
    #[serde(default)]
    pub task_url: Option<Located<String>>,
    /// Publish the search page, its index and a search box on every page.
    /// Default `true`.
    #[serde(default = "yes")]
    pub search: bool,
    /// Pairs of quarters to compare on a page of their own, besides each
    /// quarter and the same quarter of the previous fiscal year:
    /// `[{from: 2019 Q3, to: 2020 Q2}]`.
    #[serde(default)]
    pub compare: Vec<ComparePair>,
}

/// Two quarters to compare, as written: `2020 Q3` or `Q3 FY20-21`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComparePair {
    pub from: Located<String>,
    pub to: Located<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkdownOptions {
    /// Pass raw HTML in Markdown through unescaped. Off by default: raw HTML
    /// is shown as text. Turn on only for content you trust.
    #[serde(default)]
    pub allow_html: bool,
}

fn january() -> Located<u32> {
    Located::new(1, Default::default())
}

fn english() -> String {
    "en".to_string()
}

/// The themes built into the binary, which `theme:` may name.
pub const BUILT_IN_THEMES: [&str; 2] = ["default", "plain"];
