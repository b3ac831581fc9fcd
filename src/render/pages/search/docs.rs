//! The list of results, `search/docs.js`, made small and written straight
//! into one buffer: `{"quarters":[labels],"decks":[paths],"teams":[titles],
//! "kinds":[kinds],"docs":[...]}`, each result `[title, path, quarter,
//! team, kind]`, the last three numbers into those lists (`-1`: none), or
//! just `[title, path]` when those three are the previous result's; a path
//! that starts with `#` is a slide of the deck `decks[quarter]`.

use super::{SearchEntry, json_display, json_string};
use crate::model::{FiscalQuarter, Site};
use crate::render::urls::deck_path;
use crate::write::OutputFile;
use std::collections::BTreeMap;
use std::io::Write as _;

/// `search/docs.js`, from the entries in [`super::order`].
pub fn docs_file(site: &Site, entries: &[&SearchEntry]) -> OutputFile {
    let mut quarters: BTreeMap<FiscalQuarter, i64> = BTreeMap::new();
    let mut teams: BTreeMap<&str, i64> = BTreeMap::new();
    let mut kinds: BTreeMap<&'static str, i64> = BTreeMap::new();
    for e in entries {
        if let Some(q) = e.quarter {
            quarters.insert(q, 0);
        }
        if let Some((_, t)) = &e.section {
            teams.insert(t, 0);
        }
        kinds.insert(e.kind, 0);
    }
    number(quarters.values_mut());
    number(teams.values_mut());
    number(kinds.values_mut());
    let decks: Vec<String> = quarters
        .keys()
        .map(|q| deck_path(&site.calendar.slug(*q)))
        .collect();
    let labels: Vec<String> = quarters.keys().map(|q| site.calendar.label(*q)).collect();
    let size: usize = entries
        .iter()
        .map(|e| e.title.len() + e.path.len() + 24)
        .chain(decks.iter().chain(&labels).map(|s| s.len() + 3))
        .chain(teams.keys().map(|t| t.len() + 3))
        .sum();
    let mut js = Vec::with_capacity(size + 200);
    js.extend_from_slice(
        b"window.quarterdeckSearch=window.quarterdeckSearch||{};quarterdeckSearch.index=",
    );
    js.extend_from_slice(b"{\"quarters\":");
    list(&mut js, labels.iter().map(String::as_str));
    js.extend_from_slice(b",\"decks\":");
    list(&mut js, decks.iter().map(String::as_str));
    js.extend_from_slice(b",\"teams\":");
    list(&mut js, teams.keys().copied());
    js.extend_from_slice(b",\"kinds\":");
    list(&mut js, kinds.keys().copied());
    js.extend_from_slice(b",\"docs\":[");
    let mut previous = None;
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            js.push(b',');
        }
        js.push(b'[');
        json_string(&mut js, &e.title);
        js.push(b',');
        let q = e.quarter.and_then(|q| quarters.get(&q).copied());
        let deck = q
            .and_then(|q| usize::try_from(q).ok())
            .and_then(|q| decks.get(q));
        match (deck, e.path.split_once('#')) {
            (Some(deck), Some((path, slide))) if deck == path => {
                json_display(&mut js, format_args!("#{slide}"));
            }
            _ => json_string(&mut js, &e.path),
        }
        let team = e
            .section
            .as_ref()
            .and_then(|(_, t)| teams.get(t.as_str()).copied());
        let of = (
            q.unwrap_or(-1),
            team.unwrap_or(-1),
            kinds.get(e.kind).copied().unwrap_or(-1),
        );
        if previous.replace(of) != Some(of) {
            // Writing into a Vec cannot fail.
            let _ = write!(js, ",{},{},{}", of.0, of.1, of.2);
        }
        js.push(b']');
    }
    js.extend_from_slice(b"]};\n");
    OutputFile {
        path: "search/docs.js".to_string(),
        bytes: js,
    }
}

/// Number the values in order from 0.
fn number<'a>(values: impl Iterator<Item = &'a mut i64>) {
    for (i, v) in values.enumerate() {
        *v = i64::try_from(i).unwrap_or(-1);
    }
}

/// A JSON list of strings.
fn list<'a>(js: &mut Vec<u8>, items: impl Iterator<Item = &'a str>) {
    js.push(b'[');
    for (i, s) in items.enumerate() {
        if i > 0 {
            js.push(b',');
        }
        json_string(js, s);
    }
    js.push(b']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::fixtures::{fq, site};
    use crate::model::Id;

    fn entry(kind: &'static str, title: &str, path: &str, team: (&str, &str)) -> SearchEntry {
        let mut e = SearchEntry::new(kind, title, path.to_string(), "");
        e.section = Some((Id::new(team.0), team.1.to_string()));
        e
    }

    #[test]
    fn a_result_says_its_quarter_team_and_kind_when_they_change() {
        let site = site(1, Vec::new(), "");
        let q = fq(2024, 1);
        let deck = deck_path(&site.calendar.slug(q));
        let mut entries = [
            entry(
                "slide",
                "Say \"hi\"\n",
                &format!("{deck}#intro"),
                ("a", "Alpha"),
            ),
            entry("slide", "Ünïcode", &format!("{deck}#s2"), ("a", "Alpha")),
            entry("objective", "Obj", "q/o.html", ("a", "Alpha")),
            entry("kpi", "K", "kpis/k.html", ("b", "Beta")),
        ];
        for e in &mut entries[..3] {
            e.quarter = Some(q);
        }
        let entries: Vec<&SearchEntry> = entries.iter().collect();
        let file = docs_file(&site, &entries);
        let label = site.calendar.label(q);
        let expected = format!(
            "window.quarterdeckSearch=window.quarterdeckSearch||{{}};quarterdeckSearch.index=\
             {{\"quarters\":[\"{label}\"],\"decks\":[\"{deck}\"],\"teams\":[\"Alpha\",\"Beta\"],\
             \"kinds\":[\"kpi\",\"objective\",\"slide\"],\"docs\":[\
             [\"Say \\\"hi\\\"\\n\",\"#intro\",0,0,2],[\"Ünïcode\",\"#s2\"],\
             [\"Obj\",\"q/o.html\",0,0,1],[\"K\",\"kpis/k.html\",-1,1,0]]}};\n"
        );
        assert_eq!(String::from_utf8(file.bytes).unwrap_or_default(), expected);
    }

    #[test]
    fn no_entries_is_empty_lists() {
        let file = docs_file(&site(1, Vec::new(), ""), &[]);
        let text = String::from_utf8(file.bytes).unwrap_or_default();
        assert!(
            text.ends_with(
                "index={\"quarters\":[],\"decks\":[],\"teams\":[],\"kinds\":[],\"docs\":[]};\n"
            ),
            "{text}"
        );
    }
}
