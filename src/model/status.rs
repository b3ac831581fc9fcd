//! The status vocabulary shared by objectives, key results and check-ins.

use serde::Deserialize;

/// Where a piece of work stands. Authors write the kebab-case name
/// (`on-track`); the spaced forms (`on track`) and the listed synonyms are
/// accepted too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
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
}

impl Status {
    pub const ALL: [Status; 10] = [
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
    ];

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
        }
    }

    pub fn outlook(self) -> Outlook {
        match self {
            Status::Done => Outlook::Complete,
            Status::OnTrack | Status::InProgress => Outlook::Healthy,
            Status::Partial | Status::AtRisk | Status::Blocked | Status::Missed => Outlook::Trouble,
            Status::Postponed | Status::NotStarted | Status::Cancelled => Outlook::Idle,
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
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Outlook::Complete => "complete",
            Outlook::Healthy => "healthy",
            Outlook::Trouble => "trouble",
            Outlook::Idle => "idle",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_yaml() {
        for s in Status::ALL {
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
