//! Where a broken link was written. Links in the content's Markdown stay
//! as the author wrote them (see `render::urls`), so a broken one is found
//! in the sources by its text: in a Markdown file among the links the
//! Markdown parser finds there; in a YAML file where a Markdown field
//! writes it (`](url`, `](<url>`, `]: url`). The pages of a quarter look in
//! that quarter's files first. A link that no content file writes comes
//! from the theme's templates: it is reported on the page.

use super::Broken;
use crate::diagnostics::{Diagnostic, Pos, SITE_PAGE};
use crate::load::Source;
use crate::markdown::refs::{RefKind, find_refs};
use crate::model::{Site, paths};
use std::collections::BTreeMap;

/// Pages listed by name in a diagnostic, at most.
const PAGES_NAMED: usize = 3;

/// The content's sources, and which content folder each quarter's pages
/// come from.
#[derive(Default)]
pub struct Authors<'a> {
    sources: &'a [Source],
    /// A quarter's pages' folder (its slug) → its folder in the content,
    /// with a trailing `/`.
    folders: BTreeMap<String, String>,
}

impl<'a> Authors<'a> {
    pub fn new(site: &Site, sources: &'a [Source]) -> Self {
        let folders = site
            .quarters
            .iter()
            .map(|q| (site.calendar.slug(q.id), format!("{}/", q.dir)))
            .collect();
        Self { sources, folders }
    }

    /// No sources: every broken link is reported on its page.
    #[cfg(test)]
    pub fn none() -> Self {
        Self::default()
    }

    /// A diagnostic for each place in the content that writes a broken
    /// link (once, however many pages show it), and for each broken link
    /// written by no content file, one on its page.
    pub(crate) fn locate(&self, broken: Vec<Broken>) -> Vec<Diagnostic> {
        let mut written: BTreeMap<(String, Pos, String), (Broken, Vec<String>)> = BTreeMap::new();
        let mut problems = Vec::new();
        for b in broken {
            let places = self.places(&b.page, &b.url);
            if places.is_empty() {
                problems.push(on_page(b));
                continue;
            }
            for (file, pos) in places {
                let (_, pages) = written
                    .entry((file, pos, b.url.clone()))
                    .or_insert_with(|| (b.clone(), Vec::new()));
                if !pages.contains(&b.page) {
                    pages.push(b.page.clone());
                }
            }
        }
        for ((file, pos, _), (b, pages)) in written {
            let mut named: Vec<String> = pages.iter().take(PAGES_NAMED).cloned().collect();
            if pages.len() > PAGES_NAMED {
                named.push(format!("{} more", pages.len() - PAGES_NAMED));
            }
            let whence = format!(
                "a link in Markdown is followed from the page it is shown on, here {}",
                named.join(", ")
            );
            let help = match b.help {
                Some(h) => format!("{h} ({whence})"),
                None => whence,
            };
            problems.push(
                Diagnostic::error(file, b.message)
                    .at_pos(pos)
                    .expected(b.expected)
                    .help(help),
            );
        }
        problems
    }

    /// Where the content writes `url`, shown on `page`: in the page's
    /// quarter folder if it writes it there, else anywhere.
    fn places(&self, page: &str, url: &str) -> Vec<(String, Pos)> {
        let find = |keep: &dyn Fn(&Source) -> bool| -> Vec<(String, Pos)> {
            self.sources
                .iter()
                .filter(|s| keep(s))
                .flat_map(|s| written_at(s, url).into_iter().map(|p| (s.file.clone(), p)))
                .collect()
        };
        let quarter = page
            .split_once('/')
            .and_then(|(slug, _)| self.folders.get(slug));
        if let Some(dir) = quarter {
            let here = find(&|s| s.file.starts_with(dir.as_str()));
            if !here.is_empty() {
                return here;
            }
        }
        find(&|_| true)
    }
}

/// A broken link no content file writes.
fn on_page(b: Broken) -> Diagnostic {
    Diagnostic::error(format!("{SITE_PAGE}{}", b.page), b.message)
        .expected(b.expected)
        .help(b.help.unwrap_or_else(|| {
            "no content file writes this link: the theme's templates do (with the built-in \
             theme, this is a bug of quarterdeck; please report it)"
                .to_string()
        }))
}

/// The positions at which `source` writes a link to `url`.
fn written_at(source: &Source, url: &str) -> Vec<Pos> {
    let text = &source.text;
    let decoded = paths::decode(url);
    if !text.contains(url) && !text.contains(decoded.as_str()) {
        return Vec::new();
    }
    if source.file.ends_with(".md") {
        return find_refs(text)
            .into_iter()
            .filter(|r| {
                r.kind == RefKind::Link && (r.url == url || paths::decode(&r.url) == decoded)
            })
            .map(|r| Pos::of_offset(text, r.offset))
            .collect();
    }
    // Markdown inside a YAML string: the link's destination as written.
    let mut at = Vec::new();
    for prefix in ["](", "](<", "]: "] {
        let needle = format!("{prefix}{url}");
        for (i, _) in text.match_indices(&needle) {
            let end = i + needle.len();
            let next = text.get(end..).and_then(|rest| rest.chars().next());
            if matches!(
                next,
                None | Some(')' | '>' | '"' | '\'') | Some(' ' | '\t' | '\r' | '\n')
            ) {
                at.push(Pos::of_offset(text, i + prefix.len()));
            }
        }
    }
    at.sort();
    at.dedup();
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(file: &str, text: &str) -> Source {
        Source {
            file: file.to_string(),
            text: text.into(),
        }
    }

    fn broken(page: &str, url: &str) -> Broken {
        Broken {
            page: page.to_string(),
            url: url.to_string(),
            message: format!("broken link `{url}`"),
            expected: "a page".to_string(),
            help: None,
        }
    }

    #[test]
    fn finds_links_in_markdown_files_and_yaml_fields() {
        let md = source(
            "q/narrative/a.md",
            "# A\n\nSee [the KPIs](#kpis) and `[x](#kpis)`.\n",
        );
        assert_eq!(written_at(&md, "#kpis"), vec![Pos { line: 3, column: 5 }]);
        let yaml = source(
            "q/sections/a.yaml",
            "title: A\noverview: |\n  See [b](other.html) and [c](<other.html>).\nx: other.html2\n",
        );
        assert_eq!(
            written_at(&yaml, "other.html"),
            vec![
                Pos {
                    line: 3,
                    column: 11
                },
                Pos {
                    line: 3,
                    column: 32
                }
            ]
        );
        assert!(written_at(&yaml, "other").is_empty());
    }

    #[test]
    fn a_link_shown_on_several_pages_is_reported_once_where_it_is_written() {
        let sources = [
            source("quarters/one/narrative/a.md", "[k](#gone)\n"),
            source("quarters/two/narrative/a.md", "\n[k](#gone)\n"),
        ];
        let authors = Authors {
            sources: &sources,
            folders: [("q2".to_string(), "quarters/two/".to_string())].into(),
        };
        let found = authors.locate(vec![
            broken("q2/index.html", "#gone"),
            broken("q2/index.html", "#gone"),
            broken("q2/index.html", "theme.html"),
        ]);
        let shown: Vec<String> = found.iter().map(|d| d.location()).collect();
        assert_eq!(
            shown,
            ["<site>/q2/index.html", "quarters/two/narrative/a.md:2:1"]
        );
        assert!(found[0].help.as_deref().unwrap().contains("theme"));
        assert!(found[1].help.as_deref().unwrap().contains("q2/index.html"));
        assert!(found.iter().all(|d| d.expected.is_some()));
    }
}
