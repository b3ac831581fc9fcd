//! The `quarterdeck` command: a thin shell over the library. Each command
//! parses its options here and hands over to its module; what it shows in
//! the terminal is [`console`]'s, and the allocator is chosen here.

mod console;

use clap::{CommandFactory, Parser, Subcommand};
use console::{Console, Verbosity};
use quarterdeck::Options;
use quarterdeck::progress::Observer;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

// Building a site allocates millions of small, short-lived strings and
// template values, from two threads; mimalloc serves that pattern much
// faster than the system allocator (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Quarterly review decks from YAML metrics and Markdown narrative.
#[derive(Parser)]
#[command(name = "quarterdeck", version, about)]
struct Cli {
    /// Print errors only: no warnings, progress or summary.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print how long each stage took, one `timing: STAGE MS ms` line each.
    #[arg(long, short, global = true)]
    verbose: bool,
    /// Colour in diagnostics: `auto` (on a terminal, unless NO_COLOR is
    /// set), `always` or `never`.
    #[arg(long, global = true, value_enum, default_value = "auto")]
    color: ColorChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
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
        /// overrides `base_url` in site.yaml. Empty: as if not given.
        #[arg(long)]
        base_url: Option<String>,
        /// Write each deck as one self-contained HTML file (styles, script
        /// and images inlined) that can be emailed and opened offline.
        #[arg(long)]
        single_file: bool,
        /// Leave speaker notes out of the published pages (minutes stay).
        #[arg(long)]
        no_notes: bool,
        /// Build only this quarter, e.g. `2020 Q3` or `Q3 FY20-21` (a preview).
        #[arg(long)]
        quarter: Option<String>,
        /// Build draft quarters (`draft: true`) too; they are never linked
        /// from the index.
        #[arg(long)]
        drafts: bool,
        /// Also build a page comparing quarter A with quarter B, e.g.
        /// `--compare "2019 Q3" "2020 Q2"`; repeat for more pairs.
        #[arg(long, num_args = 2, value_names = ["A", "B"])]
        compare: Vec<String>,
        /// Treat warnings as errors: publish nothing when there are any.
        #[arg(long)]
        strict: bool,
    },
    /// Validate everything and check the links of the site as it would be
    /// built; report all problems and warnings; write nothing.
    Check {
        #[command(flatten)]
        paths: Paths,
        /// Treat warnings as errors (exit status 1 when there are any).
        #[arg(long)]
        strict: bool,
    },
    /// Serve the site on 127.0.0.1, drafts included, rebuild on every
    /// change and reload the browser; a bad edit shows its error in the page.
    #[cfg(feature = "serve")]
    Serve {
        #[command(flatten)]
        paths: Paths,
        /// Port to listen on; 0 picks a free one.
        #[arg(long, short, default_value_t = 8000)]
        port: u16,
        /// Address to listen on, e.g. `0.0.0.0` to preview from another
        /// device on the network (requests naming that address are
        /// answered too).
        #[arg(long, default_value = "127.0.0.1")]
        interface: std::net::IpAddr,
        /// Open the preview in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Print each deck to PDF, one slide per page, with a local Chromium
    /// or Chrome; with `--handout`, each deck's handout too.
    #[cfg(feature = "pdf")]
    Pdf {
        #[command(flatten)]
        paths: Paths,
        /// Folder to write `<quarter>.pdf` (and `<quarter>-handout.pdf`) into.
        #[arg(long, short, default_value = "pdf")]
        output: PathBuf,
        /// Also print the portrait handout: each slide with its speaker
        /// notes and minutes.
        #[arg(long)]
        handout: bool,
        /// Print only this quarter's deck, e.g. `2020 Q3` or `Q3 FY20-21`.
        #[arg(long)]
        quarter: Option<String>,
        /// Print draft quarters too.
        #[arg(long)]
        drafts: bool,
        /// The browser: a path, or a program on PATH. Default: the first of
        /// chromium, chromium-browser, google-chrome, google-chrome-stable
        /// on PATH.
        #[arg(long)]
        browser: Option<PathBuf>,
    },
    /// Create content from what is there.
    New {
        #[command(subcommand)]
        what: New,
    },
    /// Create a new review repository in DIR with a small working example.
    Init {
        /// Folder to create (it must not exist, or be empty).
        dir: PathBuf,
    },
    /// Write the JSON Schema of each YAML file kind, for editors.
    Schema {
        /// Folder to write `site.schema.json`, `people.schema.json`,
        /// `quarter.schema.json` and `section.schema.json` into.
        #[arg(long, short, default_value = "schema")]
        out: PathBuf,
    },
    /// Print the shell completion script for SHELL (see docs/cli.md for
    /// where to put it).
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `quarterdeck man > quarterdeck.1`.
    Man,
}

#[derive(Subcommand)]
enum New {
    /// Scaffold a quarter from the latest one: same sections, KPIs and
    /// open objectives carried forward, statuses and check-ins emptied.
    Quarter {
        /// The quarter, e.g. `2021 Q1` or `Q1 FY21-22`; default: the one
        /// after the latest.
        id: Option<String>,
        #[command(flatten)]
        paths: Paths,
    },
}

#[derive(clap::Args)]
struct Paths {
    /// Content folder: the review repository holding site.yaml. Default:
    /// the nearest folder holding site.yaml (or content/site.yaml), from
    /// the working folder up; else `content`.
    #[arg(long, short)]
    content: Option<PathBuf>,
}

impl Paths {
    /// The folder named, or the one found from the working folder up.
    fn content(self) -> PathBuf {
        self.content.unwrap_or_else(|| {
            let cwd = std::env::current_dir().unwrap_or_default();
            quarterdeck::locate::content_folder(&cwd)
        })
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let verbosity = if cli.quiet {
        Verbosity::Quiet
    } else if cli.verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    let console = Console::new(verbosity);
    quarterdeck::diagnostics::set_color(match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            use std::io::IsTerminal;
            std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    });
    match cli.command {
        Command::Build {
            paths,
            output,
            base_url,
            single_file,
            no_notes,
            quarter,
            drafts,
            compare,
            strict,
        } => {
            let options = Options {
                content: paths.content(),
                output,
                // `--base-url ""` (an unset CI variable) is no base URL.
                base_url: base_url.filter(|u| !u.trim().is_empty()),
                single_file,
                no_notes,
                quarter,
                drafts,
                compare: compare
                    .chunks_exact(2)
                    .map(|p| (p[0].clone(), p[1].clone()))
                    .collect(),
                strict,
            };
            pipeline(&options, true, &console)
        }
        Command::Check { paths, strict } => {
            let options = Options {
                content: paths.content(),
                strict,
                ..Options::default()
            };
            pipeline(&options, false, &console)
        }
        #[cfg(feature = "serve")]
        Command::Serve {
            paths,
            port,
            interface,
            open,
        } => exit(quarterdeck::serve::run(
            &quarterdeck::serve::ServeOptions {
                content: paths.content(),
                interface,
                port,
                open,
            },
            &console,
        )),
        #[cfg(feature = "pdf")]
        Command::Pdf {
            paths,
            output,
            handout,
            quarter,
            drafts,
            browser,
        } => {
            let options = quarterdeck::pdf::PdfOptions {
                content: paths.content(),
                output,
                browser,
                handout,
                quarter,
                drafts,
            };
            exit(quarterdeck::pdf::run(&options, &console).map(drop))
        }
        Command::New {
            what: New::Quarter { id, paths },
        } => exit(quarterdeck::scaffold::new_quarter(
            &paths.content(),
            id.as_deref(),
            &console,
        )),
        Command::Init { dir } => exit(quarterdeck::scaffold::init(&dir, &console)),
        Command::Schema { out } => schema(&out, &console),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "quarterdeck", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man => {
            let page = clap_mangen::Man::new(Cli::command());
            match page.render(&mut std::io::stdout()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("cannot write the manual page: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Success, or the message of what went wrong and exit status 1.
fn exit(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn pipeline(options: &Options, building: bool, console: &Console) -> ExitCode {
    let started = Instant::now();
    let outcome = if building {
        quarterdeck::build_observed(options, console)
    } else {
        quarterdeck::check_observed(options, console)
    };
    console.clear();
    let quiet = console.verbosity() == Verbosity::Quiet;
    let text = outcome.render_some(&options.content, !quiet);
    if !text.is_empty() {
        eprintln!("{text}");
    }
    console.timings(&outcome.timings);
    let errors = outcome.report.errors().count();
    let warnings = outcome.report.warnings().count();
    if errors > 0 {
        if !quiet {
            eprintln!(
                "{errors} error{}, {warnings} warning{}{}",
                plural(errors),
                plural(warnings),
                if building {
                    "; nothing was written, the previous output is unchanged"
                } else if options.strict {
                    " (--strict: warnings count as errors)"
                } else {
                    ""
                }
            );
        }
        return ExitCode::FAILURE;
    }
    let ms = started.elapsed().as_millis();
    if building {
        console.say(&format!(
            "built {} pages into {} in {ms} ms ({warnings} warning{})",
            outcome.pages,
            options.output.display(),
            plural(warnings)
        ));
    } else {
        console.say(&format!(
            "content is valid and every link resolves: {} pages would be built ({warnings} warning{})",
            outcome.pages,
            plural(warnings)
        ));
    }
    ExitCode::SUCCESS
}

fn schema(out: &Path, console: &Console) -> ExitCode {
    match quarterdeck::schema::write_all(out) {
        Ok(paths) => {
            for p in paths {
                console.say(&format!("wrote {}", p.display()));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write the schemas into {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
