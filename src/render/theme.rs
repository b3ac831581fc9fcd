//! The theme: templates and static files built into the binary from
//! `themes/default/`, each replaceable by a file of the same name in the
//! site's theme folder (`templates/NAME.html`, `static/NAME`), and the
//! strings table (`strings.yaml`, key by key: see [`super::strings`]).
//! The built-in `plain` theme (`themes/plain/`) is a folder of the same
//! kind, built in: its files replace the default's (only the stylesheet).

use super::strings::Strings;
use crate::diagnostics::Diagnostic;
use std::collections::BTreeMap;
use std::path::Path;
use tera::Tera;

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// Every built-in template, by name.
pub const TEMPLATES: &[(&str, &str)] = embed!(
    "base.html",
    "index.html",
    "deck.html",
    "objective.html",
    "kpi.html",
    "since-last-quarter.html",
    "404.html",
    "macros.html",
    "charts.html",
    "since.html",
    "team.html",
    "compare.html",
    "search.html",
    "slides/title.html",
    "slides/agenda.html",
    "slides/section.html",
    "slides/progress.html",
    "slides/kpis.html",
    "slides/objective.html",
    "slides/key-results.html",
    "slides/change.html",
    "slides/drill-down.html",
    "slides/goals.html",
    "slides/checkin.html",
    "slides/status-totals.html",
    "slides/table.html",
    "slides/table-chart.html",
    "slides/no-data.html",
    "slides/highlights.html",
    "slides/workflows.html",
    "slides/department.html",
    "slides/new-hires.html",
    "slides/anniversaries.html",
    "slides/objectives-by-status.html",
    "slides/objectives-over-time.html",
    "slides/since-last-quarter.html",
    "slides/wins.html",
    "slides/list.html",
    "slides/successes-and-misses.html",
    "slides/questions.html",
    "slides/narrative.html",
);

/// Built-in static files, published under `assets/`.
pub const STATIC: &[(&str, &str)] = &[
    (
        "style.css",
        include_str!("../../themes/default/static/style.css"),
    ),
    (
        "deck.js",
        include_str!("../../themes/default/static/deck.js"),
    ),
    (
        "favicon.svg",
        include_str!("../../themes/default/static/favicon.svg"),
    ),
    (
        "search.js",
        include_str!("../../themes/default/static/search.js"),
    ),
];

/// The static files of the built-in `plain` theme, over the default's:
/// its stylesheet is the default one with plain's rules added after it.
const PLAIN_STATIC: &[(&str, &str)] = &[(
    "style.css",
    concat!(
        include_str!("../../themes/default/static/style.css"),
        "\n",
        include_str!("../../themes/plain/static/style.css")
    ),
)];

/// The built-in theme a site is built over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BuiltIn {
    #[default]
    Default,
    /// `theme: plain`: sober and print-friendly.
    Plain,
}

impl BuiltIn {
    /// The built-in theme `site.yaml` names with `theme:`, when no folder
    /// of that name is its theme; the default one otherwise.
    pub fn of(site: &crate::model::Site) -> Self {
        match (&site.theme_dir, site.config.theme.as_ref()) {
            (None, Some(name)) if name.value == "plain" => Self::Plain,
            _ => Self::Default,
        }
    }

    /// Its static files that replace the default theme's.
    fn statics(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Default => &[],
            Self::Plain => PLAIN_STATIC,
        }
    }
}

/// The deck script's words (the strings table's `script.*`, in the site's
/// language, a theme's rewording applied), written once per build as an
/// asset that every deck page loads before `deck.js`, instead of a copy
/// in every deck. Made from the strings table, so it replaces a file of
/// that name in a theme's `static/`.
pub const DECK_WORDS: &str = "deck-words.js";

pub struct Theme {
    pub tera: Tera,
    /// Static files by name (built-in, or the override).
    pub assets: BTreeMap<String, Vec<u8>>,
    /// Labels and formats, the theme's overrides applied.
    pub strings: Strings,
    /// Whether the deck page's templates (`deck.html` and the `base.html`
    /// it extends) are the built-in ones, which show each slide's HTML
    /// once, as it is (see [`super::pages::deck::splice`]).
    pub built_in_deck: bool,
}

/// `problems` of the theme folder `folder` (as written in site.yaml,
/// relative to the content folder), which name its files from the theme
/// folder (`templates/deck.html`), named from the content folder.
pub fn in_folder(problems: Vec<Diagnostic>, folder: &str) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|mut d| {
            if !d.file.ends_with("(built in)") {
                d.file = format!("{}/{}", folder.trim_end_matches('/'), d.file);
            }
            d
        })
        .collect()
}

/// Build the theme once per build: built-in templates, then the site's
/// overrides on top, all parsed up front so a template error is reported
/// before anything renders.
pub fn load_theme(
    theme_dir: Option<&Path>,
    built_in: BuiltIn,
    language: &str,
) -> Result<Theme, Vec<Diagnostic>> {
    let mut sources: BTreeMap<String, String> = TEMPLATES
        .iter()
        .map(|(n, s)| (n.to_string(), s.to_string()))
        .collect();
    let mut assets: BTreeMap<String, Vec<u8>> = STATIC
        .iter()
        .chain(built_in.statics())
        .map(|(n, s)| (n.to_string(), s.as_bytes().to_vec()))
        .collect();
    let mut problems = Vec::new();
    if let Some(dir) = theme_dir {
        overrides(
            &dir.join("templates"),
            &mut |name, bytes| match String::from_utf8(bytes) {
                Ok(text) => {
                    sources.insert(name, text);
                }
                Err(_) => problems.push(
                    Diagnostic::error(format!("templates/{name}"), "template is not UTF-8 text")
                        .expected("UTF-8 text")
                        .help("save the template as UTF-8"),
                ),
            },
        );
        overrides(&dir.join("static"), &mut |name, bytes| {
            assets.insert(name, bytes);
        });
    }
    let strings = match theme_dir.map(|d| d.join("strings.yaml")) {
        Some(file) if file.is_file() => match std::fs::read_to_string(&file) {
            Ok(text) => Strings::load_for(language, Some(("strings.yaml", &text))),
            Err(e) => Err(Diagnostic::error(
                "strings.yaml",
                format!("cannot read the strings table: {e}"),
            )
            .expected("a UTF-8 text file you may read")
            .help("save it as UTF-8 and check its permissions")),
        },
        _ => Strings::load_for(language, None),
    };
    let strings = strings.unwrap_or_else(|d| {
        problems.push(d);
        Strings::default()
    });
    assets.insert(DECK_WORDS.to_string(), strings.deck_words_js().into_bytes());
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html"]);
    // The crate's one escaper: Tera's own also writes every `/` as
    // `&#x2F;`, which HTML does not need and which made up a large share
    // of the bytes of every link and chart table.
    tera.set_escape_fn(crate::html::html_escape);
    strings.register(&mut tera);
    if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str()))) {
        problems.push(
            Diagnostic::error("theme", format!("template error: {}", error_chain(&e)))
                .help("fix the template named above in the theme folder, or delete it to use the built-in one"),
        );
    }
    let built_in = |name: &str| {
        let own = TEMPLATES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s);
        own.is_some() && sources.get(name).map(String::as_str) == own
    };
    if problems.is_empty() {
        Ok(Theme {
            tera,
            assets,
            strings,
            built_in_deck: built_in("deck.html") && built_in("base.html"),
        })
    } else {
        Err(problems)
    }
}

fn overrides(dir: &Path, add: &mut dyn FnMut(String, Vec<u8>)) {
    if !dir.is_dir() {
        return;
    }
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if let Ok(bytes) = std::fs::read(entry.path()) {
            add(name, bytes);
        }
    }
}

/// Tera nests the useful part of an error in its sources.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ")
}
