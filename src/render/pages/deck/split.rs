//! Continuation slides: which slide kinds have a list of items, and a
//! slide's data cut down to a window of them.
//!
//! A slide kind that opts in declares its items here, in [`cut`]: one or
//! more lists in the order the slide shows them, read as one flat run of
//! items. A window of that run (`2..7`) is the same slide with only those
//! items; what is not an item (an objective's description, a chart of the
//! whole) stays on the first part. `mod.rs` packs the items into as few
//! parts as fit the frame, measuring each rendered part with
//! [`crate::render::measure`]; a group whose items began on the part
//! before is named in the part's `slide_continued`, so its heading can
//! say "(continued)".

use super::slides::*;
use crate::render::views::{
    CheckInGroupView, ObjectiveView, SectionView, TableView, TeamCheckInView,
};
use std::borrow::Cow;
use std::ops::Range;

/// Reads the lists of one slide against a window of its flat run of items.
pub struct Cutter {
    window: Range<usize>,
    /// Items read so far: after a whole slide, its number of items.
    at: usize,
    /// The list that began before the window and continues in it.
    pub continued: String,
}

impl Cutter {
    pub fn new(window: Range<usize>) -> Self {
        Self {
            window,
            at: 0,
            continued: String::new(),
        }
    }

    /// The items of the slide's next list, `name`, that fall in the window.
    fn take<T: Clone>(&mut self, name: &str, items: &[T]) -> Vec<T> {
        let start = self.at;
        self.at += items.len();
        let clamp = |i: usize| i.clamp(start, self.at) - start;
        let (a, b) = (clamp(self.window.start), clamp(self.window.end));
        if a > 0 && a < b {
            self.continued = name.to_string();
        }
        items[a..b].to_vec()
    }

    /// The items of a group named `name` that fall in the window, and
    /// whether the group began before it. A group with no items (a heading
    /// that says "none") is one item of its own, so it shows on exactly one
    /// part; `None` when the group has nothing in the window.
    fn group<T: Clone>(&mut self, name: &str, items: &[T]) -> Option<(Vec<T>, bool)> {
        let before = self.at;
        if items.is_empty() {
            let shown = !self.take(name, &[()]).is_empty();
            return shown.then(|| (Vec::new(), false));
        }
        let taken = self.take(name, items);
        let continued = self.window.start > before && !taken.is_empty();
        (!taken.is_empty()).then_some((taken, continued))
    }

    /// Whether the window starts at the slide's first item: what is not an
    /// item shows there only.
    fn first(&self) -> bool {
        self.window.start == 0
    }

    /// Whether the window reaches the last item read so far: after every
    /// list, whether this is the slide's last part.
    fn last(&self) -> bool {
        self.window.end >= self.at
    }
}

/// How many items a slide of `kind` has; 0 for a kind that does not split.
pub fn items(kind: &str, data: &SlideData) -> usize {
    let mut c = Cutter::new(0..0);
    match cut(kind, data, &mut c) {
        Some(_) => c.at,
        None => 0,
    }
}

/// The slide with only the items in the cutter's window; `None` for a kind
/// that does not split. Each arm lists the kind's items in slide order.
pub fn cut<'a>(kind: &str, data: &SlideData<'a>, c: &mut Cutter) -> Option<SlideData<'a>> {
    Some(match (kind, data) {
        ("objective", SlideData::Objective(o)) => {
            let mut o = ObjectiveView::clone(o);
            // The order of `slides/objective.html`.
            o.measures = c.take("measures", &o.measures);
            o.struck_measures = c.take("struck_measures", &o.struck_measures);
            o.checkins = c.take("checkins", &o.checkins);
            if !c.first() {
                o.description.clear();
                o.progress.clear();
                o.learnings.clear();
            }
            SlideData::Objective(Cow::Owned(o))
        }
        ("goals", SlideData::Objective(o)) => {
            let mut o = ObjectiveView::clone(o);
            o.goals = c.take("goals", &o.goals);
            if !c.first() {
                // The statement and the totals are of the whole list.
                o.description.clear();
                o.goal_totals.clear();
            }
            SlideData::Objective(Cow::Owned(o))
        }
        ("key-results", SlideData::Objective(o)) => {
            let mut o = ObjectiveView::clone(o);
            o.key_results = c.take("key_results", &o.key_results);
            SlideData::Objective(Cow::Owned(o))
        }
        ("change", SlideData::Objective(o)) => {
            let mut o = ObjectiveView::clone(o);
            o.reworded = c.take("reworded", &o.reworded);
            SlideData::Objective(Cow::Owned(o))
        }
        ("section", SlideData::Section(s)) => {
            // A divider's lists of links; its facts, overview and charts
            // stay on the first part.
            let mut s = SectionView::clone(s);
            s.subteams = c.take("subteams", &s.subteams);
            s.objectives = c.take("objectives", &s.objectives);
            if !c.first() {
                s.owner.clear();
                s.fte.clear();
                s.fte_text.clear();
                s.time_split.clear();
                s.overview.clear();
                s.time_chart = None;
                s.status_chart = None;
            }
            SlideData::Section(Cow::Owned(s))
        }
        ("progress", SlideData::Section(s)) => {
            let mut s = SectionView::clone(s);
            s.actions = c.take("actions", &s.actions);
            if !c.first() {
                s.progress.clear();
            }
            SlideData::Section(Cow::Owned(s))
        }
        ("kpis", SlideData::Section(s)) => {
            let mut s = SectionView::clone(s);
            s.kpis = c.take("kpis", &s.kpis);
            SlideData::Section(Cow::Owned(s))
        }
        ("highlights", SlideData::Section(s)) => {
            let mut s = SectionView::clone(s);
            let h = &mut s.highlights;
            // The order of `slides/highlights.html`.
            h.successes = c.take("successes", &h.successes);
            h.misses = c.take("misses", &h.misses);
            h.wins = c.take("wins", &h.wins);
            h.challenges = c.take("challenges", &h.challenges);
            h.upcoming = c.take("upcoming", &h.upcoming);
            SlideData::Section(Cow::Owned(s))
        }
        ("workflows", SlideData::Section(s)) => {
            let mut s = SectionView::clone(s);
            s.highlights.workflows = c.take("workflows", &s.highlights.workflows);
            SlideData::Section(Cow::Owned(s))
        }
        (_, SlideData::CheckIn(s)) => {
            let mut checkin = TeamCheckInView::clone(&s.checkin);
            checkin.groups = s
                .checkin
                .groups
                .iter()
                .enumerate()
                .filter_map(|(i, g)| {
                    let (items, continued) = c.group(&format!("group-{i}"), &g.items)?;
                    Some(CheckInGroupView {
                        items,
                        continued,
                        ..g.clone()
                    })
                })
                .collect();
            if !c.first() {
                checkin.totals.clear();
            }
            SlideData::CheckIn(CheckInSlide {
                section: s.section,
                checkin: Cow::Owned(checkin),
            })
        }
        (_, SlideData::Table(t)) => {
            let mut table = TableView::clone(&t.table);
            table.rows = c.take("rows", &t.table.rows);
            if !c.last() {
                // The note reads after the table's last row.
                table.note.clear();
            }
            SlideData::Table(TableSlide {
                section: t.section,
                table: Cow::Owned(table),
            })
        }
        (_, SlideData::StatusTotals(s)) => {
            // A team is its goals, then one item per check-in.
            let teams = s
                .teams
                .iter()
                .filter_map(|t| {
                    let goals = !c.take(&t.id, &[()]).is_empty();
                    let checkins = c.take(&t.id, &t.checkins);
                    (goals || !checkins.is_empty()).then(|| TeamTotals {
                        checkins,
                        continued: !goals,
                        ..t.clone()
                    })
                })
                .collect();
            SlideData::StatusTotals(StatusTotalsSlide {
                teams,
                department: c.last(),
                ..s.clone()
            })
        }
        (_, SlideData::Workflows(w)) => SlideData::Workflows(WorkflowsSlide {
            highlights: crate::render::views::HighlightsView {
                workflows: c.take("workflows", &w.highlights.workflows),
                ..Default::default()
            },
            title: w.title.clone(),
        }),
        (_, SlideData::Agenda(a)) => SlideData::Agenda(AgendaSlide {
            sections: c.take("sections", &a.sections),
        }),
        (_, SlideData::Wins(w)) => SlideData::Wins(WinsSlide {
            wins: c.take("wins", &w.wins),
        }),
        (_, SlideData::List(l)) => SlideData::List(ListSlide {
            title: l.title.clone(),
            items: c.take("items", &l.items),
        }),
        (_, SlideData::SuccessesAndMisses(s)) => {
            SlideData::SuccessesAndMisses(SuccessesAndMissesSlide {
                successes: c.take("successes", &s.successes),
                misses: c.take("misses", &s.misses),
            })
        }
        (_, SlideData::NewHires(n)) => SlideData::NewHires(NewHiresSlide {
            teams: n
                .teams
                .iter()
                .map(|t| TeamView {
                    team: t.team.clone(),
                    people: c.take(&t.team, &t.people),
                })
                .filter(|t| !t.people.is_empty())
                .collect(),
            quarter: n.quarter.clone(),
            months: n.months.clone(),
        }),
        (_, SlideData::Anniversaries(a)) => SlideData::Anniversaries(AnniversariesSlide {
            groups: a
                .groups
                .iter()
                .map(|g| AnniversaryGroupView {
                    years: g.years,
                    label: g.label.clone(),
                    people: c.take(&g.label, &g.people),
                })
                .filter(|g| !g.people.is_empty())
                .collect(),
            months: a.months.clone(),
        }),
        (_, SlideData::ObjectivesByStatus(s)) => {
            let groups = s
                .groups
                .iter()
                .map(|g| OutlookGroup {
                    key: g.key,
                    label: g.label.clone(),
                    count: g.count,
                    objectives: c.take(&g.label, &g.objectives),
                })
                .filter(|g| !g.objectives.is_empty())
                .collect();
            SlideData::ObjectivesByStatus(ObjectivesByStatusSlide {
                groups,
                total: s.total,
                quarter: s.quarter.clone(),
                // The chart is of the whole: it shows on the first part.
                chart: if c.first() { s.chart } else { &None },
            })
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(n: usize) -> SlideData<'static> {
        SlideData::List(ListSlide {
            title: "Challenges".into(),
            items: (0..n).map(|i| format!("item {i}")).collect(),
        })
    }

    #[test]
    fn a_window_keeps_its_items_and_names_the_list_it_continues() {
        assert_eq!(items("list", &list(60)), 60);
        let mut c = Cutter::new(10..20);
        let Some(SlideData::List(l)) = cut("list", &list(60), &mut c) else {
            panic!("a list slide splits")
        };
        assert_eq!(l.items.first().map(String::as_str), Some("item 10"));
        assert_eq!(l.items.len(), 10);
        assert_eq!(c.continued, "items");
        let mut c = Cutter::new(0..20);
        cut("list", &list(60), &mut c);
        assert_eq!(c.continued, "", "the first part continues nothing");
    }

    #[test]
    fn two_lists_read_as_one_run() {
        let s = SlideData::SuccessesAndMisses(SuccessesAndMissesSlide {
            successes: vec!["a".into(), "b".into()],
            misses: vec!["c".into(), "d".into(), "e".into()],
        });
        assert_eq!(items("successes-and-misses", &s), 5);
        let mut c = Cutter::new(1..4);
        let Some(SlideData::SuccessesAndMisses(w)) = cut("", &s, &mut c) else {
            panic!()
        };
        assert_eq!(w.successes, ["b"]);
        assert_eq!(w.misses, ["c", "d"]);
        assert_eq!(c.continued, "successes");
        let mut c = Cutter::new(3..5);
        cut("", &s, &mut c);
        assert_eq!(c.continued, "misses");
    }

    #[test]
    fn kinds_without_items_do_not_split() {
        let q = SlideData::Questions(QuestionsSlide {});
        assert_eq!(items("questions", &q), 0);
    }
}
