//! Never panic on input: every file of the example content, cut short at
//! many points or with characters spliced in, goes through the whole
//! pipeline (load, derive, render) and must come out as diagnostics or a
//! site, never as a panic.

use quarterdeck::Options;
use std::fs;
use std::path::Path;

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn mangled_content_never_panics() {
    let source = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"));
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("content");
    copy_tree(source, &root);
    let files: Vec<_> = walkdir::WalkDir::new(&root)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "md"))
        .collect();
    assert!(files.len() >= 10);
    let options = Options {
        content: root.clone(),
        output: dir.path().join("out"),
        base_url: None,
        ..Options::default()
    };
    let splices = [
        "\u{0}",
        ": [",
        "\n  - ",
        "\"",
        "'",
        "{#",
        "---\n",
        "::: notes\n",
        "é",
        "\t",
        "- : -",
        "![x](",
        "<script>",
    ];
    let mut runs = 0;
    for (n, file) in files.iter().enumerate() {
        let original = fs::read_to_string(file).unwrap();
        let chars: Vec<(usize, char)> = original.char_indices().collect();
        for k in 1..=4 {
            let (cut, _) = chars[chars.len() * k / 5];
            let splice = splices[(n + k) % splices.len()];
            for text in [
                original[..cut].to_string(),
                format!("{}{splice}{}", &original[..cut], &original[cut..]),
            ] {
                fs::write(file, &text).unwrap();
                let outcome = quarterdeck::check(&options);
                for d in &outcome.report.items {
                    assert!(!d.message.is_empty(), "every diagnostic says something");
                }
                runs += 1;
            }
        }
        fs::write(file, &original).unwrap();
    }
    assert!(runs > 80, "{runs}");
    assert!(
        !quarterdeck::check(&options).report.has_errors(),
        "restored content is valid again"
    );
}
