//! The strings table: every word and format the pages show that is not the
//! author's (slide titles, status words, "better"/"worse", "Year goal",
//! the date format). The built-in table is `themes/default/strings.yaml`;
//! a theme's `strings.yaml` overrides the keys it lists. Rust code asks
//! [`Strings::get`] (or [`Strings::fill`] for a pattern); templates call
//! `label(key="…")`, registered on the theme's Tera by [`Strings::register`].

use crate::derive::kpi::Verdict;
use crate::derive::progress::ProgressState;
use crate::diagnostics::{Diagnostic, suggest};
use crate::model::{
    Date, Direction, FiscalCalendar, FiscalQuarter, Outlook, Status, TargetScope, WorkflowKind,
};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The built-in table.
pub const DEFAULT: &str = include_str!("../../themes/default/strings.yaml");

/// The built-in German table, for `language: de` (every key of [`DEFAULT`]).
pub const GERMAN: &str = include_str!("../../themes/default/strings.de.yaml");

/// The built-in table of `language` (a tag such as `de` or `de-AT`) over
/// the English one: German for `de`, English for anything else.
fn built_in(language: &str) -> Option<(&'static str, &'static str)> {
    let primary = language.split(['-', '_']).next().unwrap_or_default();
    primary
        .eq_ignore_ascii_case("de")
        .then_some(("strings.de.yaml (built in)", GERMAN))
}

/// Whether `language` shows the English labels (no other built-in table).
pub fn is_english(language: &str) -> bool {
    built_in(language).is_none()
}

/// Every label by key, the theme's overrides applied.
#[derive(Debug, Clone)]
pub struct Strings {
    map: Arc<HashMap<String, String>>,
}

impl Default for Strings {
    fn default() -> Self {
        Self::load(None).unwrap_or_else(|_| Self {
            map: Arc::default(),
        })
    }
}

impl Strings {
    /// The built-in table with `overrides` (a theme's `strings.yaml`, and
    /// the file's name for errors) applied. A key the built-in table does
    /// not have is an error, with the nearest key as a suggestion.
    pub fn load(overrides: Option<(&str, &str)>) -> Result<Self, Diagnostic> {
        Self::load_for("en", overrides)
    }

    /// [`Strings::load`] for the site's `language`: its built-in table
    /// (see [`built_in`]) over the English one, then the theme's overrides.
    pub fn load_for(language: &str, overrides: Option<(&str, &str)>) -> Result<Self, Diagnostic> {
        let mut map = parse("strings.yaml (built in)", DEFAULT)?;
        let tables = built_in(language).into_iter().chain(overrides);
        for (file, text) in tables {
            for (key, value) in parse(file, text)? {
                if !map.contains_key(&key) {
                    let mut d = Diagnostic::error(file, format!("unknown string `{key}`"))
                        .expected(
                            "a key of the built-in strings table (see docs/themes.md, \"Strings\")",
                        );
                    if let Some(pos) = crate::diagnostics::Pos::of_first(text, &key) {
                        d = d.at_pos(pos);
                    }
                    return Err(match suggest(&key, map.keys().map(String::as_str)) {
                        Some(s) => d.help(format!("did you mean `{s}`?")),
                        None => d,
                    });
                }
                map.insert(key, value);
            }
        }
        if let Some((file, _)) = overrides {
            let format = map.get("date.long").map_or("", String::as_str);
            let bad = chrono::format::StrftimeItems::new(format)
                .any(|item| matches!(item, chrono::format::Item::Error));
            if bad {
                return Err(Diagnostic::error(
                    file,
                    format!("`date.long: {format}` is not a date format"),
                )
                .expected("a chrono format such as \"%-d %B %Y\"")
                .help("see https://docs.rs/chrono/latest/chrono/format/strftime/"));
            }
        }
        Ok(Self {
            map: Arc::new(map.into_iter().collect()),
        })
    }

    /// The label `key`; the key itself when the table has none, which the
    /// unit tests rule out for every key the code asks for.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.map.get(key).map_or(key, String::as_str)
    }

    /// The pattern `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self.get(key).to_string();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// A formatted number (`crate::numbers`) with the table's decimal
    /// separator (`number.decimal`).
    pub fn number(&self, text: String) -> String {
        match self.get("number.decimal") {
            "." => text,
            separator => text.replace('.', separator),
        }
    }

    /// A date in the long form (`28 October 2020`), the month named by
    /// the table (`%B` is `month.N`, in any language).
    pub fn date(&self, date: &Date) -> String {
        use chrono::Datelike as _;
        use std::fmt::Write as _;
        let format = self
            .get("date.long")
            .replace("%B", &self.month(date.0.month()).replace('%', "%%"));
        let mut text = String::new();
        // `load` has checked the format; should it fail anyway, the
        // built-in form is shown rather than nothing.
        match write!(text, "{}", date.0.format(&format)) {
            Ok(()) => text,
            Err(_) => date.long(),
        }
    }

    /// The name of month `n` (1–12).
    pub fn month(&self, n: u32) -> &str {
        self.get_owned(format!("month.{n}"))
    }

    /// The months of quarter `q`: `July – September 2020`, or
    /// `November 2020 – January 2021` across a year's end.
    pub fn months(&self, calendar: &FiscalCalendar, q: FiscalQuarter) -> String {
        use chrono::Datelike as _;
        let (s, e) = (calendar.start(q), calendar.end(q));
        let (first, last) = (self.month(s.month()), self.month(e.month()));
        if s.year() == e.year() {
            format!("{first} – {last} {}", e.year())
        } else {
            format!("{first} {} – {last} {}", s.year(), e.year())
        }
    }

    pub fn status(&self, s: Status) -> &str {
        self.get_owned(format!("status.{}", s.key()))
    }

    pub fn outlook(&self, o: Outlook) -> &str {
        self.get_owned(format!("outlook.{}", o.key()))
    }

    pub fn direction(&self, d: Direction) -> &str {
        self.get(match d {
            Direction::Higher => "kpi.higher",
            Direction::Lower => "kpi.lower",
        })
    }

    pub fn verdict(&self, v: Verdict) -> &str {
        self.get(match v {
            Verdict::Better => "kpi.better",
            Verdict::Worse => "kpi.worse",
            Verdict::Unchanged => "kpi.unchanged",
        })
    }

    pub fn progress(&self, p: ProgressState) -> &str {
        self.get(match p {
            ProgressState::Backwards => "progress.backwards",
            ProgressState::NotStarted => "progress.not-started",
            ProgressState::Moving => "progress.moving",
            ProgressState::Reached => "progress.reached",
            ProgressState::Passed => "progress.passed",
        })
    }

    pub fn target_scope(&self, t: TargetScope) -> &str {
        self.get(match t {
            TargetScope::Year => "kr.year-goal",
            TargetScope::Quarter => "kr.quarter-goal",
        })
    }

    pub fn workflow(&self, w: WorkflowKind) -> &str {
        self.get(match w {
            WorkflowKind::New => "workflow.new",
            WorkflowKind::Reactive => "workflow.reactive",
            WorkflowKind::Maintenance => "workflow.maintenance",
        })
    }

    /// A quarter of the fiscal year, `n` from 1: `Q3`.
    pub fn quarter_of_year(&self, n: usize) -> String {
        self.fill("quarter.of-year", &[("n", &n.to_string())])
    }

    /// `1 year`, `5 years`.
    pub fn years(&self, years: u32) -> String {
        if years == 1 {
            self.get("people.one-year").to_string()
        } else {
            self.fill("people.years", &[("years", &years.to_string())])
        }
    }

    /// The words charts show, made once per build: the chart layer
    /// takes them as plain data rather than the table.
    pub fn chart_words(&self) -> crate::render::charts::ChartWords {
        crate::render::charts::ChartWords::from_table(|key| self.get(key).to_string())
    }

    fn get_owned(&self, key: String) -> &str {
        self.map.get(&key).map_or("", String::as_str)
    }

    /// Every key, sorted (for the theme contract test and the docs).
    pub fn keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self.map.keys().map(String::as_str).collect();
        keys.sort_unstable();
        keys
    }

    /// `assets/deck-words.js`: the deck script's words (`script.*`, the
    /// prefix taken off) as the JSON object `deck.js` reads, set on
    /// `window.quarterdeckWords`.
    pub fn deck_words_js(&self) -> String {
        format!(
            "window.quarterdeckWords={};\n",
            labels_json(&self.map, "script.")
        )
    }

    /// Make the table a template function: `{{ label(key="slide.agenda") }}`.
    /// An unknown key fails the render with the key named.
    pub fn register(&self, tera: &mut tera::Tera) {
        let map = Arc::clone(&self.map);
        tera.register_function(
            "label",
            move |args: &HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
                let key = args
                    .get("key")
                    .and_then(tera::Value::as_str)
                    .ok_or_else(|| tera::Error::msg("label() needs key=\"…\""))?;
                map.get(key)
                    .map(|v| tera::Value::String(v.clone()))
                    .ok_or_else(|| {
                        tera::Error::msg(format!("no string `{key}` in the strings table"))
                    })
            },
        );
        let map = Arc::clone(&self.map);
        tera.register_function(
            "labels_json",
            move |args: &HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
                let prefix = args
                    .get("prefix")
                    .and_then(tera::Value::as_str)
                    .ok_or_else(|| tera::Error::msg("labels_json() needs prefix=\"…\""))?;
                Ok(tera::Value::String(labels_json(&map, prefix)))
            },
        );
    }
}

/// The labels whose key starts with `prefix`, the prefix taken off, as a
/// JSON object a page carries for its script: `{{ labels_json(prefix=
/// "script.") | safe }}` inside `<script type="application/json">`. `<`
/// is written `\u003c`, so no label can end the script element.
fn labels_json(map: &HashMap<String, String>, prefix: &str) -> String {
    let words: BTreeMap<&str, &str> = map
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix(prefix)?, v.as_str())))
        .collect();
    serde_json::to_string(&words)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

fn parse(file: &str, text: &str) -> Result<BTreeMap<String, String>, Diagnostic> {
    serde_saphyr::from_str::<Option<BTreeMap<String, String>>>(text)
        .map(Option::unwrap_or_default)
        .map_err(|e| {
            Diagnostic::error(file, format!("cannot read the strings table: {e}"))
                .expected("one `key: text` per line")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_the_code_asks_for_is_in_the_built_in_table() {
        let s = Strings::default();
        for status in Status::ALL {
            assert!(!s.status(status).is_empty(), "{status:?}");
        }
        for o in crate::render::charts::OUTLOOKS {
            assert!(!s.outlook(o).is_empty(), "{o:?}");
        }
        for key in crate::render::charts::ChartWords::KEYS {
            assert!(s.map.contains_key(*key), "no string `{key}`");
        }
        assert_eq!(s.get("slide.agenda"), "Agenda");
        assert_eq!(s.years(1), "1 year");
        assert_eq!(s.years(5), "5 years");
        assert_eq!(
            s.fill("slide.section-kpis", &[("title", "Platform")]),
            "Platform: KPIs"
        );
        assert_eq!(s.number("1.5".to_string()), "1.5");
        let d = Date::parse("2020-10-08").unwrap();
        assert_eq!(s.date(&d), d.long());
    }

    #[test]
    fn every_label_the_built_in_templates_use_is_in_the_table() {
        let s = Strings::default();
        let mut used = 0;
        for (name, text) in crate::render::theme::TEMPLATES {
            for part in text.split("label(key=\"").skip(1) {
                let key = part.split('"').next().unwrap_or_default();
                assert!(s.map.contains_key(key), "{name}: no string `{key}`");
                used += 1;
            }
        }
        assert!(
            used > 50,
            "only {used} labels found: has the syntax changed?"
        );
    }

    #[test]
    fn german_has_every_key_and_names_months_and_decimals_in_german() {
        let en = Strings::default();
        let de = Strings::load_for("de", None).unwrap();
        let english = parse("en", DEFAULT).unwrap();
        let german = parse("de", GERMAN).unwrap();
        let missing: Vec<&String> = english
            .keys()
            .filter(|k| !german.contains_key(*k))
            .collect();
        assert!(missing.is_empty(), "strings.de.yaml lacks {missing:?}");
        assert_eq!(en.keys(), de.keys());
        let d = Date::parse("2020-03-08").unwrap();
        assert_eq!(de.date(&d), "8. März 2020");
        assert_eq!(en.date(&d), "8 March 2020");
        assert_eq!(de.number("1.5".to_string()), "1,5");
        assert_eq!(
            Strings::load_for("de-AT", None)
                .unwrap()
                .get("slide.agenda"),
            "Tagesordnung"
        );
        assert_eq!(
            Strings::load_for("fr", None).unwrap().get("slide.agenda"),
            "Agenda"
        );
        let cal = FiscalCalendar::new(7, Default::default()).unwrap();
        let q = FiscalQuarter::new(2020, 3).unwrap();
        assert_eq!(de.months(&cal, q), "Januar – März 2021");
        assert_eq!(en.months(&cal, q), cal.months_label(q));
    }

    #[test]
    fn a_theme_overrides_some_keys_and_misspelt_keys_are_errors() {
        let s =
            Strings::load(Some(("brand/strings.yaml", "slide.agenda: Tagesordnung\n"))).unwrap();
        assert_eq!(s.get("slide.agenda"), "Tagesordnung");
        assert_eq!(s.get("slide.questions"), "Questions");
        let de = Strings::load(Some(("s.yaml", "number.decimal: \",\"\n"))).unwrap();
        assert_eq!(de.number("−1.25".to_string()), "−1,25");
        let bad = Strings::load(Some(("brand/strings.yaml", "date.long: \"%Q\"\n")));
        assert!(format!("{:?}", bad.unwrap_err()).contains("not a date format"));
        let e = Strings::load(Some(("brand/strings.yaml", "slide.agnda: x\n"))).unwrap_err();
        let text = format!("{e:?}");
        assert!(text.contains("slide.agenda"), "{text}");
    }
}
