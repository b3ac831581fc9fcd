//! Shared test harness: fixture review repositories in temporary folders,
//! running the real `quarterdeck` binary, and parsing its HTML output.
#![allow(dead_code)]

pub mod live;

use scraper::{Html, Selector};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A small but complete review repository: one section, one KPI, one
/// objective with a key result, a narrative file and a roster.
pub const SITE: &str =
    "organisation: Example Org\ntitle: Example reviews\nfiscal_year_start_month: 7\n";
pub const PEOPLE: &str = "people:\n  - name: Ada Lovelace\n    team: Platform\n    start: 2019-08-15\n  - name: Grace Hopper\n    team: Platform\n    start: 2020-09-01\n";
pub const QUARTER: &str =
    "fiscal_year: 2020\nquarter: 1\ntitle: Platform review\nsections: [platform]\n";
pub const SECTION: &str = "\
title: Platform
owner: Ada Lovelace
kpis:
  - id: api-requests
    name: API requests
    unit: req/s
    value: 440
    previous: 248
objectives:
  - id: api-gateway
    title: Launch the API gateway
    status: on-track
    key_results:
      - id: kr1
        title: Services decoupled
        baseline: 0
        target: 4
        value: 2
        status: on-track
";
pub const NARRATIVE: &str = "# Welcome {#welcome}\n\nThe quarter in one slide.\n";

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// The valid fixture repository.
    pub fn valid() -> Self {
        let f = Fixture {
            dir: tempfile::tempdir().unwrap(),
        };
        f.write("site.yaml", SITE);
        f.write("people.yaml", PEOPLE);
        f.write("quarters/q1/quarter.yaml", QUARTER);
        f.write("quarters/q1/sections/platform.yaml", SECTION);
        f.write("quarters/q1/narrative/intro.md", NARRATIVE);
        f
    }

    /// An empty repository to fill by hand.
    pub fn empty() -> Self {
        Fixture {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn content(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    pub fn output(&self) -> PathBuf {
        self.dir.path().join("output")
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.content().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.content().join(rel)).unwrap();
    }

    /// `quarterdeck build` of this fixture into its output folder.
    pub fn build(&self) -> Run {
        run(&[
            "build",
            "--content",
            path(&self.content()),
            "--output",
            path(&self.output()),
        ])
    }

    pub fn check(&self) -> Run {
        run(&["check", "--content", path(&self.content())])
    }

    pub fn page(&self, rel: &str) -> Html {
        let text =
            fs::read_to_string(self.output().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        Html::parse_document(&text)
    }
}

pub fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

pub struct Run {
    pub output: Output,
}

impl Run {
    pub fn ok(&self) -> bool {
        self.output.status.success()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Assert success and return stderr.
    /// Debug builds also check the link check's quick scan against the
    /// HTML parser on every page, and say so on stderr when they differ.
    pub fn expect_ok(&self) -> String {
        let stderr = self.stderr();
        assert!(self.ok(), "expected success, got:\n{stderr}");
        assert!(
            !stderr.contains("internal: the quick link scan differs"),
            "{stderr}"
        );
        stderr
    }

    /// Assert failure and return stderr.
    pub fn expect_err(&self) -> String {
        assert!(
            !self.ok(),
            "expected failure, got success:\n{}",
            self.stderr()
        );
        assert_eq!(
            self.output.status.code(),
            Some(1),
            "exit code 1 for bad content"
        );
        assert!(!self.stderr().contains("panicked"), "{}", self.stderr());
        self.stderr()
    }
}

pub fn run(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
        .args(args)
        .output()
        .unwrap();
    Run { output }
}

/// A copy of the folder `from` (a content folder) at `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// What a clean `build` of `options` writes, file by file (the marker
/// `build` leaves to know the folder as its own is no page).
pub fn clean_build(options: &quarterdeck::Options) -> BTreeMap<String, Vec<u8>> {
    let outcome = quarterdeck::build(options);
    assert!(
        !outcome.report.has_errors(),
        "{}",
        outcome.render(&options.content)
    );
    let mut built = snapshot(&options.output);
    built.retain(|path, _| !path.starts_with('.'));
    built
}

/// A theme folder `theme/` in `content` whose `base.html` is the default
/// one with a comment after it: every page changes with it.
pub fn write_theme_folder(content: &Path) {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html");
    let base = fs::read_to_string(base).unwrap();
    fs::create_dir_all(content.join("theme/templates")).unwrap();
    fs::write(
        content.join("theme/templates/base.html"),
        format!("{base}<!-- a theme -->\n"),
    )
    .unwrap();
}

/// Every file below `dir` with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, fs::read(entry.path()).unwrap());
        }
    }
    out
}

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// Normalised text of the first element matching `selector`.
pub fn text_of(doc: &Html, selector: &str) -> String {
    let el = doc
        .select(&sel(selector))
        .next()
        .unwrap_or_else(|| panic!("no element matches {selector}"));
    normalise(&el.text().collect::<Vec<_>>().join(" "))
}

pub fn texts(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .map(|e| normalise(&e.text().collect::<Vec<_>>().join(" ")))
        .collect()
}

pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every internal link and asset reference of every page must resolve to
/// a file, and a fragment to an element id on the target page.
pub fn broken_links(site: &Path) -> Vec<String> {
    let files = snapshot(site);
    let mut ids: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut pages = Vec::new();
    for (rel, bytes) in &files {
        if rel.ends_with(".html") {
            let doc = Html::parse_document(&String::from_utf8_lossy(bytes));
            ids.insert(
                rel.clone(),
                doc.select(&sel("[id]"))
                    .filter_map(|e| e.value().attr("id").map(String::from))
                    .collect(),
            );
            pages.push((rel.clone(), doc));
        }
    }
    let mut broken = Vec::new();
    for (rel, doc) in &pages {
        let base = rel.rsplit_once('/').map_or("", |(d, _)| d);
        for el in doc.select(&sel("[href], [src]")) {
            let Some(url) = el.value().attr("href").or(el.value().attr("src")) else {
                continue;
            };
            if url.contains("://")
                || url.starts_with("mailto:")
                || url.starts_with("tel:")
                || url.starts_with("data:")
            {
                continue;
            }
            let (file, fragment) = url
                .split_once('#')
                .map_or((url, None), |(f, h)| (f, Some(h)));
            let file = percent_decode(file);
            let target = if file.is_empty() {
                rel.clone()
            } else {
                join(base, &file)
            };
            if !files.contains_key(&target) {
                broken.push(format!("{rel}: {url} (no file {target})"));
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty())
                && !ids
                    .get(&target)
                    .is_some_and(|list| list.iter().any(|i| i == fragment))
            {
                broken.push(format!("{rel}: {url} (no id {fragment} in {target})"));
            }
        }
    }
    broken
}

fn join(base: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for p in rel.split('/') {
        match p {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Decode `%XX` escapes in a URL path (what a browser does before opening a file).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(h) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(h);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
