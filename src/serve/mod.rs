//! `quarterdeck serve`: a live preview. The site is built into memory and
//! served on 127.0.0.1; the content folder (theme folder included) is
//! watched, every change rebuilds what it touches (see [`state`]), and open
//! browsers reload. A bad edit keeps the last good site served and shows
//! the located error over the page and in the terminal until it is fixed.
//!
//! Nothing is written to disk: `build` is the only command that writes a
//! site, and the live-reload script exists only in served pages.

mod host;
mod http;
mod media;
mod open;
mod state;
mod watch;

use crate::progress::Observer;
use state::{Live, Rebuilt};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use watch::Batch;

pub struct ServeOptions {
    pub content: PathBuf,
    /// Address to listen on: 127.0.0.1 unless `--interface` names another.
    pub interface: IpAddr,
    /// Port; 0 lets the system pick a free one.
    pub port: u16,
    /// Open the preview in the default browser once it is listening.
    pub open: bool,
}

/// Serve until Ctrl-C; `observer` is told what each rebuild did.
pub fn run(options: &ServeOptions, observer: &dyn Observer) -> Result<(), String> {
    // Diagnostics name files as the user wrote the folder; the watcher
    // reports absolute paths, matched against the canonical folder.
    let content = options
        .content
        .canonicalize()
        .map_err(|e| format!("cannot serve {}: {e}", options.content.display()))?;
    // Watched before the first build, so that no change is missed: the
    // rebuilds look at the paths the watcher names alone.
    let (watcher, changes) =
        watch::watch(&content).map_err(|e| format!("cannot watch {}: {e}", content.display()))?;
    let live = Arc::new(Live::new(&options.content));
    report(observer, &live.rebuild(&Batch::default()), "built");

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    std::thread::scope(|scope| {
        let (watched, root) = (&live, &content);
        scope.spawn(move || rebuild_on_change(watched, root, &changes, observer));
        let served = runtime.block_on(serve(options, Arc::clone(&live)));
        // Closes the channel of changes, which ends the rebuild loop.
        drop(watcher);
        served
    })
}

/// Listen on the interface and answer until Ctrl-C.
async fn serve(options: &ServeOptions, live: Arc<Live>) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind((options.interface, options.port))
        .await
        .map_err(|e| {
            format!(
                "cannot listen on {}: {e}",
                std::net::SocketAddr::new(options.interface, options.port)
            )
        })?;
    let address = listener
        .local_addr()
        .map_err(|e| format!("cannot listen: {e}"))?;
    // Always printed, even with --quiet: it is how to reach the preview.
    eprintln!(
        "serving http://{address}/ (watching {}; Ctrl-C stops)",
        options.content.display()
    );
    if options.open {
        let url = if address.ip().is_unspecified() {
            format!("http://127.0.0.1:{}/", address.port())
        } else {
            format!("http://{address}/")
        };
        if let Err(e) = open::browser(&url) {
            eprintln!("warning: cannot open a browser ({e}); open {url} yourself");
        }
    }
    axum::serve(listener, http::router(live, options.interface))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| format!("the server stopped: {e}"))
}

/// The rebuild loop: one rebuild per batch of changes to content (see
/// [`watch`]), told which paths changed.
fn rebuild_on_change(
    live: &Live,
    root: &Path,
    changes: &mpsc::Receiver<notify::Result<notify::Event>>,
    observer: &dyn Observer,
) {
    while let Some(batch) = watch::next(root, changes) {
        let shown = batch.shown();
        if shown.is_empty() && !batch.rescan {
            // Editors' droppings alone: kept for the next rebuild to see.
            live.note(&batch);
            continue;
        }
        let what = if shown.is_empty() {
            "the watcher lost track of changes, the folder was listed again: rebuilt".to_string()
        } else {
            format!("changed {}: rebuilt", shown.join(", "))
        };
        report(observer, &live.rebuild(&batch), &what);
    }
}

/// Tell the terminal what a build did; `what` starts its line.
fn report(observer: &dyn Observer, rebuilt: &Rebuilt, what: &str) {
    match rebuilt {
        Rebuilt::Site {
            rendered,
            quarters,
            pages,
            shown,
            took,
            timings,
            warnings,
        } => {
            if !warnings.is_empty() {
                observer.warn(warnings);
            }
            let ms = |d: &std::time::Duration| d.as_secs_f64() * 1000.0;
            let first = shown.as_ref().map_or(String::new(), |at| {
                format!("the open pages first, in {:.1} ms, then ", ms(at))
            });
            observer.say(&format!(
                "{what} {first}{rendered} of {quarters} quarter{} ({pages} pages) in {:.1} ms; reload sent",
                if *quarters == 1 { "" } else { "s" },
                ms(took)
            ));
            observer.timings(timings);
        }
        Rebuilt::Failed { text } => {
            eprintln!("{text}");
            eprintln!(
                "the site does not build; still serving the last good build (the error shows in the browser)"
            );
        }
    }
}
