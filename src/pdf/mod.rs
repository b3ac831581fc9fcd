//! `quarterdeck pdf`: each deck printed to PDF, one slide per landscape
//! page, and with `--handout` each deck's portrait handout (notes and
//! minutes under each slide). The site is built into a temporary folder
//! as `build` would build it, and each deck page is printed by a local
//! Chromium or Chrome driven over the DevTools protocol (chromiumoxide),
//! using the print styles the theme already has: what `Ctrl+P` gives in a
//! browser is what the PDF holds.

pub mod browser;

use crate::pipeline::Options;
use crate::progress::Observer;
use crate::render::urls::deck_path;
use chromiumoxide::browser::{Browser, BrowserConfig};
use chromiumoxide::cdp::browser_protocol::page::PrintToPdfParams;
use chromiumoxide::handler::viewport::Viewport;
use futures_util::StreamExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What `quarterdeck pdf` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    pub content: PathBuf,
    /// Folder the PDFs are written into (created when missing).
    pub output: PathBuf,
    /// `--browser`: a path, or a program name on `PATH`.
    pub browser: Option<PathBuf>,
    /// Also print each deck's handout.
    pub handout: bool,
    /// Only this quarter's deck, e.g. `2020 Q3`.
    pub quarter: Option<String>,
    /// Also print draft quarters.
    pub drafts: bool,
}

/// One deck to print: its quarter's slug and its page in the built site.
struct Deck {
    slug: String,
    page: PathBuf,
}

/// Build the site, print its decks, and return the PDFs written.
pub fn run(options: &PdfOptions, console: &dyn Observer) -> Result<Vec<PathBuf>, String> {
    let program = browser::find(
        options.browser.as_deref(),
        std::env::var_os("PATH").as_deref(),
    )?;
    let work =
        tempfile::tempdir().map_err(|e| format!("error: cannot make a temporary folder: {e}"))?;
    let site = work.path().join("site");
    let build = Options {
        content: options.content.clone(),
        output: site.clone(),
        quarter: options.quarter.clone(),
        drafts: options.drafts,
        ..Options::default()
    };
    let outcome = crate::build(&build);
    if outcome.report.has_errors() {
        return Err(format!(
            "{}\nthe site does not build, so no PDF was written",
            outcome.render_some(&options.content, false)
        ));
    }
    let warnings = outcome.render_some(&options.content, true);
    if !warnings.is_empty() {
        console.warn(&warnings);
    }
    let decks = decks(&options.content, &site);
    if decks.is_empty() {
        return Err("error: the site has no deck to print".to_string());
    }
    std::fs::create_dir_all(&options.output).map_err(|e| {
        format!(
            "error: cannot create the folder {}: {e}",
            options.output.display()
        )
    })?;
    let mut jobs = Vec::new();
    for deck in &decks {
        let url = file_url(&deck.page);
        jobs.push((
            url.clone(),
            options.output.join(format!("{}.pdf", deck.slug)),
        ));
        if options.handout {
            jobs.push((
                format!("{url}?handout"),
                options.output.join(format!("{}-handout.pdf", deck.slug)),
            ));
        }
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("error: cannot start the runtime: {e}"))?;
    let profile = work.path().join("profile");
    runtime
        .block_on(print(&program, &profile, &jobs, console))
        .map_err(|e| format!("error: printing with {}: {e}", program.display()))?;
    Ok(jobs.into_iter().map(|(_, pdf)| pdf).collect())
}

/// The decks of the site built into `site`, in quarter order: every
/// quarter whose deck page the build wrote.
fn decks(content: &Path, site: &Path) -> Vec<Deck> {
    let Some(loaded) = crate::load::load(content).site else {
        return Vec::new();
    };
    loaded
        .quarters
        .iter()
        .map(|q| loaded.calendar.slug(q.id))
        .map(|slug| Deck {
            page: site.join(deck_path(&slug)),
            slug,
        })
        .filter(|d| d.page.is_file())
        .collect()
}

/// A `file://` URL for an absolute path, each segment percent-encoded.
fn file_url(path: &Path) -> String {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = path.to_string_lossy().replace('\\', "/");
    let encoded: String = text
        .split('/')
        .map(|s| percent_encoding::utf8_percent_encode(s, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/");
    if encoded.starts_with('/') {
        format!("file://{encoded}")
    } else {
        format!("file:///{encoded}")
    }
}

/// What a path segment in a URL cannot hold as it is.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// Start the browser, print each `(url, pdf)` job, and close it.
async fn print(
    program: &Path,
    profile: &Path,
    jobs: &[(String, PathBuf)],
    console: &dyn Observer,
) -> Result<(), String> {
    let config = BrowserConfig::builder()
        .chrome_executable(program)
        .disable_default_args()
        .no_sandbox()
        .args(browser::FLAGS)
        .user_data_dir(profile)
        // The view the print test measures slides in.
        .viewport(Viewport {
            width: 1280,
            height: 720,
            ..Viewport::default()
        })
        .launch_timeout(Duration::from_secs(60))
        .request_timeout(Duration::from_secs(120))
        .build()?;
    let (mut browser, mut handler) = Browser::launch(config)
        .await
        .map_err(|e| format!("the browser did not start: {e}"))?;
    let events = tokio::spawn(async move { while handler.next().await.is_some() {} });
    let printed = async {
        let page = browser.new_page("about:blank").await.map_err(text)?;
        for (url, pdf) in jobs {
            page.goto(url.as_str()).await.map_err(text)?;
            loaded(&page, url.as_str()).await?;
            let params = PrintToPdfParams {
                print_background: Some(true),
                prefer_css_page_size: Some(true),
                ..PrintToPdfParams::default()
            };
            let bytes = page.pdf(params).await.map_err(text)?;
            std::fs::write(pdf, bytes)
                .map_err(|e| format!("cannot write {}: {e}", pdf.display()))?;
            console.say(&format!("wrote {}", pdf.display()));
        }
        Ok::<(), String>(())
    }
    .await;
    let _ = browser.close().await;
    let _ = browser.wait().await;
    events.abort();
    printed
}

fn text(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// Wait until `page` shows `url` loaded (its scripts have run: the deck
/// script turns the handout on) with its web fonts in, so that nothing
/// reflows in print. A navigation can be reported done while the page
/// still shows the document before it (seen on a busy machine: a handout
/// printed as the deck), so the page is asked until it says so.
async fn loaded(page: &chromiumoxide::Page, url: &str) -> Result<(), String> {
    let wanted = serde_json::to_string(url).map_err(text)?;
    let ready =
        format!("location.href === new URL({wanted}).href && document.readyState === 'complete'");
    for _ in 0..600 {
        // An error here is the old document going away: ask again.
        let shown = page.evaluate(ready.as_str()).await;
        if shown.is_ok_and(|r| r.into_value::<bool>().unwrap_or(false)) {
            return page
                .evaluate("document.fonts.ready.then(() => true)")
                .await
                .map(|_| ())
                .map_err(text);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(format!("{url} did not finish loading within 30 seconds"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_absolute_and_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/fy20-21-q1/index.html")),
            "file:///tmp/a%20b/fy20-21-q1/index.html"
        );
    }
}
