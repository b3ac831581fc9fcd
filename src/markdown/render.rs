//! Markdown to HTML, safely: raw HTML escaped unless allowed, unsafe link
//! schemes dropped, local images pointed at the published `media/` folder,
//! headings and footnotes given stable, collision-free ids.

use super::ids::{FootnoteIds, HeadingIds};
use super::options;
use super::plain::{is_plain, plain_text};
use crate::model::paths::{self, Target};
use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd, html};

/// Renders Markdown to HTML fragments.
#[derive(Debug, Clone, Copy, Default)]
pub struct MdRenderer {
    /// Pass raw HTML through. Off by default: raw HTML is shown as text.
    pub allow_html: bool,
}

/// Where the Markdown came from and where its HTML goes.
#[derive(Debug, Clone, Copy, Default)]
pub struct MdContext<'a> {
    /// Content-relative folder of the source file, `/`-separated, `""` for the root.
    pub base_dir: &'a str,
    /// Relative URL from the page being rendered to the site root: `""`, `"../"`.
    pub root_prefix: &'a str,
    /// Prefix for generated heading ids and footnote ids, so several
    /// fragments rendered onto one page do not collide.
    pub id_prefix: &'a str,
    /// site.yaml's `task_url`: task references (`T12345`) in the text link
    /// through it (see [`super::tasks`]).
    pub task_url: Option<&'a str>,
}

impl MdRenderer {
    /// Render block Markdown to an HTML fragment.
    pub fn render(&self, markdown: &str, ctx: &MdContext) -> String {
        let events = self.transform(markdown, ctx);
        let mut out = String::with_capacity(markdown.len() + markdown.len() / 2);
        html::push_html(&mut out, events.into_iter());
        out
    }

    /// Render a one-line field: like [`render`](Self::render), but when the
    /// result is a single paragraph its `<p>` wrapper is removed.
    pub fn render_inline(&self, text: &str, ctx: &MdContext) -> String {
        let tasks = ctx.task_url.is_some() && !super::tasks::find(text).is_empty();
        if is_plain(text) && !tasks {
            // What the parser would return, without parsing: one text run.
            return text.to_string();
        }
        let mut events = self.transform(text, ctx);
        if is_single_paragraph(&events) {
            events.pop();
            events.remove(0);
        }
        let mut out = String::with_capacity(text.len() + text.len() / 2);
        html::push_html(&mut out, events.into_iter());
        out
    }

    fn transform<'a>(&self, markdown: &'a str, ctx: &MdContext) -> Vec<Event<'a>> {
        let events: Vec<Event<'a>> = Parser::new_ext(markdown, options()).collect();
        let mut ids = HeadingIds::new(&events, ctx.id_prefix);
        let mut footnotes = FootnoteIds::new(ctx.id_prefix);
        let mut out = Vec::with_capacity(events.len());
        // For each open link: whether its `<a>` was kept.
        let mut links: Vec<bool> = Vec::new();
        let mut i = 0;
        while let Some(event) = events.get(i) {
            i += 1;
            match event {
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) => {
                    let text = plain_text(events.get(i..).unwrap_or_default());
                    out.push(Event::Start(Tag::Heading {
                        level: *level,
                        id: Some(ids.assign(id.as_deref(), &text).into()),
                        classes: classes.clone(),
                        attrs: if self.allow_html {
                            attrs.clone()
                        } else {
                            Vec::new()
                        },
                    }));
                }
                Event::Start(Tag::HtmlBlock) if !self.allow_html => {
                    let end = matching_end(&events, i);
                    let raw: String = events
                        .get(i..end)
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|e| match e {
                            Event::Html(t) | Event::InlineHtml(t) | Event::Text(t) => {
                                Some(t.as_ref())
                            }
                            _ => None,
                        })
                        .collect();
                    i = end + 1;
                    let raw = raw.trim_end();
                    if !is_comment(raw) {
                        out.push(Event::Start(Tag::Paragraph));
                        out.push(Event::Text(raw.to_string().into()));
                        out.push(Event::End(TagEnd::Paragraph));
                    }
                }
                Event::Html(t) | Event::InlineHtml(t) if !self.allow_html => {
                    if !is_comment(t.trim()) {
                        out.push(Event::Text(t.clone()));
                    }
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let keep = match paths::target(dest_url) {
                        Target::Scheme(s) => paths::is_allowed_scheme(&s),
                        Target::Web | Target::Local => true,
                    };
                    links.push(keep);
                    if keep {
                        out.push(Event::Start(Tag::Link {
                            link_type: *link_type,
                            dest_url: dest_url.clone(),
                            title: title.clone(),
                            id: id.clone(),
                        }));
                    }
                }
                Event::End(TagEnd::Link) => {
                    if links.pop().unwrap_or(true) {
                        out.push(Event::End(TagEnd::Link));
                    }
                }
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => match image_src(dest_url, ctx) {
                    Some(src) => out.push(Event::Start(Tag::Image {
                        link_type: *link_type,
                        dest_url: src,
                        title: title.clone(),
                        id: id.clone(),
                    })),
                    None => {
                        let end = matching_end(&events, i);
                        let alt = plain_text(events.get(i..).unwrap_or_default());
                        i = end + 1;
                        if !alt.is_empty() {
                            out.push(Event::Text(alt.into()));
                        }
                    }
                },
                Event::FootnoteReference(name) => {
                    out.push(Event::FootnoteReference(footnotes.id(name).into()));
                }
                Event::Start(Tag::FootnoteDefinition(name)) => {
                    out.push(Event::Start(Tag::FootnoteDefinition(
                        footnotes.id(name).into(),
                    )));
                }
                Event::TaskListMarker(done) => {
                    let html = if *done {
                        "<input type=\"checkbox\" disabled checked aria-label=\"done\"> "
                    } else {
                        "<input type=\"checkbox\" disabled aria-label=\"not done\"> "
                    };
                    out.push(Event::InlineHtml(CowStr::Borrowed(html)));
                }
                other => out.push(other.clone()),
            }
        }
        let out = super::align::cells_as_classes(out);
        match ctx.task_url {
            Some(url) => super::tasks::link_all(out, url),
            None => out,
        }
    }
}

/// The URL an image is shown from, or `None` when it must not be shown
/// (a scheme other than http(s), an empty path, a path leaving the content).
fn image_src<'a>(url: &CowStr<'a>, ctx: &MdContext) -> Option<CowStr<'a>> {
    match paths::target(url) {
        Target::Web => Some(url.clone()),
        Target::Scheme(_) => None,
        Target::Local => {
            let path = paths::local_path(url);
            if path.trim().is_empty() {
                return None;
            }
            let resolved = paths::resolve(ctx.base_dir, &path)?;
            Some(format!("{}media/{resolved}", ctx.root_prefix).into())
        }
    }
}

/// Index of the `End` that closes the element whose content starts at `from`
/// (just after its `Start`); `events.len()` if it is never closed.
fn matching_end(events: &[Event], from: usize) -> usize {
    let mut depth = 0usize;
    for (offset, event) in events.get(from..).unwrap_or_default().iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => return from + offset,
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
    events.len()
}

fn is_comment(html: &str) -> bool {
    html.strip_prefix("<!--")
        .and_then(|rest| rest.strip_suffix("-->"))
        .is_some_and(|inner| !inner.contains("-->"))
}

fn is_single_paragraph(events: &[Event]) -> bool {
    if !matches!(events.first(), Some(Event::Start(Tag::Paragraph))) {
        return false;
    }
    matching_end(events, 1) + 1 == events.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_skips_the_parser_with_the_same_result() {
        let md = MdRenderer::default();
        let ctx = MdContext::default();
        let parsed = |t: &str| {
            let mut events = md.transform(t, &ctx);
            if is_single_paragraph(&events) {
                events.pop();
                events.remove(0);
            }
            let mut out = String::new();
            html::push_html(&mut out, events.into_iter());
            out
        };
        let plain = [
            "12 services",
            "Launch the API gateway",
            "99.5 %",
            "Reduce p95 latency to 200 ms (from 340 ms).",
            "Ops/eng time: 40 % - 52 % + 8 %",
            "Team's work, year-on-year: €1.2m, £3, 5 °C",
            "Q3 FY20-21",
            "2020 was hard",
            "Größe: 3",
        ];
        for t in plain {
            assert!(is_plain(t), "{t}");
            assert_eq!(md.render_inline(t, &ctx), parsed(t), "{t}");
        }
        let not_plain = [
            "",
            " leading space",
            "trailing space ",
            "two  spaces",
            "1. a list",
            "2) also a list",
            "3.",
            "- item",
            "+ item",
            "*emphasis*",
            "a_b_c",
            "a [link](x)",
            "a <b>",
            "AT&T",
            "`code`",
            "# heading",
            "> quote",
            "line\nbreak",
            "~~struck~~",
            "a\\b",
            "a!",
            "x |",
            "end with a dash -",
            "tab\there",
        ];
        for t in not_plain {
            assert!(!is_plain(t), "{t:?} is not plain");
        }
    }

    const CTX: MdContext = MdContext {
        base_dir: "quarters/2024-q1/narrative",
        root_prefix: "../",
        id_prefix: "s1-",
        task_url: None,
    };

    fn render(md: &str) -> String {
        MdRenderer { allow_html: false }.render(md, &CTX)
    }

    #[test]
    fn raw_html_is_escaped_by_default() {
        assert_eq!(
            render("<script>alert(1)</script>\n"),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
        );
        assert_eq!(
            render("a <b onclick=\"x()\">b</b>"),
            "<p>a &lt;b onclick=\"x()\"&gt;b&lt;/b&gt;</p>\n"
        );
    }

    #[test]
    fn raw_html_passes_when_allowed() {
        let r = MdRenderer { allow_html: true };
        assert_eq!(
            r.render("<script>alert(1)</script>\n", &CTX),
            "<script>alert(1)</script>\n"
        );
        assert_eq!(r.render("a <b>b</b>", &CTX), "<p>a <b>b</b></p>\n");
    }

    #[test]
    fn html_comments_are_dropped_when_html_is_not_allowed() {
        assert_eq!(render("<!-- hidden -->\n\ntext"), "<p>text</p>\n");
        assert_eq!(render("a <!-- b --> c"), "<p>a  c</p>\n");
    }

    #[test]
    fn unsafe_links_are_neutralised() {
        assert_eq!(
            render("[click](javascript:alert(1)) [x](<JaVa\tScRiPt:alert(1)>)"),
            "<p>click x</p>\n"
        );
        assert_eq!(render("[a](&#106;avascript:alert(1))"), "<p>a</p>\n");
        assert_eq!(
            render("<javascript:alert(1)>"),
            "<p>javascript:alert(1)</p>\n"
        );
        assert_eq!(
            render("[ok](https://example.org/?a=1&b=2)"),
            "<p><a href=\"https://example.org/?a=1&amp;b=2\">ok</a></p>\n"
        );
        assert_eq!(
            render("[mail](mailto:a@b.org) [rel](other.html#x)"),
            "<p><a href=\"mailto:a@b.org\">mail</a> <a href=\"other.html#x\">rel</a></p>\n"
        );
    }

    #[test]
    fn unsafe_images_become_their_alt_text() {
        assert_eq!(
            render("![a *chart*](data:image/png;base64,AAAA)"),
            "<p>a chart</p>\n"
        );
        assert_eq!(render("![up](../../../../x.png)"), "<p>up</p>\n");
        assert_eq!(render("![](javascript:x)"), "<p></p>\n");
    }

    #[test]
    fn local_images_point_at_media() {
        assert_eq!(
            render("![Team & \"co\"](<img/team photo.png> \"T\")"),
            "<p><img src=\"../media/quarters/2024-q1/narrative/img/team%20photo.png\" alt=\"Team &amp; &quot;co&quot;\" title=\"T\" /></p>\n"
        );
        assert_eq!(
            render("![Team](img/team%20photo.png)"),
            "<p><img src=\"../media/quarters/2024-q1/narrative/img/team%20photo.png\" alt=\"Team\" /></p>\n"
        );
        assert_eq!(
            render("![x](%2e%2e/%2E%2E/%2e%2e/%2e%2e/x.png)"),
            "<p>x</p>\n"
        );
        assert_eq!(
            render("![logo](/media/logo.svg)"),
            "<p><img src=\"../media/media/logo.svg\" alt=\"logo\" /></p>\n"
        );
        assert_eq!(
            render("![r](https://example.org/a.png)"),
            "<p><img src=\"https://example.org/a.png\" alt=\"r\" /></p>\n"
        );
    }

    #[test]
    fn heading_ids_are_prefixed_and_deduplicated() {
        assert_eq!(
            render("# Café Wins\n\n## Café wins\n\n### Q&A {#qa .big .red}\n\n## Q&A\n\n## 日本\n"),
            "<h1 id=\"s1-cafe-wins\">Café Wins</h1>\n\
             <h2 id=\"s1-cafe-wins-2\">Café wins</h2>\n\
             <h3 id=\"qa\" class=\"big red\">Q&amp;A</h3>\n\
             <h2 id=\"s1-q-a\">Q&amp;A</h2>\n\
             <h2 id=\"s1-heading\">日本</h2>\n"
        );
    }

    #[test]
    fn generated_ids_avoid_explicit_ones_written_later() {
        let ctx = MdContext {
            id_prefix: "",
            ..CTX
        };
        let html = MdRenderer::default().render("# Intro\n\n# Other {#intro}\n", &ctx);
        assert_eq!(
            html,
            "<h1 id=\"intro-2\">Intro</h1>\n<h1 id=\"intro\">Other</h1>\n"
        );
    }

    #[test]
    fn heading_attributes_other_than_id_and_class_need_allow_html() {
        assert_eq!(render("# T {#t onclick=alert(1)}"), "<h1 id=\"t\">T</h1>\n");
        let r = MdRenderer { allow_html: true };
        assert_eq!(
            r.render("# T {#t data-x=1}", &CTX),
            "<h1 id=\"t\" data-x=\"1\">T</h1>\n"
        );
    }

    #[test]
    fn tables_strikethrough_and_tasklists_render() {
        assert_eq!(
            render("| a | b |\n|:--|--:|\n| 1 | ~~2~~ |\n"),
            "<table><thead><tr><th class=\"al\">a</th><th class=\"ar\">b</th></tr></thead><tbody>\n\
             <tr><td class=\"al\">1</td><td class=\"ar\"><del>2</del></td></tr>\n\
             </tbody></table>\n"
        );
        assert_eq!(
            render("- [x] done\n- [ ] open\n"),
            "<ul>\n\
             <li><input type=\"checkbox\" disabled checked aria-label=\"done\"> done</li>\n\
             <li><input type=\"checkbox\" disabled aria-label=\"not done\"> open</li>\n\
             </ul>\n"
        );
    }

    #[test]
    fn footnotes_render_with_prefixed_ids() {
        assert_eq!(
            render("Claim[^src].\n\n[^src]: The source.\n"),
            "<p>Claim<sup class=\"footnote-reference\"><a href=\"#s1-fn-src\">1</a></sup>.</p>\n\
             <div class=\"footnote-definition\" id=\"s1-fn-src\"><sup class=\"footnote-definition-label\">1</sup>\n\
             <p>The source.</p>\n\
             </div>\n"
        );
    }

    #[test]
    fn text_is_kept_as_written() {
        assert_eq!(
            render("\"quoted\" -- it's..."),
            "<p>\"quoted\" -- it's...</p>\n"
        );
    }

    #[test]
    fn render_inline_strips_a_single_paragraph() {
        let r = MdRenderer::default();
        assert_eq!(
            r.render_inline("Up **77 %** from <b>", &CTX),
            "Up <strong>77 %</strong> from &lt;b&gt;"
        );
        assert_eq!(
            r.render_inline("one\n\ntwo", &CTX),
            "<p>one</p>\n<p>two</p>\n"
        );
        assert_eq!(r.render_inline("", &CTX), "");
    }

    #[test]
    fn never_panics_on_odd_input() {
        let r = MdRenderer::default();
        for md in [
            "![",
            "![a](",
            "[^]",
            "# {#}",
            "<!--",
            "- [ ]",
            "|a|\n|-|\n",
            "![![x](y)](z)",
            "[![a](javascript:x)](javascript:y)",
        ] {
            let _ = r.render(md, &CTX);
            let _ = r.render_inline(md, &CTX);
        }
    }
}
