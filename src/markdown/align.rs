//! A Markdown table's column alignment as a short class on each cell
//! (`class="ar"`: right, `ac`: centre, `al`: left) instead of the
//! `style="text-align: right"` the HTML writer puts on every cell: the
//! stylesheet aligns them the same (`td.ar, th.ar` …), and a table of
//! numbers is written in half the bytes.

use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

/// `events` with every aligned table cell opened and closed as HTML of its
/// own, and the tables' alignments left for the stylesheet.
pub fn cells_as_classes(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    if !events.iter().any(
        |e| matches!(e, Event::Start(Tag::Table(a)) if a.iter().any(|a| *a != Alignment::None)),
    ) {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut columns: Vec<Alignment> = Vec::new();
    let (mut head, mut column) = (false, 0);
    // For each open cell: whether it was opened as HTML here.
    let mut open: Vec<bool> = Vec::new();
    for event in events {
        match event {
            Event::Start(Tag::Table(alignments)) => {
                out.push(Event::Start(Tag::Table(vec![
                    Alignment::None;
                    alignments.len()
                ])));
                columns = alignments;
            }
            Event::Start(Tag::TableHead) => {
                head = true;
                column = 0;
                out.push(event);
            }
            Event::End(TagEnd::TableHead) => {
                head = false;
                out.push(event);
            }
            Event::Start(Tag::TableRow) => {
                column = 0;
                out.push(event);
            }
            Event::Start(Tag::TableCell) => {
                let class = match columns.get(column) {
                    Some(Alignment::Left) => Some("al"),
                    Some(Alignment::Center) => Some("ac"),
                    Some(Alignment::Right) => Some("ar"),
                    _ => None,
                };
                column += 1;
                open.push(class.is_some());
                match class {
                    Some(c) => {
                        let tag = if head { "th" } else { "td" };
                        out.push(Event::Html(CowStr::from(format!("<{tag} class=\"{c}\">"))));
                    }
                    None => out.push(event),
                }
            }
            Event::End(TagEnd::TableCell) => {
                if open.pop().unwrap_or(false) {
                    let tag = if head { "th" } else { "td" };
                    out.push(Event::Html(CowStr::Borrowed(if tag == "th" {
                        "</th>"
                    } else {
                        "</td>"
                    })));
                } else {
                    out.push(event);
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser, html};

    fn render(md: &str, classes: bool) -> String {
        let events: Vec<Event> = Parser::new_ext(md, Options::ENABLE_TABLES).collect();
        let events = if classes {
            cells_as_classes(events)
        } else {
            events
        };
        let mut out = String::new();
        html::push_html(&mut out, events.into_iter());
        out
    }

    #[test]
    fn aligned_cells_get_a_class_and_the_rest_is_the_same() {
        let md = "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | *2* | 3 | 4 |\n| 5 |\n";
        let html = render(md, true);
        assert_eq!(
            html,
            "<table><thead><tr><th class=\"al\">a</th><th class=\"ac\">b</th>\
             <th class=\"ar\">c</th><th>d</th></tr></thead><tbody>\n\
             <tr><td class=\"al\">1</td><td class=\"ac\"><em>2</em></td>\
             <td class=\"ar\">3</td><td>4</td></tr>\n\
             <tr><td class=\"al\">5</td><td class=\"ac\"></td><td class=\"ar\"></td><td></td></tr>\n\
             </tbody></table>\n"
        );
        // Without the classes, the writer's own markup, style for class.
        let styled = render(md, false)
            .replace(" style=\"text-align: left\"", " class=\"al\"")
            .replace(" style=\"text-align: center\"", " class=\"ac\"")
            .replace(" style=\"text-align: right\"", " class=\"ar\"");
        assert_eq!(html, styled);
    }

    #[test]
    fn a_table_without_alignment_is_left_alone() {
        let md = "| a | b |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(render(md, true), render(md, false));
    }
}
