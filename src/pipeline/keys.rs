//! Render keys: a hash of everything a page reads, so that equal keys mean
//! identical pages. Each value is hashed whole, through its `Debug` form
//! (derived on every model and derived type, so a field added later is
//! covered without touching this file); nothing is picked field by field.
//!
//! What a quarter's pages read (from `render`): the quarter itself and its
//! derived figures; what every page shows (settings, roster, media, theme,
//! render options, every quarter's id, folder and `quarter.yaml`, which
//! give the labels of neighbours and navigation); the sections of every
//! quarter up to it (trends, changes and key results compare with earlier
//! quarters); and, for each of its objectives, that objective in every
//! quarter that has it (its history).

use crate::derive::Derived;
use crate::model::{FiscalQuarter, Quarter, Site};
use crate::render::{KpiRow, RenderOptions};
use std::collections::BTreeMap;
use std::fmt::{Debug, Write as _};
use std::hash::{DefaultHasher, Hasher};

/// Hashes what is written to it: values are keyed through their `Debug`
/// form without building the string.
struct HashWriter(DefaultHasher);

impl HashWriter {
    fn new() -> Self {
        Self(DefaultHasher::new())
    }

    fn value(&mut self, value: &(impl Debug + ?Sized)) -> &mut Self {
        // Writing into a hasher cannot fail.
        let _ = write!(self, "{value:?}\u{0}");
        self
    }

    fn key(&mut self, key: u64) -> &mut Self {
        self.0.write_u64(key);
        self
    }

    fn finish(&self) -> u64 {
        self.0.finish()
    }
}

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

/// The render keys of one run.
pub struct Keys {
    /// What every page reads.
    pub shared: u64,
    pub quarters: BTreeMap<FiscalQuarter, u64>,
}

/// Hashes of one quarter's own content: the same for the same files, so
/// they are kept with the loaded quarter folder ([`super::files`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterHashes {
    /// The whole quarter.
    whole: u64,
    /// Its id and sections: what later quarters compare with and chart.
    sections: u64,
    /// Each objective, with its quarter and section file (its history).
    objectives: Vec<(String, u64)>,
}

impl QuarterHashes {
    pub fn of(q: &Quarter) -> Self {
        Self {
            whole: HashWriter::new().value(q).finish(),
            sections: HashWriter::new().value(&q.id).value(&q.sections).finish(),
            objectives: q
                .objectives()
                .map(|(section, o)| {
                    let h = HashWriter::new()
                        .value(&q.id)
                        .value(&section.file)
                        .value(o)
                        .finish();
                    (o.id.value.to_string(), h)
                })
                .collect(),
        }
    }
}

/// The keys of every quarter of `site`; `theme` is a hash of the theme
/// folder's files; `hashes` gives each quarter's [`QuarterHashes`]
/// (kept, or [`QuarterHashes::of`]).
pub fn keys(
    site: &Site,
    derived: &Derived,
    options: &RenderOptions,
    theme: u64,
    hashes: &(dyn Fn(&Quarter) -> QuarterHashes + Sync),
) -> Keys {
    use rayon::prelude::*;
    let mut shared = HashWriter::new();
    shared
        .value(options)
        .value(&site.config)
        .value(&site.calendar)
        .value(&site.people)
        .value(&site.media)
        .value(&site.csv_figures)
        .value(&site.theme_dir)
        .key(theme);
    for q in &site.quarters {
        shared.value(&q.id).value(&q.dir).value(&q.file);
    }
    let shared = shared.finish();
    let own: Vec<QuarterHashes> = site.quarters.par_iter().map(hashes).collect();
    // The sections of every quarter up to and including each one.
    let mut running = HashWriter::new();
    let earlier: Vec<u64> = own
        .iter()
        .map(|h| running.key(h.sections).finish())
        .collect();
    // Each objective in every quarter that has it.
    let mut histories: BTreeMap<&str, HashWriter> = BTreeMap::new();
    for h in &own {
        for (id, objective) in &h.objectives {
            histories
                .entry(id.as_str())
                .or_insert_with(HashWriter::new)
                .key(*objective);
        }
    }
    let histories: BTreeMap<&str, u64> = histories
        .into_iter()
        .map(|(id, h)| (id, h.finish()))
        .collect();
    let quarters = site
        .quarters
        .par_iter()
        .zip(&own)
        .zip(&earlier)
        .map(|((q, own), earlier)| {
            let mut h = HashWriter::new();
            h.key(shared)
                .key(*earlier)
                .key(own.whole)
                .value(&derived.of(q.id));
            for (id, _) in &own.objectives {
                h.key(histories.get(id.as_str()).copied().unwrap_or_default());
            }
            (q.id, h.finish())
        })
        .collect();
    Keys { shared, quarters }
}

/// The key of a KPI page: what every page reads, and the KPI's rows.
pub fn kpi_page(shared: u64, rows: &[&KpiRow]) -> u64 {
    HashWriter::new().key(shared).value(rows).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_values_equal_keys_and_a_change_changes_the_key() {
        let a = HashWriter::new().value(&("a", 1)).finish();
        assert_eq!(a, HashWriter::new().value(&("a", 1)).finish());
        assert_ne!(a, HashWriter::new().value(&("a", 2)).finish());
        // Values are separated: ("ab", "") is not ("a", "b").
        let joined = HashWriter::new().value("ab").value("").finish();
        assert_ne!(joined, HashWriter::new().value("a").value("b").finish());
    }
}
