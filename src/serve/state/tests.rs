//! The live site's rebuilds, against clean runs of the example content.
use super::*;
use std::fs;

fn copy_example(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The served pages are exactly those of a clean run.
fn assert_serves_a_clean_run(live: &Live, content: &Path) {
    let options = Options {
        content: content.to_path_buf(),
        drafts: true,
        ..Options::default()
    };
    let clean = Pipeline::once().run(&options, &Silent, Output::Memory);
    let clean = clean.rendered.unwrap();
    let snapshot = live.snapshot();
    let mut served: Vec<&String> = snapshot.files.keys().collect();
    served.sort();
    let expected: Vec<&String> = clean.files.iter().map(|f| &f.path).collect();
    assert_eq!(served, expected);
    for f in &clean.files {
        assert!(
            snapshot.files[&f.path].as_ref() == f.bytes.as_slice(),
            "{} differs from a clean run",
            f.path
        );
    }
}

fn rendered(r: Rebuilt) -> usize {
    match r {
        Rebuilt::Site { rendered, .. } => rendered,
        Rebuilt::Failed { text } => panic!("{text}"),
    }
}

/// What the watcher reports of an edit.
fn saw(path: &str) -> Batch {
    Batch {
        paths: [path.to_string()].into(),
        rescan: false,
    }
}

fn edit(path: &Path, f: impl Fn(&str) -> String) {
    let text = fs::read_to_string(path).unwrap();
    fs::write(path, f(&text)).unwrap();
}

#[test]
fn a_warning_is_shown_once_until_it_goes_away() {
    let live = Live::new(Path::new("content"));
    let w = |list: &[&str]| live.new_warnings(list.iter().map(|s| s.to_string()).collect());
    assert_eq!(w(&["a", "b"]), "a\nb");
    assert_eq!(w(&["b", "c"]), "c");
    assert_eq!(w(&["a", "c"]), "a", "`a` went away, so it is new again");
}

#[test]
fn a_rebuild_serves_the_new_site_and_a_bad_edit_keeps_the_last_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_example(&content);
    let live = Live::new(&content);
    let mut notices = live.subscribe();
    assert_eq!(rendered(live.rebuild(&Batch::default())), 3);
    assert_eq!(notices.try_recv().ok(), Some(Notice::Reload(1, Scope::All)));

    let narrative = "quarters/fy20-21-q1/narrative/mtp-update.md";
    edit(&content.join(narrative), |t| {
        format!("{t}\n---\n\n# Added {{#added}}\n\nA new slide.\n")
    });
    assert_eq!(rendered(live.rebuild(&saw(narrative))), 1);
    assert_eq!(notices.try_recv().ok(), Some(Notice::Reload(2, Scope::All)));
    assert_serves_a_clean_run(&live, &content);

    edit(&content.join("site.yaml"), |t| format!("{t}colour: blue\n"));
    assert!(matches!(
        live.rebuild(&saw("site.yaml")),
        Rebuilt::Failed { .. }
    ));
    assert_eq!(live.snapshot().version, 2, "the last good site is served");
    let error = live.error().unwrap();
    assert!(error.contains("unknown field `colour`"), "{error}");
    assert_eq!(notices.try_recv().ok(), Some(Notice::Error(error)));

    edit(&content.join("site.yaml"), |t| {
        t.replace("colour: blue\n", "")
    });
    rendered(live.rebuild(&saw("site.yaml")));
    assert!(live.error().is_none());
    assert_eq!(live.snapshot().version, 3);
    assert_serves_a_clean_run(&live, &content);
}

fn only(pages: &[&str]) -> Arc<BTreeSet<String>> {
    Arc::new(pages.iter().map(|p| p.to_string()).collect())
}

#[test]
fn the_quarter_of_an_open_page_is_served_first_and_its_browsers_reload_once() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_example(&content);
    let live = Arc::new(Live::new(&content));
    rendered(live.rebuild(&Batch::default()));
    let deck = "fy20-21-q1/index.html";
    let _shown = live.show(deck.to_string());
    let _elsewhere = live.show("index.html".to_string());
    let mut notices = live.subscribe();

    let narrative = "quarters/fy20-21-q1/narrative/mtp-update.md";
    edit(&content.join(narrative), |t| {
        format!("{t}\n---\n\n# Added {{#added}}\n\nA new slide.\n")
    });
    let rebuilt = live.rebuild(&saw(narrative));
    assert!(
        matches!(rebuilt, Rebuilt::Site { shown: Some(_), .. }),
        "{rebuilt:?}"
    );
    let Some(Notice::Reload(2, Scope::Only(early))) = notices.try_recv().ok() else {
        panic!("the open quarter's pages are served first")
    };
    assert!(early.contains(deck), "{early:?}");
    assert!(
        !early.contains("index.html"),
        "the index is not a quarter's"
    );
    assert_eq!(
        notices.try_recv().ok(),
        Some(Notice::Reload(3, Scope::Except(Arc::clone(&early)))),
        "then every other browser, once the whole site is served"
    );
    assert_serves_a_clean_run(&live, &content);
    let snapshot = live.snapshot();
    assert!(
        snapshot.current(Some(deck), 2),
        "reloaded early, still current"
    );
    assert!(!snapshot.current(Some("index.html"), 2));
    assert!(snapshot.current(Some("index.html"), 3));

    // The title is on every page: nothing is final before the rest.
    edit(&content.join("site.yaml"), |t| {
        t.replace("title: Technology", "title: The technology")
    });
    assert_eq!(rendered(live.rebuild(&saw("site.yaml"))), 3);
    assert_eq!(notices.try_recv().ok(), Some(Notice::Reload(4, Scope::All)));
    assert!(!live.snapshot().current(Some(deck), 2));
    assert_serves_a_clean_run(&live, &content);
}

#[test]
fn a_build_that_fails_after_serving_pages_early_puts_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_example(&content);
    let live = Live::new(&content);
    rendered(live.rebuild(&Batch::default()));
    let mut notices = live.subscribe();
    let deck = "fy20-21-q1/index.html";
    let changed = OutputFile {
        path: deck.to_string(),
        bytes: b"<p>early</p>".to_vec(),
    };
    let new = OutputFile {
        path: "fy20-21-q1/new.html".to_string(),
        bytes: b"<p>new</p>".to_vec(),
    };
    let early = live.serve_early(&[&changed, &new], Instant::now());
    let pages = Arc::clone(&early.pages);
    assert_eq!(pages, only(&[deck, "fy20-21-q1/new.html"]));
    assert_eq!(
        notices.try_recv().ok(),
        Some(Notice::Reload(2, Scope::Only(Arc::clone(&pages))))
    );
    assert_eq!(&*live.snapshot().files[deck], b"<p>early</p>");

    let failed = live.fail_after("broken".into(), Some(early));
    assert!(matches!(failed, Rebuilt::Failed { .. }));
    assert_serves_a_clean_run(&live, &content);
    assert_eq!(live.error().as_deref(), Some("broken"));
    assert_eq!(
        notices.try_recv().ok(),
        Some(Notice::Reload(3, Scope::Only(pages))),
        "the browsers shown the early pages go back to the last good build"
    );
    assert_eq!(
        notices.try_recv().ok(),
        Some(Notice::Error("broken".into()))
    );
    assert!(!live.snapshot().current(Some(deck), 2));
}

#[test]
fn a_reload_is_for_the_pages_in_its_scope() {
    let pages = only(&["a/index.html"]);
    assert!(Scope::All.includes(None));
    assert!(Scope::Only(Arc::clone(&pages)).includes(Some("a/index.html")));
    assert!(!Scope::Only(Arc::clone(&pages)).includes(Some("b.html")));
    assert!(!Scope::Only(Arc::clone(&pages)).includes(None));
    assert!(!Scope::Except(Arc::clone(&pages)).includes(Some("a/index.html")));
    assert!(Scope::Except(pages).includes(None));
}
