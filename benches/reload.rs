//! Reload latency of `quarterdeck serve`: the time from a one-file save to
//! the `reload` event reaching a browser's event stream.
//!
//! `cargo bench --bench reload` starts the real (release) binary on an
//! ephemeral 127.0.0.1 port for each corpus — the example content, and a
//! generated one of ten years of quarters for fifty teams — subscribes to
//! its event stream as the injected script does, saves one file, and times
//! until the `reload` event arrives. Three kinds of save:
//!
//! - a narrative slide (one quarter is rendered again),
//! - an objective's text in a section file (every quarter that has the
//!   objective: its pages show the objective's history),
//! - a KPI value of the latest quarter (that quarter and the KPI's page),
//! - a KPI value of the earliest quarter (every quarter: later ones compare
//!   with it and chart it).
//!
//! A measurement, not a test: it asserts nothing about the times. Set
//! `QUARTERDECK_BENCH_ROUNDS` to change the number of saves per kind.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(300);

fn main() {
    let rounds: usize = std::env::var("QUARTERDECK_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7);
    let tmp = tempfile::tempdir().expect("a temporary folder");

    let example = tmp.path().join("example");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &example,
    );
    let q = "quarters/fy20-21-q2";
    measure(
        "example content (3 quarters)",
        &example,
        rounds,
        &[
            Save::Append {
                file: format!("{q}/sections/platform-evolution.yaml"),
                what: "objective text",
                find: "  - id: content-integrity\n",
                insert: "    learnings: Saved by the benchmark, round {n}.\n",
            },
            Save::Narrative {
                file: "quarters/fy20-21-q1/narrative/mtp-update.md".to_string(),
            },
        ],
    );

    let large = tmp.path().join("large");
    let started = Instant::now();
    let (quarters, sections) = (40, 50);
    generate(&large, quarters, sections);
    println!(
        "generated {quarters} quarters x {sections} sections in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    measure(
        &format!("generated corpus ({quarters} quarters x {sections} sections)"),
        &large,
        rounds,
        &[
            Save::Narrative {
                file: "quarters/q39/narrative/story.md".to_string(),
            },
            Save::Append {
                file: "quarters/q39/sections/team-07.yaml".to_string(),
                what: "objective text",
                find: "  - id: team-07-obj-1\n",
                insert: "    learnings: Saved by the benchmark, round {n}.\n",
            },
            Save::KpiValue {
                file: "quarters/q39/sections/team-07.yaml".to_string(),
                what: "latest KPI value",
            },
            Save::KpiValue {
                file: "quarters/q0/sections/team-07.yaml".to_string(),
                what: "early KPI value",
            },
        ],
    );
}

enum Save {
    /// Rewrite a narrative file with a new sentence.
    Narrative { file: String },
    /// Insert a line after `find` in a YAML file.
    Append {
        file: String,
        what: &'static str,
        find: &'static str,
        insert: &'static str,
    },
    /// Change the first `value:` of a section's first KPI.
    KpiValue { file: String, what: &'static str },
}

impl Save {
    fn name(&self) -> &'static str {
        match self {
            Save::Narrative { .. } => "narrative slide",
            Save::Append { what, .. } | Save::KpiValue { what, .. } => what,
        }
    }

    /// The file's new text for round `n`.
    fn apply(&self, root: &Path, original: &str, n: usize) -> (PathBuf, String) {
        match self {
            Save::Narrative { file } => (
                root.join(file),
                format!("{original}\n---\n\n# Benchmark {{#bench-slide}}\n\nRound {n}.\n"),
            ),
            Save::Append {
                file, find, insert, ..
            } => (
                root.join(file),
                original.replacen(
                    find,
                    &format!("{find}{}", insert.replace("{n}", &n.to_string())),
                    1,
                ),
            ),
            Save::KpiValue { file, .. } => {
                let at = original.find("    value: ").unwrap_or(0);
                let end = original[at..].find('\n').map_or(original.len(), |e| at + e);
                let text = format!(
                    "{}    value: {}{}",
                    &original[..at],
                    1000 + n,
                    &original[end..]
                );
                (root.join(file), text)
            }
        }
    }

    fn file(&self) -> &str {
        match self {
            Save::Narrative { file } | Save::Append { file, .. } | Save::KpiValue { file, .. } => {
                file
            }
        }
    }
}

fn measure(label: &str, content: &Path, rounds: usize, saves: &[Save]) {
    println!("\n{label}");
    let server = Server::start(content);
    println!("  first build: {}", server.first_build);
    let mut events = server.events();
    for save in saves {
        let path = content.join(save.file());
        let original = fs::read_to_string(&path).expect("the file to edit");
        let mut times = Vec::new();
        for n in 0..rounds {
            let (path, text) = save.apply(content, &original, n);
            let started = Instant::now();
            fs::write(&path, text).expect("save");
            events.wait_for_reload();
            times.push(started.elapsed());
            // Let the watcher settle between saves.
            std::thread::sleep(Duration::from_millis(150));
        }
        fs::write(&path, &original).expect("restore");
        events.wait_for_reload();
        std::thread::sleep(Duration::from_millis(150));
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "  {:<16} save → reload: median {:>7.1} ms, min {:>7.1} ms, max {:>7.1} ms ({rounds} saves)",
            save.name(),
            ms(times[times.len() / 2]),
            ms(times[0]),
            ms(times[times.len() - 1]),
        );
        let rebuilt: Vec<String> = server.lines_with("rebuilt ");
        if let Some(last) = rebuilt.last() {
            println!("  {:<16} server: {}", "", last.trim());
        }
    }
}

struct Server {
    child: Child,
    port: u16,
    log: mpsc::Receiver<String>,
    first_build: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(content: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
            .args(["serve", "--port", "0", "--content"])
            .arg(content)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("quarterdeck serve starts");
        let stderr = child.stderr.take().expect("stderr");
        let (send, log) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + WAIT;
        let mut first_build = String::new();
        let mut port = 0;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let Ok(line) = log.recv_timeout(left) else {
                break;
            };
            if line.starts_with("built ") || line.starts_with("error: ") {
                first_build = line.clone();
            }
            if let Some(rest) = line.split("serving http://127.0.0.1:").nth(1) {
                port = rest
                    .split('/')
                    .next()
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(0);
                break;
            }
        }
        assert!(port != 0, "the server did not start");
        assert!(
            first_build.starts_with("built "),
            "the corpus does not build: {first_build}"
        );
        Server {
            child,
            port,
            log,
            first_build,
        }
    }

    fn lines_with(&self, needle: &str) -> Vec<String> {
        self.log.try_iter().filter(|l| l.contains(needle)).collect()
    }

    fn events(&self) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream.set_read_timeout(Some(WAIT)).expect("timeout");
        let mut request = String::new();
        let _ = write!(
            request,
            "GET /__quarterdeck/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        );
        stream.write_all(request.as_bytes()).expect("request");
        let mut events = Events {
            reader: BufReader::new(stream),
        };
        events.wait_for("hello");
        events
    }
}

struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn wait_for(&mut self, wanted: &str) {
        let mut line = String::new();
        loop {
            line.clear();
            let n = self.reader.read_line(&mut line).expect("event stream");
            assert!(n > 0, "the event stream closed");
            if line.trim_end() == format!("event: {wanted}") {
                return;
            }
        }
    }

    fn wait_for_reload(&mut self) {
        self.wait_for("reload");
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("readable");
        let rel = entry.path().strip_prefix(from).expect("inside");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A review repository of `quarters` consecutive quarters, each with
/// `sections` teams of 3 KPIs and 4 objectives of 3 key results, prose in
/// every Markdown field, a narrative file, and a roster of 500 people.
fn generate(root: &Path, quarters: usize, sections: usize) {
    let w = |rel: &str, text: &str| {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        fs::write(p, text).expect("write");
    };
    w(
        "site.yaml",
        "organisation: Benchmark Org\ntitle: Ten years of reviews\nfiscal_year_start_month: 7\n",
    );
    let mut people = String::from("people:\n");
    for i in 0..500 {
        let _ = writeln!(
            people,
            "  - name: Person {i}\n    team: Team {:02}\n    start: {}-{:02}-{:02}",
            i % sections,
            2010 + i % 14,
            1 + i % 12,
            1 + i % 28
        );
    }
    w("people.yaml", &people);
    let prose = "Progress this quarter was steady; the team shipped what it planned, \
                 learned from two incidents, and set up the next steps with its partners.";
    for q in 0..quarters {
        let dir = format!("quarters/q{q}");
        let ids: Vec<String> = (0..sections).map(|s| format!("team-{s:02}")).collect();
        w(
            &format!("{dir}/quarter.yaml"),
            &format!(
                "fiscal_year: {}\nquarter: {}\ntitle: Quarterly review\nsections: [{}]\n",
                2015 + q / 4,
                q % 4 + 1,
                ids.join(", ")
            ),
        );
        w(
            &format!("{dir}/narrative/story.md"),
            &format!("# The quarter {{#story}}\n\n{prose}\n\n- One\n- Two\n- Three\n"),
        );
        for (s, id) in ids.iter().enumerate() {
            let mut y = format!(
                "title: Team {s:02}\nowner: Person {s}\nfte: 6\ntime_split: {{focus: 70, strengthen: 30}}\noverview: {prose}\nprogress: {prose}\nkpis:\n"
            );
            for k in 0..3 {
                let _ = write!(
                    y,
                    "  - id: {id}-kpi-{k}\n    name: Measure {k}\n    unit: \"%\"\n    value: {}\n",
                    50 + (q * 7 + s * 3 + k) % 40
                );
            }
            y.push_str("objectives:\n");
            for o in 0..4 {
                let _ = write!(
                    y,
                    "  - id: {id}-obj-{o}\n    title: Objective {o} of team {s:02}\n    status: {}\n    description: {prose}\n    progress: {prose}\n    key_results:\n",
                    ["on-track", "at-risk", "in-progress", "done"][(q + o) % 4]
                );
                for k in 0..3 {
                    let _ = write!(
                        y,
                        "      - id: kr{k}\n        title: Key result {k}\n        baseline: 10\n        target: 20\n        value: {}\n        status: on-track\n",
                        10 + (q + k) % 10
                    );
                }
            }
            w(&format!("{dir}/sections/{id}.yaml"), &y);
        }
    }
}
