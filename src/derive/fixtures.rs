//! Test fixtures for the derive stage: small `Site` values built from YAML
//! snippets of sections and people, without touching the file system.

use crate::model::people::PeopleFile;
use crate::model::{
    FiscalCalendar, FiscalQuarter, FyLabel, Person, Quarter, QuarterFile, Section, SectionFile,
    Site, SiteFile,
};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::PathBuf;

pub(crate) fn fq(fiscal_year: i32, quarter: u8) -> FiscalQuarter {
    FiscalQuarter::new(fiscal_year, quarter).expect("valid test quarter")
}

pub(crate) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

pub(crate) fn calendar(start_month: u32) -> FiscalCalendar {
    FiscalCalendar::new(start_month, FyLabel::Span).expect("valid start month")
}

/// People from the body of `people.yaml` (the list under `people:`).
pub(crate) fn people(yaml: &str) -> Vec<Person> {
    if yaml.trim().is_empty() {
        return Vec::new();
    }
    let file: PeopleFile =
        serde_saphyr::from_str(&format!("people:\n{yaml}")).expect("valid people YAML");
    file.people
}

/// A quarter whose sections are the given `sections/*.yaml` texts.
pub(crate) fn quarter(fiscal_year: i32, q: u8, sections: &[&str]) -> Quarter {
    let file: QuarterFile = serde_saphyr::from_str(&format!(
        "fiscal_year: {fiscal_year}\nquarter: {q}\ntitle: Review\n"
    ))
    .expect("valid quarter YAML");
    let sections = sections
        .iter()
        .enumerate()
        .map(|(i, yaml)| {
            let mut data: SectionFile = serde_saphyr::from_str(yaml).expect("valid section YAML");
            let problems = data.resolve_statuses(&Default::default());
            assert!(problems.is_empty(), "{problems:?}");
            Section {
                id: format!("s{i}").into(),
                file: format!("{fiscal_year}-q{q}/sections/s{i}.yaml"),
                targets: Default::default(),
                data,
            }
        })
        .collect();
    Quarter {
        id: fq(fiscal_year, q),
        dir: format!("{fiscal_year}-q{q}"),
        file,
        sections,
        narratives: BTreeMap::new(),
        minutes: Vec::new(),
        minutes_preamble: None,
        deck: Vec::new(),
    }
}

/// A site with this fiscal start month, these quarters (sorted oldest
/// first, as the loader hands them on) and these people.
pub(crate) fn site(start_month: u32, mut quarters: Vec<Quarter>, people_yaml: &str) -> Site {
    quarters.sort_by_key(|q| q.id);
    let config: SiteFile =
        serde_saphyr::from_str("organisation: Test\ntitle: Reviews\n").expect("valid site YAML");
    Site {
        root: PathBuf::from("content"),
        config,
        calendar: calendar(start_month),
        people: people(people_yaml),
        quarters: quarters.into_iter().map(std::sync::Arc::new).collect(),
        theme_dir: None,
        media: Vec::new(),
        csv_figures: Vec::new(),
    }
}
