//! The mutation fuzzer (issue 13): the fixture repository, mutated at
//! random (seeded, so a run can be repeated), checked by the real binary in
//! a child process, which counts what must never happen: a panic, an abort
//! or other death by signal, a hang, an exit status other than 0 or 1, and
//! an error printed without a line and column.
//!
//! `cargo test --test fuzz` runs a small fixed number of inputs. A long run
//! (docs/robustness.md):
//!
//! ```text
//! QUARTERDECK_FUZZ_SECONDS=900 QUARTERDECK_FUZZ_SEED=7 \
//!   nice -n 19 cargo test --test fuzz -- --ignored --nocapture
//! ```

mod common;
use common::*;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// xorshift64*: enough randomness for mutations, and no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SPLICES: &[&str] = &[
    "\u{0}",
    ": ",
    ": [",
    "]",
    "{",
    "}",
    "\n  - ",
    "\n- ",
    "\"",
    "'",
    "#",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "---\n",
    "...\n",
    "\t",
    "  ",
    "- : -",
    "? ",
    "|\n",
    ">-\n",
    "~",
    "null",
    ".nan",
    ".inf",
    "-1",
    "0x10",
    "1e999",
    "2020-7-1",
    "2021-02-29",
    "é",
    "\u{feff}",
    "\r\n",
    "<script>",
    "[x](javascript:alert(1))",
    "![x](../../x.png)",
    "{#",
    "::: notes\n",
    "# H {#id}\n",
];

/// Up to three random edits of `text`, as bytes (so not always UTF-8).
fn mutate(rng: &mut Rng, text: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(7) {
            0 => bytes.truncate(at),
            1 => {
                let end = (at + 1 + rng.below(40)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            2 => {
                let s = SPLICES[rng.below(SPLICES.len())];
                bytes.splice(at..at, s.bytes());
            }
            3 => bytes.insert(at, (rng.next() & 0xff) as u8),
            4 => {
                // Duplicate a line.
                let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
                let n = rng.below(lines.len());
                let mut out = Vec::new();
                for (i, l) in lines.iter().enumerate() {
                    out.extend_from_slice(l);
                    out.push(b'\n');
                    if i == n {
                        out.extend_from_slice(l);
                        out.push(b'\n');
                    }
                }
                bytes = out;
            }
            5 => {
                // Indent or dedent a line by one space.
                let start = bytes[..at]
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |i| i + 1);
                if rng.below(2) == 0 {
                    bytes.insert(start, b' ');
                } else if bytes.get(start) == Some(&b' ') {
                    bytes.remove(start);
                }
            }
            _ => {
                // A digit becomes a word, or a word a digit.
                if let Some(i) = bytes.iter().skip(at).position(u8::is_ascii_digit) {
                    bytes.splice(at + i..at + i + 1, b"ten".iter().copied());
                }
            }
        }
    }
    bytes
}

#[derive(Default, Debug)]
struct Tally {
    inputs: usize,
    panics: usize,
    crashes: usize,
    hangs: usize,
    unlocated: usize,
    /// Errors with neither an `expected` nor a `help` line.
    unhelped: usize,
    examples: Vec<String>,
}

/// Errors that are about a whole file or folder, rightly without a line.
const WHOLE_FILE: &[&str] = &[
    "the file is empty",
    "has no quarter.yaml",
    "has no site.yaml",
    "is not listed in quarter.yaml",
    "cannot read",
    "is claimed by two folders",
];

fn run_one(f: &Fixture, tally: &mut Tally, what: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
        .args(["check", "--color", "never", "--content", path(&f.content())])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let err = reader.join().unwrap_or_default();
    tally.inputs += 1;
    let note = |tally: &mut Tally, kind: &str| {
        if tally.examples.len() < 10 {
            tally.examples.push(format!("{kind}: {what}\n{err}"));
        }
    };
    match status.map(|s| s.code()) {
        None => {
            tally.hangs += 1;
            note(tally, "hang");
        }
        Some(Some(0 | 1)) if err.contains("panicked") => {
            tally.panics += 1;
            note(tally, "panic");
        }
        Some(Some(0 | 1)) => {}
        Some(_) => {
            tally.crashes += 1;
            note(tally, "crash");
        }
    }
    for block in err.split("\n\n").filter(|b| b.starts_with("error: ")) {
        if !block.contains("  = expected: ") && !block.contains("  = help: ") {
            tally.unhelped += 1;
            note(tally, "unhelped");
        }
    }
    for line in err.lines().filter(|l| l.starts_with("error: ")) {
        let located = line.split(": ").nth(1).is_some_and(|loc| {
            let parts: Vec<&str> = loc.rsplitn(3, ':').collect();
            parts.len() == 3 && parts[0].parse::<u32>().is_ok() && parts[1].parse::<u32>().is_ok()
        });
        let site_page = line.contains("<site>/") || line.starts_with("error: --");
        if !located && !site_page && !WHOLE_FILE.iter().any(|w| line.contains(w)) {
            tally.unlocated += 1;
            note(tally, "unlocated");
        }
    }
}

fn fuzz(seed: u64, budget: impl Fn(usize) -> bool) -> Tally {
    let mut rng = Rng(seed.max(1));
    let mut tally = Tally::default();
    let targets = [
        ("site.yaml", SITE),
        ("people.yaml", PEOPLE),
        ("quarters/q1/quarter.yaml", QUARTER),
        ("quarters/q1/sections/platform.yaml", SECTION),
        ("quarters/q1/narrative/intro.md", NARRATIVE),
    ];
    let f = Fixture::valid();
    while budget(tally.inputs) {
        let (file, text) = targets[rng.below(targets.len())];
        let bytes = mutate(&mut rng, text);
        std::fs::write(f.content().join(file), &bytes).unwrap();
        let what = format!("{file}: {:?}", String::from_utf8_lossy(&bytes));
        run_one(&f, &mut tally, &what);
        std::fs::write(f.content().join(file), text).unwrap();
    }
    tally
}

#[test]
fn a_small_seeded_fuzz_run_finds_nothing() {
    let tally = fuzz(13, |n| n < 40);
    assert_eq!(tally.inputs, 40);
    assert_eq!(
        (
            tally.panics,
            tally.crashes,
            tally.hangs,
            tally.unlocated,
            tally.unhelped
        ),
        (0, 0, 0, 0, 0),
        "{:#?}",
        tally.examples
    );
}

#[test]
#[ignore = "a long run: set QUARTERDECK_FUZZ_SECONDS (see the module comment)"]
fn long_fuzz_run() {
    let seconds: u64 = std::env::var("QUARTERDECK_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed: u64 = std::env::var("QUARTERDECK_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let until = Instant::now() + Duration::from_secs(seconds);
    let tally = fuzz(seed, |_| Instant::now() < until);
    println!(
        "fuzz: seed {seed}, {} inputs, {} panics, {} crashes (abort, signal or exit status other than 0/1), {} hangs, {} errors without a location, {} without expected or help",
        tally.inputs, tally.panics, tally.crashes, tally.hangs, tally.unlocated, tally.unhelped
    );
    for e in &tally.examples {
        println!("---\n{e}");
    }
    assert_eq!((tally.panics, tally.crashes, tally.hangs), (0, 0, 0));
}
