//! `quarterdeck-gen-corpus`: writes a synthetic, valid review repository of
//! a chosen scale, deterministic from a seed, for the performance benchmark
//! (`tools/bench.sh`, `docs/performance.md`).
//!
//! Two modes:
//!
//! - the default writes a full review repository: quarters × sections ×
//!   KPIs × objectives × key results × narrative slides, and a roster.
//!   The default scale is the "decade": 40 quarters × 50 sections, 4 KPIs,
//!   3 objectives of 3 key results, 3 narrative slides per section, 2,000
//!   people;
//! - `--narrative-only` writes pages of prose only (1,000 by default), as a
//!   review repository and, with `--hugo DIR`, as a minimal Hugo site too.
//!
//! The same arguments always produce byte-identical files.

mod narrative;
mod review;
mod rng;
mod words;

use clap::Parser;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Write a synthetic review repository for benchmarks, deterministic from a seed.
#[derive(Parser, Debug)]
#[command(name = "quarterdeck-gen-corpus", version, about)]
struct Cli {
    /// Folder to write the review repository into; must be empty or absent.
    #[arg(long, short)]
    out: PathBuf,
    /// Seed: the same seed and scale always give the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Quarters, consecutive, from Q1 FY15-16 (fiscal years start in July).
    #[arg(long, default_value_t = 40, value_parser = clap::value_parser!(u32).range(1..=4000))]
    quarters: u32,
    /// Sections (teams) in every quarter.
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(0..=20000))]
    sections: u32,
    /// KPIs per section.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(0..=100))]
    kpis: u32,
    /// Objectives per section.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=100))]
    objectives: u32,
    /// Key results per objective.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=100))]
    key_results: u32,
    /// Narrative slides per section (in one narrative file per section).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=100))]
    slides: u32,
    /// People in the roster (people.yaml).
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u32).range(0..=100000))]
    people: u32,
    /// Write narrative pages only (see --pages and --hugo) instead of a full
    /// review repository.
    #[arg(long)]
    narrative_only: bool,
    /// Pages of about 440 words, with --narrative-only.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=30000), requires = "narrative_only")]
    pages: u32,
    /// Also write the same pages as a minimal Hugo site into this folder
    /// (build it with `hugo -s DIR`); with --narrative-only.
    #[arg(long, requires = "narrative_only")]
    hugo: Option<PathBuf>,
}

/// Files to write, by path relative to their folder.
#[derive(Default)]
pub struct Files {
    files: BTreeMap<String, String>,
}

impl Files {
    pub fn add(&mut self, path: &str, text: String) {
        self.files.insert(path.to_string(), text);
    }

    pub fn extend(&mut self, other: Files) {
        self.files.extend(other.files);
    }

    fn bytes(&self) -> usize {
        self.files.values().map(String::len).sum()
    }

    /// Write every file under `root`, which must be empty or absent.
    fn write(&self, root: &Path) -> Result<(), String> {
        if root.exists() {
            let mut entries = std::fs::read_dir(root)
                .map_err(|e| format!("cannot read {}: {e}", root.display()))?;
            if entries.next().is_some() {
                return Err(format!(
                    "{} is not empty; remove it or choose another folder",
                    root.display()
                ));
            }
        }
        let dirs: std::collections::BTreeSet<PathBuf> = self
            .files
            .keys()
            .filter_map(|p| root.join(p).parent().map(Path::to_path_buf))
            .chain([root.to_path_buf()])
            .collect();
        for d in dirs {
            std::fs::create_dir_all(&d)
                .map_err(|e| format!("cannot create {}: {e}", d.display()))?;
        }
        self.files.par_iter().try_for_each(|(path, text)| {
            let p = root.join(path);
            std::fs::write(&p, text).map_err(|e| format!("cannot write {}: {e}", p.display()))
        })
    }
}

/// A YAML double-quoted scalar.
pub fn yaml_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut repo = Files::default();
    let summary = if cli.narrative_only {
        let mut hugo = cli.hugo.as_ref().map(|_| Files::default());
        let words = narrative::write(cli.seed, cli.pages as usize, &mut repo, hugo.as_mut());
        if let (Some(dir), Some(files)) = (&cli.hugo, &hugo)
            && let Err(e) = files.write(dir)
        {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
        format!(
            "{} narrative pages, {words} words (about {} a page){}",
            cli.pages,
            words / cli.pages as usize,
            if cli.hugo.is_some() {
                ", and the same pages as a Hugo site"
            } else {
                ""
            }
        )
    } else {
        let scale = review::Scale {
            quarters: cli.quarters as usize,
            sections: cli.sections as usize,
            kpis: cli.kpis as usize,
            objectives: cli.objectives as usize,
            key_results: cli.key_results as usize,
            slides: cli.slides as usize,
            people: cli.people as usize,
        };
        let counts = review::write(cli.seed, &scale, &mut repo);
        counts.to_string()
    };
    if let Err(e) = repo.write(&cli.out) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "wrote {} files ({:.1} MB) into {}: {summary}",
        repo.files.len(),
        repo.bytes() as f64 / 1e6,
        cli.out.display()
    );
    ExitCode::SUCCESS
}
