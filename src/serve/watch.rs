//! Watching the content folder. The watcher's events are gathered until
//! the folder has been quiet for [`QUIET`] (an editor's save is several
//! events within a millisecond or two: write, rename, metadata), and
//! become one [`Batch`]: the paths they name, for the pipeline to look at
//! alone, or word that they cannot say everything that changed (the
//! watcher's queue overflowed, it failed, an event without a path inside
//! the folder). Waiting blocks on the events themselves: nothing runs
//! while the folder is quiet, and a rebuild starts [`QUIET`] after the
//! last event of a save.

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long the folder must be quiet after an event before the rebuild
/// starts. Were a save's events further apart, the worst case is two
/// rebuilds, the first of a half-written file showing its error until
/// the second replaces it.
pub const QUIET: Duration = Duration::from_millis(10);

/// However busy the folder (a checkout of many files), a rebuild starts
/// this long after the first event.
const LONGEST: Duration = Duration::from_millis(500);

/// The events of one save, or of several close together.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Batch {
    /// The paths named, relative to the content folder and `/`-separated;
    /// files or folders; hidden ones left out.
    pub paths: BTreeSet<String>,
    /// Whether the events cannot say everything that changed.
    pub rescan: bool,
}

/// The watcher of `root` (keep it: dropping it ends the events) and its
/// events. Reading a file is no change: those events are left out.
pub fn watch(root: &Path) -> notify::Result<(RecommendedWatcher, Receiver<notify::Result<Event>>)> {
    let (sender, events) = channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
        if !event
            .as_ref()
            .is_ok_and(|e| matches!(e.kind, EventKind::Access(_)) && !e.need_rescan())
        {
            let _ = sender.send(event);
        }
    })?;
    watcher.watch(root, RecursiveMode::Recursive)?;
    Ok((watcher, events))
}

/// The next batch: waits for an event, then until the folder has been
/// quiet for [`QUIET`]. `None` once the watcher is gone.
pub fn next(root: &Path, events: &Receiver<notify::Result<Event>>) -> Option<Batch> {
    let first = events.recv().ok()?;
    let started = Instant::now();
    let mut batch = Batch::default();
    batch.add(root, first);
    while started.elapsed() < LONGEST {
        match events.recv_timeout(QUIET) {
            Ok(event) => batch.add(root, event),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
        }
    }
    Some(batch)
}

impl Batch {
    fn add(&mut self, root: &Path, event: notify::Result<Event>) {
        let event = match event {
            Ok(e) if !e.need_rescan() => e,
            _ => {
                self.rescan = true;
                return;
            }
        };
        if event.paths.is_empty() {
            self.rescan = true;
        }
        for path in &event.paths {
            match path.strip_prefix(root).ok().map(parts) {
                Some(parts) if parts.is_empty() => self.rescan = true,
                Some(parts) if parts.iter().any(|p| p.starts_with('.')) => {}
                Some(parts) => {
                    self.paths.insert(parts.join("/"));
                }
                None => self.rescan = true,
            }
        }
    }

    /// The paths that are content, not editors' droppings (swap files,
    /// backups): a batch of droppings alone is no reason to rebuild.
    pub fn shown(&self) -> Vec<&str> {
        let dropping = |name: &str| {
            name.ends_with('~')
                || name.ends_with(".swp")
                || name.ends_with(".swx")
                || name.starts_with('#')
        };
        let name = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();
        self.paths
            .iter()
            .map(String::as_str)
            .filter(|p| !dropping(&name(p)))
            .collect()
    }
}

fn parts(rel: &Path) -> Vec<String> {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, ModifyKind, RemoveKind, RenameMode};
    use std::path::PathBuf;

    fn event(kind: EventKind, paths: &[&str]) -> notify::Result<Event> {
        let paths = paths.iter().map(PathBuf::from).collect();
        Ok(Event {
            kind,
            paths,
            attrs: Default::default(),
        })
    }

    fn batch(events: Vec<notify::Result<Event>>) -> Batch {
        let mut batch = Batch::default();
        for e in events {
            batch.add(Path::new("/c"), e);
        }
        batch
    }

    #[test]
    fn a_save_by_rename_names_both_paths_and_leaves_out_hidden_ones() {
        let b = batch(vec![
            event(
                EventKind::Create(CreateKind::File),
                &["/c/quarters/q/.a.md.swp"],
            ),
            event(
                EventKind::Modify(ModifyKind::Data(DataChange::Any)),
                &["/c/quarters/q/a.md.tmp"],
            ),
            event(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["/c/quarters/q/a.md.tmp", "/c/quarters/q/a.md"],
            ),
            event(EventKind::Remove(RemoveKind::File), &["/c/.git/index"]),
            event(EventKind::Create(CreateKind::File), &["/c/a.yaml~"]),
        ]);
        assert!(!b.rescan);
        let paths: Vec<&str> = b.paths.iter().map(String::as_str).collect();
        assert_eq!(paths, ["a.yaml~", "quarters/q/a.md", "quarters/q/a.md.tmp"]);
        assert_eq!(b.shown(), ["quarters/q/a.md", "quarters/q/a.md.tmp"]);
    }

    #[test]
    fn a_batch_holds_every_event_already_waiting() {
        let (sender, events) = channel();
        for path in ["/c/site.yaml", "/c/quarters/q/a.md", "/c/site.yaml"] {
            let kind = EventKind::Modify(ModifyKind::Data(DataChange::Any));
            sender.send(event(kind, &[path])).unwrap();
        }
        drop(sender);
        let batch = next(Path::new("/c"), &events).unwrap();
        let paths: Vec<&str> = batch.paths.iter().map(String::as_str).collect();
        assert_eq!(paths, ["quarters/q/a.md", "site.yaml"]);
        assert_eq!(next(Path::new("/c"), &events), None, "the watcher is gone");
    }

    #[test]
    fn what_events_cannot_tell_asks_for_a_rescan() {
        let overflow = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(batch(vec![Ok(overflow)]).rescan);
        assert!(batch(vec![Err(notify::Error::generic("lost"))]).rescan);
        assert!(batch(vec![event(EventKind::Any, &[])]).rescan);
        assert!(batch(vec![event(EventKind::Any, &["/c"])]).rescan);
        assert!(batch(vec![event(EventKind::Any, &["/elsewhere/a.md"])]).rescan);
        let editor = [
            "/c/quarters/q/a.yaml~",
            "/c/#a.yaml#",
            "/c/quarters/q/a.swx",
        ];
        let droppings = batch(vec![event(EventKind::Any, &editor)]);
        assert!(!droppings.rescan);
        assert!(droppings.shown().is_empty());
    }
}
