//! What a run reads: the content folder, as a file watcher reports its
//! changes ([`Pipeline::saw`]) or not, loaded.

use super::loads::Loading;
use super::{Changes, ParsedTheme, Pipeline};
use crate::load::{self, Loaded};
use crate::render::{self, theme::BuiltIn};
use std::path::Path;

impl Pipeline {
    /// Tell the next run that these files (relative to the content folder)
    /// changed, even if their size and time did not. The run still lists
    /// the folder for whatever else changed.
    pub fn touch(&mut self, paths: impl IntoIterator<Item = String>) {
        if let Some(memory) = &mut self.memory {
            memory.touched.extend(paths);
            memory.complete = Some(false);
        }
    }

    /// Tell the next run what a file watcher saw: these paths (relative to
    /// the content folder, `/`-separated; files or folders) were created,
    /// written, removed or renamed (both names), and nothing else changed.
    /// When every report since the last run is one of these, the run looks
    /// at these paths alone instead of listing the folder (see [`super::files`]).
    pub fn saw(&mut self, paths: impl IntoIterator<Item = String>) {
        if let Some(memory) = &mut self.memory {
            memory.touched.extend(paths);
            memory.complete.get_or_insert(true);
        }
    }

    /// Tell the next run that the watcher cannot say what changed (its
    /// events overflowed, it failed): the folder is listed again.
    pub fn rescan(&mut self) {
        if let Some(memory) = &mut self.memory {
            memory.complete = Some(false);
        }
    }

    /// Load the content folder. Once: everything, while the built-in
    /// theme's templates are parsed (a theme folder named in site.yaml is
    /// read once the content is in). Incrementally: refresh the listing
    /// (the paths the watcher named, or the whole folder), note what
    /// changed, and parse again only the quarter folders it touches.
    pub(super) fn load(
        &mut self,
        content: &Path,
        changes: &mut Changes,
    ) -> (Loaded, Option<ParsedTheme>) {
        let Some(m) = &mut self.memory else {
            let (loaded, theme) = rayon::join(
                || load::load(content),
                || render::theme::load_theme(None, BuiltIn::Default, "en"),
            );
            return (loaded, Some(theme));
        };
        let touched = std::mem::take(&mut m.touched);
        let only = m.complete.take() == Some(true);
        changes.files = m.files.refresh(content, &touched, only);
        let loading = Loading {
            loads: &m.loads,
            files: &m.files,
        };
        let load = || {
            // The listing just refreshed, not a second walk.
            let (found, problems) = loading.files.walked();
            load::load_with(content, found, problems, &loading)
        };
        // The first run parses the built-in theme meanwhile, as a build does.
        let (loaded, built_in) = match m.theme {
            Some(_) => (load(), None),
            None => {
                let (loaded, theme) = rayon::join(load, || {
                    render::theme::load_theme(None, BuiltIn::Default, "en")
                });
                (loaded, Some(theme))
            }
        };
        m.loads.finish();
        (loaded, built_in)
    }
}
