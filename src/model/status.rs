//! The status vocabulary shared by objectives, goals, key results and
//! check-ins, with [`Status::Unstated`] for a status the review does not
//! give. What the review printed, and the status it maps to, is a
//! [`super::stated::Stated`].

use serde::Deserialize;

/// Where a piece of work stands. Authors write the kebab-case name
/// (`on-track`); the spaced forms (`on track`) and the listed synonyms are
/// accepted too.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Done,
    #[serde(alias = "on track")]
    OnTrack,
    #[serde(alias = "in progress")]
    InProgress,
    Partial,
    #[serde(alias = "at risk")]
    AtRisk,
    Blocked,
    Postponed,
    #[serde(
        alias = "not started",
        alias = "to-do",
        alias = "to do",
        alias = "todo"
    )]
    NotStarted,
    #[serde(alias = "not-complete", alias = "not complete")]
    Missed,
    Cancelled,
    /// The review gives no status: shown as "no status given", never
    /// written in YAML (leave `status` out instead).
    #[serde(skip)]
    #[default]
    Unstated,
}

/// How a status reads at a glance: the grouping used on overview slides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outlook {
    /// Finished.
    Complete,
    /// Moving as planned.
    Healthy,
    /// Needs attention.
    Trouble,
    /// Not moving: not started, postponed, cancelled.
    Idle,
    /// The review gives no status: its own group, never folded into another.
    Unstated,
}

impl Status {
    /// Every status, [`Status::Unstated`] last.
    pub const ALL: [Status; 11] = [
        Status::Done,
        Status::OnTrack,
        Status::InProgress,
        Status::Partial,
        Status::AtRisk,
        Status::Blocked,
        Status::Postponed,
        Status::NotStarted,
        Status::Missed,
        Status::Cancelled,
        Status::Unstated,
    ];

    /// The status a name stands for: the kebab-case name, its spaced form
    /// or a synonym (`to do`, `not complete`), in any letter case.
    pub fn from_name(name: &str) -> Option<Status> {
        let name = name.trim().to_lowercase().replace(' ', "-");
        let name = name.trim_end_matches('.');
        Status::ALL
            .into_iter()
            .filter(|s| *s != Status::Unstated)
            .find(|s| s.key() == name)
            .or(match name {
                "to-do" | "todo" => Some(Status::NotStarted),
                "not-complete" => Some(Status::Missed),
                _ => None,
            })
    }

    /// The words shown on a page, next to the status symbol.
    pub fn label(self) -> &'static str {
        match self {
            Status::Done => "Done",
            Status::OnTrack => "On track",
            Status::InProgress => "In progress",
            Status::Partial => "Partial",
            Status::AtRisk => "At risk",
            Status::Blocked => "Blocked",
            Status::Postponed => "Postponed",
            Status::NotStarted => "Not started",
            Status::Missed => "Missed",
            Status::Cancelled => "Cancelled",
            Status::Unstated => "No status given",
        }
    }

    /// The kebab-case name, used as a CSS class and in YAML.
    pub fn key(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::OnTrack => "on-track",
            Status::InProgress => "in-progress",
            Status::Partial => "partial",
            Status::AtRisk => "at-risk",
            Status::Blocked => "blocked",
            Status::Postponed => "postponed",
            Status::NotStarted => "not-started",
            Status::Missed => "missed",
            Status::Cancelled => "cancelled",
            Status::Unstated => "unstated",
        }
    }

    /// A text symbol shown with the label, so status never relies on colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Done => "✔",
            Status::OnTrack => "●",
            Status::InProgress => "◐",
            Status::Partial => "◆",
            Status::AtRisk => "▲",
            Status::Blocked => "■",
            Status::Postponed => "‖",
            Status::NotStarted => "○",
            Status::Missed => "✖",
            Status::Cancelled => "⊘",
            Status::Unstated => "◌",
        }
    }

    pub fn outlook(self) -> Outlook {
        match self {
            Status::Done => Outlook::Complete,
            Status::OnTrack | Status::InProgress => Outlook::Healthy,
            Status::Partial | Status::AtRisk | Status::Blocked | Status::Missed => Outlook::Trouble,
            Status::Postponed | Status::NotStarted | Status::Cancelled => Outlook::Idle,
            Status::Unstated => Outlook::Unstated,
        }
    }
}

impl Outlook {
    pub fn label(self) -> &'static str {
        match self {
            Outlook::Complete => "Complete",
            Outlook::Healthy => "On track",
            Outlook::Trouble => "Needs attention",
            Outlook::Idle => "Not moving",
            Outlook::Unstated => "No status given",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Outlook::Complete => "complete",
            Outlook::Healthy => "healthy",
            Outlook::Trouble => "trouble",
            Outlook::Idle => "idle",
            Outlook::Unstated => "unstated",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_case_and_form_are_known() {
        assert_eq!(Status::from_name("On Track"), Some(Status::OnTrack));
        assert_eq!(Status::from_name("To do"), Some(Status::NotStarted));
        assert_eq!(Status::from_name("Not complete."), Some(Status::Missed));
        assert_eq!(Status::from_name("unstated"), None);
        assert_eq!(Status::from_name("Partly done"), None);
    }

    #[test]
    fn unstated_cannot_be_written() {
        assert!(serde_saphyr::from_str::<Status>("unstated").is_err());
    }

    #[test]
    fn keys_round_trip_through_yaml() {
        for s in Status::ALL.into_iter().filter(|s| *s != Status::Unstated) {
            let parsed: Status = serde_saphyr::from_str(s.key()).unwrap();
            assert_eq!(parsed, s);
        }
    }

    #[test]
    fn spaced_and_synonym_forms_are_accepted() {
        let on: Status = serde_saphyr::from_str("on track").unwrap();
        assert_eq!(on, Status::OnTrack);
        let todo: Status = serde_saphyr::from_str("to do").unwrap();
        assert_eq!(todo, Status::NotStarted);
        let nc: Status = serde_saphyr::from_str("not complete").unwrap();
        assert_eq!(nc, Status::Missed);
    }

    #[test]
    fn every_status_has_a_distinct_symbol() {
        let mut symbols: Vec<_> = Status::ALL.iter().map(|s| s.symbol()).collect();
        symbols.sort();
        symbols.dedup();
        assert_eq!(symbols.len(), Status::ALL.len());
    }
}
