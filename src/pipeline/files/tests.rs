use super::*;
use std::fs;

fn set(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|p| p.to_string()).collect()
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// The listing, sorted by kind, is what a walk of the folder finds, with
/// the same problems.
fn assert_walks(files: &Files, root: &Path) {
    let (found, problems) = files.walked();
    let (walked, walk_problems) = walk::walk(root);
    assert_eq!(format!("{found:?}"), format!("{walked:?}"));
    let mut problems = problems.clone();
    let mut walk_problems = walk_problems;
    problems.sort_by(|a, b| a.file.cmp(&b.file));
    walk_problems.sort_by(|a, b| a.file.cmp(&b.file));
    assert_eq!(format!("{problems:?}"), format!("{walk_problems:?}"));
}

/// A folder of content, listed once.
fn listed() -> (tempfile::TempDir, Files) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "site.yaml", "a: 1\n");
    write(root, "quarters/q1/quarter.yaml", "q: 1\n");
    write(root, "quarters/q1/narrative/a.md", "# A\n");
    write(root, "quarters/q1/sections/ops.yaml", "s: 1\n");
    write(root, "quarters/q1/stray.yaml", "x\n");
    write(root, "quarters/q1/.a.md.swp", "x");
    let mut files = Files::default();
    files.refresh(root, &BTreeSet::new(), true);
    (dir, files)
}

#[test]
fn a_refresh_names_what_was_added_changed_or_removed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("a.yaml"), "a: 1\n").unwrap();
    fs::create_dir(root.join("q")).unwrap();
    fs::write(root.join("q/b.md"), "# B\n").unwrap();
    fs::write(root.join(".hidden"), "x").unwrap();
    let mut files = Files::default();
    let none = BTreeSet::new();
    assert_eq!(files.refresh(root, &none, false), ["a.yaml", "q/b.md"]);
    let (a, listing) = (files.hash("a.yaml"), files.listing);
    assert!(a.is_some());
    assert_eq!(files.refresh(root, &none, false), Vec::<String>::new());

    // Same size, possibly the same clock tick: seen because touched.
    fs::write(root.join("a.yaml"), "a: 2\n").unwrap();
    let touched = set(&["a.yaml"]);
    assert_eq!(files.refresh(root, &touched, false), ["a.yaml"]);
    assert_ne!(files.hash("a.yaml"), a);
    assert_eq!(files.listing, listing, "no file added or removed");

    fs::rename(root.join("q/b.md"), root.join("q/c.md")).unwrap();
    assert_eq!(files.refresh(root, &none, false), ["q/b.md", "q/c.md"]);
    assert_ne!(files.listing, listing);
    assert_eq!(files.hash("q/b.md"), None);
    assert_walks(&files, root);
}

#[test]
fn named_paths_alone_are_looked_at_when_they_are_every_change() {
    let (dir, mut files) = listed();
    let root = dir.path();
    assert_walks(&files, root);
    let (listing, a) = (files.listing, files.hash("quarters/q1/narrative/a.md"));

    // A save: the file named is read again, the listing is the same.
    write(root, "quarters/q1/narrative/a.md", "# B\n");
    let named = set(&["quarters/q1/narrative/a.md"]);
    assert_eq!(
        files.refresh(root, &named, true),
        [named.first().unwrap().as_str()]
    );
    assert_ne!(files.hash("quarters/q1/narrative/a.md"), a);
    assert_eq!(files.listing, listing);
    assert_walks(&files, root);

    // Trusted: a change nobody named is not seen until the folder is
    // listed again.
    write(root, "quarters/q1/narrative/b.md", "# B\n");
    assert_eq!(files.refresh(root, &set(&[]), true), Vec::<String>::new());
    let changed = files.refresh(root, &set(&[]), false);
    assert_eq!(changed, ["quarters/q1/narrative/b.md"]);
    assert_walks(&files, root);
}

#[test]
fn files_created_and_removed_in_a_listed_folder() {
    let (dir, mut files) = listed();
    let root = dir.path();
    let listing = files.listing;
    write(root, "quarters/q1/minutes.md", "# M\n");
    let named = set(&["quarters/q1/minutes.md"]);
    assert_eq!(
        files.refresh(root, &named, true),
        ["quarters/q1/minutes.md"]
    );
    assert_ne!(files.listing, listing);
    assert!(files.walked().0.quarters["quarters/q1"].minutes.is_some());
    assert_walks(&files, root);

    fs::remove_file(root.join("quarters/q1/stray.yaml")).unwrap();
    let named = set(&["quarters/q1/stray.yaml"]);
    assert_eq!(
        files.refresh(root, &named, true),
        ["quarters/q1/stray.yaml"]
    );
    assert_eq!(files.hash("quarters/q1/stray.yaml"), None);
    assert!(
        files.walked().1.is_empty(),
        "the stray file is no longer reported"
    );
    assert_walks(&files, root);

    // An editor's save: a temporary file written, then renamed over.
    write(root, "quarters/q1/sections/ops.yaml.tmp", "s: 2\n");
    fs::rename(
        root.join("quarters/q1/sections/ops.yaml.tmp"),
        root.join("quarters/q1/sections/ops.yaml"),
    )
    .unwrap();
    let named = set(&[
        "quarters/q1/sections/ops.yaml",
        "quarters/q1/sections/ops.yaml.tmp",
    ]);
    assert_eq!(
        files.refresh(root, &named, true),
        ["quarters/q1/sections/ops.yaml"]
    );
    assert_walks(&files, root);

    // Hidden paths are not content, named or not.
    write(root, "quarters/q1/.b.md.swp", "x");
    let named = set(&["quarters/q1/.b.md.swp", ".git/index"]);
    assert_eq!(files.refresh(root, &named, true), Vec::<String>::new());
    assert!(!files.contains("quarters/q1/.b.md.swp"));
}

#[test]
fn a_folder_created_renamed_or_removed() {
    let (dir, mut files) = listed();
    let root = dir.path();

    // A file in a new folder, named with or without its folder: the
    // folder is listed.
    write(root, "quarters/q2/quarter.yaml", "q: 2\n");
    write(root, "quarters/q2/narrative/a.md", "# A\n");
    let named = set(&["quarters/q2/narrative/a.md"]);
    let changed = files.refresh(root, &named, true);
    assert_eq!(
        changed,
        ["quarters/q2/narrative/a.md", "quarters/q2/quarter.yaml"]
    );
    assert_walks(&files, root);
    write(root, "quarters/q3/quarter.yaml", "q: 3\n");
    let named = set(&["quarters/q3", "quarters/q3/quarter.yaml"]);
    assert_eq!(
        files.refresh(root, &named, true),
        ["quarters/q3/quarter.yaml"]
    );
    assert_walks(&files, root);

    // Renamed: both names.
    fs::rename(root.join("quarters/q3"), root.join("quarters/q4")).unwrap();
    let named = set(&["quarters/q3", "quarters/q4"]);
    let changed = files.refresh(root, &named, true);
    assert_eq!(
        changed,
        ["quarters/q3/quarter.yaml", "quarters/q4/quarter.yaml"]
    );
    assert_walks(&files, root);

    // Removed: everything below it goes.
    fs::remove_dir_all(root.join("quarters/q2")).unwrap();
    let named = set(&["quarters/q2"]);
    let changed = files.refresh(root, &named, true);
    assert_eq!(
        changed,
        ["quarters/q2/narrative/a.md", "quarters/q2/quarter.yaml"]
    );
    assert!(!files.walked().0.quarters.contains_key("quarters/q2"));
    assert_walks(&files, root);

    // A folder that became a file.
    fs::remove_dir_all(root.join("quarters/q4")).unwrap();
    write(root, "quarters/q4", "x");
    let changed = files.refresh(root, &set(&["quarters/q4"]), true);
    assert_eq!(changed, ["quarters/q4", "quarters/q4/quarter.yaml"]);
    assert_walks(&files, root);
}

#[cfg(unix)]
#[test]
fn links_are_listed_as_the_walk_lists_them() {
    let (dir, mut files) = listed();
    let root = dir.path();
    let elsewhere = tempfile::tempdir().unwrap();
    write(elsewhere.path(), "quarter.yaml", "q: 9\n");
    // A quarter folder that is a link: reported, not followed.
    std::os::unix::fs::symlink(elsewhere.path(), root.join("quarters/q9")).unwrap();
    let changed = files.refresh(root, &set(&["quarters/q9"]), true);
    assert_eq!(changed, ["quarters/q9"]);
    assert_eq!(files.walked().1.len(), 2, "{:?}", files.walked().1);
    assert_walks(&files, root);
    // A file below the link (a watcher that follows links names it): the
    // walk does not list it, so neither does a refresh.
    write(elsewhere.path(), "minutes.md", "# M\n");
    files.refresh(root, &set(&["quarters/q9/minutes.md"]), true);
    assert!(!files.contains("quarters/q9/minutes.md"));
    assert_walks(&files, root);
}
