//! An incremental pipeline told what changed as `serve`'s file watcher
//! tells it ([`Pipeline::saw`]): the paths it names, nothing else; a run
//! then looks at those paths alone, or lists the folder when they do not
//! tell enough. After every change a watcher reports in its own way (a
//! file created in a new folder, a folder renamed or removed, a file
//! removed, an editor's temporary file renamed over the file, a rescan),
//! the pages, applied to those of the last good run, are byte for byte
//! what `build` writes for the same content.

mod common;

use common::{clean_build, copy_dir, write_theme_folder};
use quarterdeck::Options;
use quarterdeck::pipeline::{Output, Pipeline};
use quarterdeck::progress::Silent;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The example content in a temporary folder, run incrementally.
struct Watched {
    dir: tempfile::TempDir,
    pipeline: Pipeline,
    /// The site as the incremental runs left it, media included.
    site: BTreeMap<String, Vec<u8>>,
    /// The content files the last run saw change.
    changed: Vec<String>,
}

impl Watched {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        copy_dir(&from, &dir.path().join("content"));
        Watched {
            dir,
            pipeline: Pipeline::incremental(),
            site: BTreeMap::new(),
            changed: Vec::new(),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join("content").join(rel)
    }

    fn options(&self) -> Options {
        Options {
            content: self.dir.path().join("content"),
            base_url: Some("https://example.org/reviews/".to_string()),
            ..Options::default()
        }
    }

    /// A run after the watcher named `paths`; the site is then checked
    /// against a clean build.
    fn saw(&mut self, paths: &[&str], after: &str) {
        self.pipeline.saw(paths.iter().map(|p| p.to_string()));
        self.run(after);
    }

    fn run(&mut self, after: &str) {
        let options = self.options();
        let run = self.pipeline.run(&options, &Silent, Output::Memory);
        let text = run.outcome.render(&options.content);
        let rendered = run
            .rendered
            .unwrap_or_else(|| panic!("after {after}: {text}"));
        for path in &run.changes.removed {
            self.site.remove(path);
        }
        for file in rendered.files {
            self.site.insert(file.path, file.bytes);
        }
        for copy in rendered.copies {
            self.site.insert(copy.to, fs::read(copy.from).unwrap());
        }
        self.changed = run.changes.files;
        self.assert_clean(after);
    }

    fn assert_clean(&self, after: &str) {
        let output = self.dir.path().join("output");
        let options = Options {
            output: output.clone(),
            ..self.options()
        };
        let built = clean_build(&options);
        // A medium the site no longer publishes stays in `site` (it was
        // copied once): compare the pages and the media still published.
        let paths = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
        let mut site = self.site.clone();
        site.retain(|path, _| built.contains_key(path) || !path.starts_with("media/"));
        assert_eq!(paths(&site), paths(&built), "after {after}: the same files");
        for (path, bytes) in &built {
            assert!(site[path] == *bytes, "after {after}: {path} differs");
        }
    }

    fn edit(&self, rel: &str, f: impl Fn(&str) -> String) {
        let text = fs::read_to_string(self.path(rel)).unwrap();
        fs::write(self.path(rel), f(&text)).unwrap();
    }
}

#[test]
fn runs_told_what_the_watcher_saw_write_what_a_clean_build_writes() {
    let mut w = Watched::new();
    w.run("the first run");

    // An editor's save: a temporary file written, then renamed over the
    // file (both names reported), a backup left beside it.
    let narrative = "quarters/fy20-21-q1/narrative/mtp-update.md";
    let text = fs::read_to_string(w.path(narrative)).unwrap();
    let temp = format!("{narrative}.tmp");
    fs::write(
        w.path(&temp),
        format!("{text}\n---\n\n# Added {{#added}}\n\nSaved.\n"),
    )
    .unwrap();
    fs::rename(w.path(&temp), w.path(narrative)).unwrap();
    fs::write(w.path(&format!("{narrative}~")), &text).unwrap();
    w.saw(
        &[&temp, narrative, &format!("{narrative}~")],
        "a save by rename",
    );
    assert_eq!(w.changed, [narrative.to_string(), format!("{narrative}~")]);

    // A file created in a new folder, the folder itself not named (its
    // other files were written before the watcher saw the folder).
    copy_dir(
        &w.path("quarters/fy20-21-q2"),
        &w.path("quarters/fy20-21-q3"),
    );
    w.edit("quarters/fy20-21-q3/quarter.yaml", |t| {
        t.replace("quarter: 2\n", "quarter: 3\n")
            .replace("Q2 FY20-21", "Q3 FY20-21")
    });
    w.saw(
        &["quarters/fy20-21-q3/quarter.yaml"],
        "a quarter folder added",
    );
    assert!(w.site.contains_key("fy20-21-q3/index.html"));

    // A folder renamed: both names.
    fs::rename(w.path("quarters/fy20-21-q3"), w.path("quarters/2020-q3")).unwrap();
    w.saw(
        &["quarters/fy20-21-q3", "quarters/2020-q3"],
        "a quarter folder renamed",
    );

    // A file removed.
    fs::remove_file(w.path("quarters/fy15-16-q1/minutes.md")).unwrap();
    w.saw(&["quarters/fy15-16-q1/minutes.md"], "minutes removed");
    assert_eq!(w.changed, ["quarters/fy15-16-q1/minutes.md"]);

    // A folder removed, named alone: everything below it goes.
    fs::remove_dir_all(w.path("quarters/2020-q3")).unwrap();
    w.saw(&["quarters/2020-q3"], "a quarter folder removed");
    assert!(!w.site.contains_key("fy20-21-q3/index.html"));

    // An image a narrative names, added in a new folder of media/, then
    // removed and put back where it was.
    let image = fs::read(w.path("media/opex-reduction.svg")).unwrap();
    fs::create_dir_all(w.path("media/later")).unwrap();
    fs::write(w.path("media/later/chart.svg"), &image).unwrap();
    w.edit(narrative, |t| {
        format!("{t}\n---\n\n# Later {{#later}}\n\n![A later chart](/media/later/chart.svg)\n")
    });
    w.saw(
        &[narrative, "media/later/chart.svg"],
        "an image in a new folder",
    );
    let published = |w: &Watched| w.site.keys().any(|p| p.ends_with("later/chart.svg"));
    assert!(published(&w), "the image is published");
    fs::remove_file(w.path("media/later/chart.svg")).unwrap();
    w.pipeline.saw(["media/later/chart.svg".to_string()]);
    let options = w.options();
    let failed = w.pipeline.run(&options, &Silent, Output::Memory);
    let text = failed.outcome.render(&options.content);
    assert!(failed.rendered.is_none(), "the image is missing: {text}");
    assert!(text.contains("later/chart.svg"), "{text}");
    fs::write(w.path("media/later/chart.svg"), &image).unwrap();
    w.saw(&["media/later/chart.svg"], "the image put back");

    // A theme folder created with its file, the file named alone.
    write_theme_folder(&w.options().content);
    w.edit("site.yaml", |t| format!("{t}theme: theme\n"));
    w.saw(
        &["theme/templates/base.html", "site.yaml"],
        "a theme folder added",
    );

    // A rescan: the watcher lost its events; the change it did not name
    // is found by listing the folder.
    w.edit("quarters/fy15-16-q1/sections/operations.yaml", |t| {
        let at = t.find("    value: ").unwrap();
        let end = at + t[at..].find('\n').unwrap();
        format!("{}    value: 123456789{}", &t[..at], &t[end..])
    });
    w.pipeline.rescan();
    w.run("a change found by a rescan");
    assert_eq!(w.changed, ["quarters/fy15-16-q1/sections/operations.yaml"]);
}
