//! The words charts draw and say that are not the author's: titles,
//! descriptions, legends, axis words and the headers of the tables of
//! numbers, with the status, group, direction and verdict words and the
//! decimal separator. [`ChartWords`] is plain data made once per build
//! from the theme's strings table (the `chart.` keys and a few shared
//! ones, listed in [`ChartWords::KEYS`]), so the chart layer needs no
//! table and no template type. Patterns hold `{name}` slots, filled by
//! [`fill`].

use crate::derive::Verdict;
use crate::model::{Direction, Outlook, Stated, Status};

/// Declares [`ChartWords`]: a field per key of the strings table.
macro_rules! chart_words {
    ($($(#[$doc:meta])* $field:ident = $key:literal,)*) => {
        /// Every word a chart shows, in the site's language.
        #[derive(Debug, Clone, PartialEq)]
        pub struct ChartWords {
            $($(#[$doc])* pub $field: String,)*
            /// The word of each status, in the order of [`Status::ALL`].
            statuses: Vec<String>,
            /// The word of each outlook group, in the order of
            /// [`super::OUTLOOKS`].
            outlooks: Vec<String>,
            /// What separates a number's decimals.
            decimal: String,
            /// Labels are written in lower case inside a sentence.
            lower_in_sentence: bool,
        }

        impl ChartWords {
            /// The keys of the strings table the fields come from.
            pub const KEYS: &[&str] = &[$($key),*];

            /// The words from a strings table, `get` giving the text of a
            /// key.
            pub fn from_table(get: impl Fn(&str) -> String) -> Self {
                Self {
                    $($field: get($key),)*
                    statuses: Status::ALL
                        .iter()
                        .map(|s| get(&format!("status.{}", s.key())))
                        .collect(),
                    outlooks: super::OUTLOOKS
                        .iter()
                        .map(|o| get(&format!("outlook.{}", o.key())))
                        .collect(),
                    decimal: get("number.decimal"),
                    lower_in_sentence: get("chart.label-case").trim() == "lower",
                }
            }
        }
    };
}

chart_words! {
    and = "chart.and",
    /// `{quarter} (this quarter)`.
    this_quarter = "chart.this-quarter",
    now = "chart.now",
    no_value = "chart.no-value",
    no_status = "chart.no-status",
    no_status_recorded = "chart.no-status-recorded",
    quarter = "chart.quarter",
    status = "chart.status",
    value = "chart.value",
    /// `Value ({unit})`.
    value_in = "chart.value-in",
    change = "chart.change",
    progress = "chart.progress",
    /// `{n} {label}`: a count of a status or group.
    count = "chart.count",
    total = "chart.total",
    higher = "kpi.higher",
    lower = "kpi.lower",
    better = "kpi.better",
    worse = "kpi.worse",
    unchanged = "kpi.unchanged",
    points = "kpi.points",
    kr_title = "chart.kr-title",
    kr_caption = "chart.kr-caption",
    kr_figure = "chart.kr-figure",
    kr_in_words = "chart.kr-in-words",
    kr_baseline = "chart.kr-baseline",
    kr_describe = "chart.kr-describe",
    kr_status = "chart.kr-status",
    kr_backwards = "chart.kr-backwards",
    kr_not_started = "chart.kr-not-started",
    kr_moving = "chart.kr-moving",
    kr_reached = "chart.kr-reached",
    kr_passed = "chart.kr-passed",
    kr_no_value_in = "chart.kr-no-value-in",
    kr_no_value_yet = "chart.kr-no-value-yet",
    kr_no_status = "chart.kr-no-status",
    kr_status_by_quarter = "chart.kr-status-by-quarter",
    timeline_title = "chart.timeline-title",
    noted_as = "chart.noted-as",
    objective_no_status = "chart.objective-no-status",
    objective_status_by_quarter = "chart.objective-status-by-quarter",
    kpi_title = "chart.kpi-title",
    kpi_caption = "chart.kpi-caption",
    kpi_describe = "chart.kpi-describe",
    kpi_describe_unit = "chart.kpi-describe-unit",
    kpi_change = "chart.kpi-change",
    kpi_only_value = "chart.kpi-only-value",
    kpi_no_earlier = "chart.kpi-no-earlier",
    kpi_no_value_now = "chart.kpi-no-value-now",
    kpi_stated = "chart.kpi-stated",
    kpi_stated_short = "chart.kpi-stated-short",
    kpi_one_value = "chart.kpi-one-value",
    kpi_change_in = "chart.kpi-change-in",
    kpi_nothing_before = "chart.kpi-nothing-before",
    over_time_title = "chart.over-time-title",
    over_time_caption = "chart.over-time-caption",
    over_time_empty = "chart.over-time-empty",
    no_objectives = "chart.no-objectives",
    objectives_one = "chart.objectives-one",
    objectives_many = "chart.objectives-many",
    groups_title = "chart.groups-title",
    objectives_in = "chart.objectives-in",
    group = "chart.group",
    count_head = "chart.count-head",
    objectives = "chart.objectives",
    time_title = "chart.time-title",
    time_caption = "chart.time-caption",
    time_caption_fte = "chart.time-caption-fte",
    time_headline = "chart.time-headline",
    team_of = "chart.team-of",
    shares_add_up = "chart.shares-add-up",
    time_describe = "chart.time-describe",
    team_size = "chart.team-size",
    shares_sum = "chart.shares-sum",
    share_fte = "chart.share-fte",
    share_about = "chart.share-about",
    share = "chart.share",
    percent = "chart.percent",
    fte = "chart.fte",
    bars_describe = "chart.bars-describe",
}

impl ChartWords {
    /// The word of a status.
    pub fn status_word(&self, s: Status) -> &str {
        let i = Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
        self.statuses.get(i).map_or("", String::as_str)
    }

    /// The word of an outlook group.
    pub fn outlook(&self, o: Outlook) -> &str {
        let i = super::OUTLOOKS.iter().position(|x| *x == o).unwrap_or(0);
        self.outlooks.get(i).map_or("", String::as_str)
    }

    pub fn direction(&self, d: Direction) -> &str {
        match d {
            Direction::Higher => &self.higher,
            Direction::Lower => &self.lower,
        }
    }

    pub fn verdict(&self, v: Verdict) -> &str {
        match v {
            Verdict::Better => &self.better,
            Verdict::Worse => &self.worse,
            Verdict::Unchanged => &self.unchanged,
        }
    }

    /// The review's words for a status, else ours.
    pub fn shown<'a>(&'a self, s: &'a Stated) -> &'a str {
        s.words.as_deref().unwrap_or(self.status_word(s.status))
    }

    /// [`shown`](Self::shown) inside a sentence: the review's words as
    /// written, ours as [`in_sentence`](Self::in_sentence) says.
    pub fn shown_in_sentence(&self, s: &Stated) -> String {
        match &s.words {
            Some(w) => w.clone(),
            None => self.in_sentence(self.status_word(s.status)),
        }
    }

    /// A label (a status, a group, a goal) inside a sentence: in lower
    /// case where the language writes it so (`chart.label-case: lower`,
    /// English), else as it is (German nouns keep their capital).
    pub fn in_sentence(&self, label: &str) -> String {
        if self.lower_in_sentence {
            label.to_lowercase()
        } else {
            label.to_string()
        }
    }

    /// A formatted number (`crate::numbers`) with the language's decimal
    /// separator.
    pub fn number(&self, text: String) -> String {
        match self.decimal.as_str() {
            "." | "" => text,
            separator => text.replace('.', separator),
        }
    }

    /// `{quarter} (this quarter)` for the current quarter, else the
    /// quarter's label alone.
    pub fn quarter(&self, label: &str, current: bool) -> String {
        if current {
            fill(&self.this_quarter, &[("quarter", label)])
        } else {
            label.to_string()
        }
    }

    /// `n objectives`, `1 objective`.
    pub fn objectives_count(&self, n: usize) -> String {
        let pattern = if n == 1 {
            &self.objectives_one
        } else {
            &self.objectives_many
        };
        fill(pattern, &[("n", &n.to_string())])
    }

    /// `Value`, or `Value (req/s)` with a unit.
    pub fn value_head(&self, unit: &str) -> String {
        match unit.trim() {
            "" => self.value.clone(),
            unit => fill(&self.value_in, &[("unit", unit)]),
        }
    }

    /// `a, b and c`: a list as a sentence says it.
    pub fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.and),
        }
    }
}

/// `pattern` with each `{name}` replaced by its value.
pub fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        out.push_str(&rest[..open]);
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[open..=open + close]),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The English words, for the chart layer's own tests.
#[cfg(test)]
pub(crate) fn english() -> ChartWords {
    crate::render::strings::Strings::default().chart_words()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_filled_slot_by_slot() {
        assert_eq!(fill("{a}: {b}", &[("a", "x"), ("b", "{a}")]), "x: {a}");
        assert_eq!(fill("{unknown} {", &[]), "{unknown} {");
        assert_eq!(fill("ä {n} ö", &[("n", "1")]), "ä 1 ö");
    }

    #[test]
    fn lists_read_as_sentences() {
        let w = english();
        let s = |v: &[&str]| w.list(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&[]), "");
        assert_eq!(s(&["a"]), "a");
        assert_eq!(s(&["a", "b"]), "a and b");
        assert_eq!(s(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn every_word_comes_from_the_table() {
        let w = english();
        assert_eq!(w.status_word(Status::AtRisk), "At risk");
        assert_eq!(w.outlook(Outlook::Trouble), "Needs attention");
        assert_eq!(w.direction(Direction::Lower), "lower is better");
        assert_eq!(w.in_sentence("On track"), "on track");
        assert_eq!(w.number("1.5".to_string()), "1.5");
        let de = crate::render::strings::Strings::load_for("de", None)
            .unwrap()
            .chart_words();
        assert_eq!(de.in_sentence("Im Plan"), "Im Plan");
        assert_eq!(de.number("\u{2212}1.25".to_string()), "\u{2212}1,25");
        assert_eq!(de.quarter("Q1", true), "Q1 (dieses Quartal)");
    }
}
