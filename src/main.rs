//! The `quarterdeck` command: a thin shell over the library.

use clap::{Parser, Subcommand};
use quarterdeck::Options;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Quarterly review decks from YAML metrics and Markdown narrative.
#[derive(Parser)]
#[command(name = "quarterdeck", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from the content folder into the output folder.
    Build {
        #[command(flatten)]
        paths: Paths,
        /// Output folder; replaced as a whole only when the build succeeds.
        #[arg(long, short, default_value = "output")]
        output: PathBuf,
        /// Public URL the site is served under (for canonical links);
        /// overrides `base_url` in site.yaml.
        #[arg(long)]
        base_url: Option<String>,
        /// Write each deck as one self-contained HTML file (styles, script
        /// and images inlined) that can be emailed and opened offline.
        #[arg(long)]
        single_file: bool,
        /// Leave speaker notes out of the published pages (minutes stay).
        #[arg(long)]
        no_notes: bool,
    },
    /// Load and validate everything, report all problems, write nothing.
    Check {
        #[command(flatten)]
        paths: Paths,
    },
}

#[derive(clap::Args)]
struct Paths {
    /// Content folder: the review repository holding site.yaml.
    #[arg(long, short, default_value = "content")]
    content: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let started = Instant::now();
    let (options, building) = match cli.command {
        Command::Build {
            paths,
            output,
            base_url,
            single_file,
            no_notes,
        } => (
            Options {
                content: paths.content,
                output,
                base_url,
                single_file,
                no_notes,
            },
            true,
        ),
        Command::Check { paths } => (
            Options {
                content: paths.content,
                output: PathBuf::new(),
                base_url: None,
                single_file: false,
                no_notes: false,
            },
            false,
        ),
    };
    let outcome = if building {
        quarterdeck::build(&options)
    } else {
        quarterdeck::check(&options)
    };
    let text = outcome.render(&options.content);
    if !text.is_empty() {
        eprintln!("{text}");
    }
    let errors = outcome.report.errors().count();
    let warnings = outcome.report.warnings().count();
    if errors > 0 {
        eprintln!(
            "{errors} error{}, {warnings} warning{}{}",
            plural(errors),
            plural(warnings),
            if building {
                "; nothing was written, the previous output is unchanged"
            } else {
                ""
            }
        );
        return ExitCode::FAILURE;
    }
    let ms = started.elapsed().as_millis();
    if building {
        eprintln!(
            "built {} pages into {} in {ms} ms ({warnings} warning{})",
            outcome.pages,
            options.output.display(),
            plural(warnings)
        );
    } else {
        eprintln!(
            "content is valid: {} pages would be built ({warnings} warning{})",
            outcome.pages,
            plural(warnings)
        );
    }
    ExitCode::SUCCESS
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
