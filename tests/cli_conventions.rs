//! The conventions of a command-line tool: the content folder found from
//! any sub-folder, shell completions and a manual page from the CLI's own
//! definitions.

mod common;

use common::*;
use std::process::Command;

fn in_dir(dir: &std::path::Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    Run { output }
}

#[test]
fn the_content_folder_is_found_from_any_sub_folder() {
    let f = Fixture::valid();
    let deep = f.content().join("quarters/q1/narrative");
    let said = in_dir(&deep, &["check"]).expect_ok();
    assert!(said.contains("content is valid"), "{said}");
    // From beside content/ (the repository root), too.
    in_dir(f.dir.path(), &["check"]).expect_ok();
    // An error names the file as found from where the command ran.
    f.write(
        "quarters/q1/quarter.yaml",
        "fiscal_year: 2020\nquarter: 9\ntitle: x\n",
    );
    let err = in_dir(&deep, &["check"]).expect_err();
    assert!(err.contains("quarter.yaml"), "{err}");
    // With no site.yaml anywhere up, the default `content` is reported missing.
    let empty = tempfile::tempdir().unwrap();
    let err = in_dir(empty.path(), &["check"]).expect_err();
    assert!(err.contains("content"), "{err}");
}

#[test]
fn completions_cover_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(&["completions", shell]);
        assert!(out.ok(), "{shell}: {}", out.stderr());
        let script = String::from_utf8_lossy(&out.output.stdout);
        for command in ["build", "pdf", "serve", "completions"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let unknown = run(&["completions", "tcsh"]);
    assert_eq!(
        unknown.output.status.code(),
        Some(2),
        "not a shell clap knows"
    );
}

#[test]
fn the_man_page_is_roff_and_lists_the_commands() {
    let out = run(&["man"]);
    assert!(out.ok(), "{}", out.stderr());
    let page = String::from_utf8_lossy(&out.output.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH quarterdeck"),
        "{page}"
    );
    for command in ["build", "check", "serve", "pdf", "completions"] {
        assert!(page.contains(command), "the man page lacks {command}");
    }
}
