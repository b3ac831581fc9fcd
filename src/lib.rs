//! quarterdeck: quarterly review decks from YAML metrics and Markdown narrative.
//!
//! The pipeline flows one way, a module per stage:
//! [`load`] (walk, parse, validate) → [`model`] (typed content) →
//! [`derive`] (progress, changes, people) → [`render`] (Markdown, templates)
//! → [`write`] (atomic swap of the output folder).

pub mod derive;
pub mod diagnostics;
pub mod load;
pub mod model;
pub mod numbers;
pub mod render;
pub mod write;

use diagnostics::{Diagnostic, Report};
use load::Source;
use std::path::{Path, PathBuf};

/// What a build or check was asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub content: PathBuf,
    pub output: PathBuf,
    pub base_url: Option<String>,
    /// `build --single-file`: each deck as one self-contained HTML file.
    pub single_file: bool,
    /// `build --no-notes`: speaker notes left out of the published pages.
    pub no_notes: bool,
}

/// The result of a run: every diagnostic, and the sources they point into.
pub struct Outcome {
    pub report: Report,
    pub sources: Vec<Source>,
    /// Pages written (build) or that would be written (check).
    pub pages: usize,
}

impl Outcome {
    /// Render every diagnostic for a terminal, errors and warnings alike.
    pub fn render(&self, content: &Path) -> String {
        self.report
            .items
            .iter()
            .map(|d| {
                let source = self
                    .sources
                    .iter()
                    .find(|s| s.file == d.file)
                    .map(|s| s.text.as_str());
                d.render(content, source)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Load, derive and render without writing anything.
fn prepare(options: &Options) -> (Outcome, Option<render::Rendered>) {
    let loaded = load::load(&options.content);
    let mut outcome = Outcome {
        report: loaded.report,
        sources: loaded.sources,
        pages: 0,
    };
    let Some(site) = loaded.site else {
        return (outcome, None);
    };
    let derived = derive::derive(&site);
    let render_options = render::RenderOptions {
        base_url: options.base_url.clone(),
        single_file: options.single_file,
        notes: !options.no_notes,
    };
    match render::render(&site, &derived, &render_options) {
        Ok(rendered) => {
            outcome.report.extend(rendered.warnings.iter().cloned());
            outcome.report.sort();
            outcome.pages = rendered
                .files
                .iter()
                .filter(|f| f.path.ends_with(".html"))
                .count();
            (outcome, Some(rendered))
        }
        Err(problems) => {
            outcome.report.extend(problems);
            outcome.report.sort();
            (outcome, None)
        }
    }
}

/// `quarterdeck check`: everything `build` validates, all errors at once,
/// nothing written.
pub fn check(options: &Options) -> Outcome {
    prepare(options).0
}

/// `quarterdeck build`: validate, render, and replace the output folder
/// only when everything succeeded.
pub fn build(options: &Options) -> Outcome {
    let (mut outcome, rendered) = prepare(options);
    if let Some(rendered) = rendered
        && !outcome.report.has_errors()
        && let Err(e) = write::write_site(&options.output, &rendered.files, &rendered.copies)
    {
        outcome.report.push(Diagnostic::error(
            options.output.to_string_lossy(),
            e.to_string(),
        ));
    }
    outcome
}
