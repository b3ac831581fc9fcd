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

use crate::progress::Observer;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use state::{Live, Rebuilt};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

pub struct ServeOptions {
    pub content: PathBuf,
    /// Address to listen on: 127.0.0.1 unless `--interface` names another.
    pub interface: IpAddr,
    /// Port; 0 lets the system pick a free one.
    pub port: u16,
    /// Open the preview in the default browser once it is listening.
    pub open: bool,
}

/// Changes arriving within this window are rebuilt together: an editor's
/// save is often several events (write, rename, metadata) within a few
/// milliseconds; a longer window only delays the reload. (Were a save's
/// events further apart, the worst case is two rebuilds, the first of a
/// half-written file showing its error until the second replaces it.)
const DEBOUNCE: Duration = Duration::from_millis(20);

/// Serve until Ctrl-C; `observer` is told what each rebuild did.
pub fn run(options: &ServeOptions, observer: &dyn Observer) -> Result<(), String> {
    // Diagnostics name files as the user wrote the folder; the watcher
    // reports absolute paths, matched against the canonical folder.
    let content = options
        .content
        .canonicalize()
        .map_err(|e| format!("cannot serve {}: {e}", options.content.display()))?;
    let live = Arc::new(Live::new(&options.content));
    report(observer, &live.rebuild(&[]), &[]);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let (sender, changes) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, None, sender)
        .map_err(|e| format!("cannot watch {}: {e}", content.display()))?;
    debouncer
        .watch(&content, RecursiveMode::Recursive)
        .map_err(|e| format!("cannot watch {}: {e}", content.display()))?;
    std::thread::scope(|scope| {
        let (watched, root) = (&live, &content);
        scope.spawn(move || rebuild_on_change(watched, root, &changes, observer));
        let served = runtime.block_on(serve(options, Arc::clone(&live)));
        // Closes the channel of changes, which ends the rebuild loop.
        drop(debouncer);
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

/// The rebuild loop: one rebuild per debounced batch of relevant changes,
/// told which files changed.
fn rebuild_on_change(
    live: &Live,
    root: &Path,
    changes: &mpsc::Receiver<DebounceEventResult>,
    observer: &dyn Observer,
) {
    while let Ok(batch) = changes.recv() {
        let Ok(events) = batch else {
            continue;
        };
        let mut changed: Vec<String> = events
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EventKind::Create(_)
                        | EventKind::Modify(_)
                        | EventKind::Remove(_)
                        | EventKind::Any
                )
            })
            .flat_map(|e| e.paths.iter())
            .filter_map(|p| relevant(root, p))
            .collect();
        changed.sort();
        changed.dedup();
        if changed.is_empty() {
            continue;
        }
        report(observer, &live.rebuild(&changed), &changed);
    }
}

/// The content-relative path of a changed file, unless it is one to
/// ignore: hidden files and folders (editor swap files, staging folders)
/// and editor backups.
fn relevant(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let name = parts.last()?;
    let ignored = parts.iter().any(|p| p.starts_with('.'))
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.starts_with('#');
    (!ignored).then(|| parts.join("/"))
}

fn report(observer: &dyn Observer, rebuilt: &Rebuilt, changed: &[String]) {
    let what = if changed.is_empty() {
        "built".to_string()
    } else {
        format!("changed {}: rebuilt", changed.join(", "))
    };
    match rebuilt {
        Rebuilt::Site {
            rendered,
            quarters,
            pages,
            took,
            timings,
            warnings,
        } => {
            if !warnings.is_empty() {
                observer.warn(warnings);
            }
            observer.say(&format!(
                "{what} {rendered} of {quarters} quarter{} ({pages} pages) in {:.1} ms; reload sent",
                if *quarters == 1 { "" } else { "s" },
                took.as_secs_f64() * 1000.0
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_droppings_are_ignored() {
        let root = Path::new("/c");
        assert_eq!(
            relevant(root, Path::new("/c/quarters/q1/sections/a.yaml")).as_deref(),
            Some("quarters/q1/sections/a.yaml")
        );
        for p in [
            "/c/quarters/q1/.a.yaml.swp",
            "/c/.git/index",
            "/c/quarters/q1/a.yaml~",
            "/c/#a.yaml#",
            "/elsewhere/a.yaml",
        ] {
            assert_eq!(relevant(root, Path::new(p)), None, "{p}");
        }
    }
}
