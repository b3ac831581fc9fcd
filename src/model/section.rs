//! `sections/ID.yaml`: one team, department or strategic priority in one
//! quarter, with its KPIs, objectives and key results.

use super::date::Date;
use super::goals::{Goal, TeamCheckIn};
use super::id::Id;
use super::located::Located;
use super::quarter::Highlights;
use super::stated::Stated;
use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionFile {
    pub title: String,
    /// What kind of section this is, shown on its divider: `Team`,
    /// `MTP priority`, `Department` ... Free text.
    #[serde(default)]
    pub kind: Option<String>,
    /// Owner or manager.
    #[serde(default)]
    pub owner: Option<String>,
    /// Further owners, when the section has several (two directors).
    #[serde(default)]
    pub owners: Vec<String>,
    /// The id of the section this one is a sub-team of (one level deep).
    #[serde(default)]
    #[schemars(regex(pattern = super::id::ID_PATTERN))]
    pub part_of: Option<Located<Id>>,
    /// Ids this team had in earlier quarters, when it was renamed: its
    /// team page joins the quarters under every one of them. Each must be
    /// a section id of an earlier quarter.
    #[serde(default)]
    pub previous_ids: Vec<Located<Id>>,
    /// Approximate team size in full-time equivalents.
    #[serde(default)]
    #[schemars(extend("minimum" = 0))]
    pub fte: Option<Located<f64>>,
    /// The team size in words, when the review prints it so (`12 + 3
    /// from other teams`): shown as written, never charted or compared.
    /// Instead of `fte`.
    #[serde(default)]
    pub fte_text: Option<Located<String>>,
    /// How time was spent, in percent, in the order written:
    /// `{focus: 70, strengthen: 30}`.
    #[serde(default)]
    #[schemars(extend("additionalProperties" = {"type": "number", "minimum": 0, "maximum": 100}))]
    pub time_split: Option<Located<IndexMap<String, f64>>>,
    /// Markdown: what the section is and does.
    #[serde(default)]
    pub overview: Option<String>,
    /// Markdown: progress and challenges this quarter.
    #[serde(default)]
    pub progress: Option<String>,
    /// Markdown items: next actions.
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    #[serde(default)]
    pub objectives: Vec<Objective>,
    #[serde(default)]
    pub highlights: Highlights,
    /// Dated check-ins of the whole team, their items grouped by status.
    #[serde(default)]
    pub checkins: Vec<TeamCheckIn>,
    /// Data tables, each on a slide of its own.
    #[serde(default)]
    pub tables: Vec<super::table::DataTable>,
}

impl SectionFile {
    /// Every Markdown field of the file but its highlights (see
    /// [`Highlights::markdown_fields`]), in file order.
    pub fn markdown_fields(&self) -> Vec<&str> {
        let mut t: Vec<&str> = Vec::new();
        t.extend(self.overview.as_deref());
        t.extend(self.progress.as_deref());
        t.extend(self.actions.iter().map(String::as_str));
        for k in &self.kpis {
            t.extend(k.description.as_deref());
            t.extend(k.note.as_deref());
        }
        for o in &self.objectives {
            t.extend(
                [
                    o.description.as_deref(),
                    o.progress.as_deref(),
                    o.learnings.as_deref(),
                ]
                .into_iter()
                .flatten(),
            );
            t.extend(o.measures.iter().map(String::as_str));
            t.extend(o.struck_measures.iter().map(String::as_str));
            t.extend(o.checkins.iter().filter_map(|c| c.note.as_deref()));
            for g in &o.goals {
                t.push(&g.text);
                t.extend(g.note.as_deref());
            }
            if let Some(d) = &o.drilldown {
                t.extend([
                    d.situation.as_str(),
                    d.impact.as_str(),
                    d.recommendation.as_str(),
                ]);
            }
            for kr in &o.key_results {
                t.push(&kr.title);
                t.extend(
                    [
                        kr.original.as_deref(),
                        kr.value_text.as_deref(),
                        kr.baseline_text.as_deref(),
                        kr.target_text.as_deref(),
                    ]
                    .into_iter()
                    .flatten(),
                );
                t.extend(kr.goals.iter().map(String::as_str));
                t.extend(kr.checkins.iter().filter_map(|c| c.note.as_deref()));
            }
        }
        for table in &self.tables {
            t.extend(table.note.as_deref());
            t.extend(table.rows.iter().filter_map(|r| r.note.as_deref()));
        }
        for c in &self.checkins {
            for item in c.groups.iter().flat_map(|g| &g.items) {
                t.push(&item.text);
                t.extend(item.note.as_deref());
            }
        }
        t
    }
}

/// Whether a bigger number is good news or bad news. (Its JSON Schema, with
/// the aliases, is written by hand in `crate::schema`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    #[default]
    #[serde(alias = "higher-is-better", alias = "up")]
    Higher,
    #[serde(alias = "lower-is-better", alias = "down")]
    Lower,
}

impl Direction {
    pub fn label(self) -> &'static str {
        match self {
            Direction::Higher => "higher is better",
            Direction::Lower => "lower is better",
        }
    }
}

/// A named figure tracked quarter after quarter. The same `id` in two
/// quarters is the same KPI: its values form a trend.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    #[schemars(regex(pattern = super::id::ID_PATTERN))]
    pub id: Located<Id>,
    pub name: String,
    /// Unit written after the value: `%`, `req/s`, `days`, `ms`.
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub direction: Direction,
    /// This quarter's value, when it is a number.
    #[serde(default)]
    pub value: Option<f64>,
    /// This quarter's value in words, shown instead of a number:
    /// `(withheld)`, `not defined yet`.
    #[serde(default)]
    pub value_text: Option<String>,
    /// Last quarter's value, for when the repository has no earlier quarter
    /// with this KPI. An earlier quarter in the repository always wins.
    #[serde(default)]
    pub previous: Option<f64>,
    /// The previous value in words, e.g. `no data for Q3`: shown instead
    /// of a change, and no change is computed.
    #[serde(default)]
    pub previous_text: Option<String>,
    /// Changes as the review prints them, one per comparison:
    /// `−20% / −2.5% from Q3`, `+5 % against last year's average`. Shown
    /// exactly; no change is computed beside them.
    #[serde(default)]
    pub changes: Vec<String>,
    /// Markdown: what the figure means, how it is measured.
    #[serde(default)]
    pub description: Option<String>,
    /// Markdown: comment on this quarter's figure.
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    #[schemars(regex(pattern = super::id::ID_PATTERN))]
    pub id: Located<Id>,
    pub title: String,
    /// `focus`, `strengthen`, `experiment`, or a priority name.
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub owner: Option<String>,
    /// Markdown: the objective statement.
    #[serde(default)]
    pub description: Option<String>,
    /// Markdown: what happened this quarter.
    #[serde(default)]
    pub progress: Option<String>,
    /// How success is measured.
    #[serde(default)]
    pub measures: Vec<String>,
    /// Measures struck through when the objective was redefined, shown
    /// struck through after the others.
    #[serde(default)]
    pub struck_measures: Vec<String>,
    /// When it is due, as printed: `by the end of May`.
    #[serde(default)]
    pub due: Option<String>,
    /// How many people, as printed: `12 + 3 from other teams`, `5 (+2)`,
    /// or a bare count (`12`).
    #[serde(default, deserialize_with = "super::printed::text_or_number")]
    #[schemars(schema_with = "crate::schema::text_or_number")]
    pub people_count: Option<String>,
    /// The status as the review prints it; left out: "no status given".
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::status_words")]
    pub status: Option<Located<String>>,
    /// The words to show for `status`, when this item words it its own way.
    #[serde(default)]
    pub status_label: Option<String>,
    /// `status` resolved when the content loads.
    #[serde(skip)]
    pub stated: Stated,
    #[serde(default)]
    pub people: Vec<String>,
    /// Quarter by which the objective should be complete: `2020 Q4` or `Q4 FY20-21`.
    #[serde(default)]
    pub target_quarter: Option<Located<String>>,
    /// Markdown: what was learnt.
    #[serde(default)]
    pub learnings: Option<String>,
    #[serde(default)]
    pub checkins: Vec<CheckIn>,
    /// For an objective in trouble: the situation, the impact, the recommendation.
    #[serde(default)]
    pub drilldown: Option<DrillDown>,
    #[serde(default)]
    pub key_results: Vec<KeyResult>,
    /// Plain goals, without numbers: text, status, owner ...
    #[serde(default)]
    pub goals: Vec<Goal>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillDown {
    pub situation: String,
    pub impact: String,
    pub recommendation: String,
}

/// A dated status within the quarter ("October 28 status").
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    pub date: Located<Date>,
    /// The status as the review prints it; left out: "no status given".
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::status_words")]
    pub status: Option<Located<String>>,
    /// The words to show for `status`, when this check-in words it its own way.
    #[serde(default)]
    pub status_label: Option<String>,
    /// `status` resolved when the content loads.
    #[serde(skip)]
    pub stated: Stated,
    #[serde(default)]
    pub note: Option<String>,
}

/// A measurable result of an objective. Its value is recorded each quarter
/// in that quarter's file; the Q1–Q4 row comes from the repository.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyResult {
    #[schemars(regex(pattern = super::id::ID_PATTERN))]
    pub id: Located<Id>,
    /// The key result as worded now (the *proposed* wording when reworded).
    pub title: String,
    /// The original wording, when the key result was reworded this quarter.
    #[serde(default)]
    pub original: Option<String>,
    #[serde(default)]
    pub owner: Option<String>,
    /// Unit of baseline, target and value: `maintainers`, `days`, `%`.
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub baseline: Option<Located<f64>>,
    /// Baseline in words, shown instead of (or beside) the number.
    #[serde(default)]
    pub baseline_text: Option<String>,
    #[serde(default)]
    pub target: Option<Located<f64>>,
    #[serde(default)]
    pub target_text: Option<String>,
    /// Whether the target is for the fiscal `year` (default) or this `quarter`.
    #[serde(default)]
    pub target_scope: TargetScope,
    /// Which way is better. Default: from baseline toward target.
    #[serde(default)]
    pub direction: Option<Located<Direction>>,
    /// This quarter's value.
    #[serde(default)]
    pub value: Option<f64>,
    /// This quarter's status in words: `8% (2033) increase from baseline`.
    #[serde(default)]
    pub value_text: Option<String>,
    /// This quarter's status as the review prints it; left out: "no status given".
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::status_words")]
    pub status: Option<Located<String>>,
    /// The words to show for `status`, when this key result words it its own way.
    #[serde(default)]
    pub status_label: Option<String>,
    /// `status` resolved when the content loads.
    #[serde(skip)]
    pub stated: Stated,
    /// Goals set for this quarter.
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub checkins: Vec<CheckIn>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TargetScope {
    #[default]
    Year,
    Quarter,
}
