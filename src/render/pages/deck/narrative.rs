//! The author's narrative slides (`narrative/*.md`), one per top-level
//! heading, each heading moved down a level to sit under the deck's `h1`.

use super::plan::Planned;
use super::slides::{NarrativeSlide, SlideData};
use crate::model::NarrativeSlide as Source;
use crate::render::measure::{DENSE, Measure};
use crate::render::views::Ctx;

pub fn narrative_slides(ctx: &Ctx, name: &str, plan: &mut Vec<Planned>) {
    let Some(n) = ctx.quarter.narratives.get(name) else {
        return;
    };
    for s in &n.slides {
        let html = demote_headings(&ctx.block(&n.file, &s.body, &format!("{}-", s.id)));
        // The slide's section carries its id; the heading that named it
        // gets one of its own, so the page has each id once.
        let html = html.replacen(
            &format!(" id=\"{}\"", s.id),
            &format!(" id=\"{}-heading\"", s.id),
            1,
        );
        let mut p = Planned::new(
            s.id.clone(),
            "narrative",
            s.title.clone().unwrap_or_else(|| s.id.clone()),
            SlideData::Narrative(NarrativeSlide { html }),
        );
        p.classes = s.classes.join(" ");
        p.source = Some((n.file.clone(), s.line));
        if let SlideData::Narrative(slide) = &p.data
            && Measure::of(&slide.html).fill(DENSE) > 1.0
        {
            p.split_hint = split_hint(ctx, &n.file, s);
        }
        p.notes = s
            .notes
            .as_deref()
            .map(|t| ctx.block(&n.file, t, &format!("{}-notes-", s.id)))
            .unwrap_or_default();
        p.minutes = s
            .minutes
            .as_deref()
            .map(|t| ctx.block(&n.file, t, &format!("{}-minutes-", s.id)))
            .unwrap_or_default();
        plan.push(p);
    }
}

/// Where to split a narrative slide that is too long: the last heading
/// (or, without headings, the last paragraph break) before which the
/// slide still fits at the dense type size, or the first one when none
/// does. The help names its line in the Markdown file.
fn split_hint(ctx: &Ctx, file: &str, s: &Source) -> Option<String> {
    let lines: Vec<&str> = s.body.lines().collect();
    let mut fenced = false;
    let mut headings = Vec::new();
    let mut breaks = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
        }
        if fenced || i == 0 {
            continue;
        }
        if t.starts_with('#') {
            headings.push(i);
        } else if !t.is_empty() && lines[i - 1].trim().is_empty() {
            breaks.push(i);
        }
    }
    let candidates = if headings.is_empty() {
        breaks
    } else {
        headings
    };
    let fits = |i: usize| {
        let html = demote_headings(&ctx.block(file, &lines[..i].join("\n"), "measure-"));
        Measure::of(&html).fill(DENSE) <= 1.0
    };
    let at = candidates
        .iter()
        .copied()
        .take_while(|&i| fits(i))
        .last()
        .or(candidates.first().copied())?;
    let line = s.line + u32::try_from(at).ok()?;
    let text = lines[at].trim();
    Some(if text.starts_with('#') {
        let heading = text.trim_start_matches('#').trim();
        let heading = heading.split(" {").next().unwrap_or(heading);
        format!(
            "split it before the heading `{heading}` at line {line}: add a line `---` above it; or shorten it"
        )
    } else {
        format!("split it before line {line}: add a line `---` above it; or shorten it")
    })
}

/// A page has one `h1` (the deck title) and each slide is an `h2` section:
/// a narrative slide's `#` heading becomes `h2`, `##` becomes `h3`, and so
/// on. Only real tags are touched: text `<h1` in Markdown is escaped before
/// it gets here.
fn demote_headings(html: &str) -> String {
    // One pass over the HTML: a `replace` per level and tag would scan and
    // copy every narrative slide ten times.
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let bytes = tag.as_bytes();
        let close = bytes.get(1) == Some(&b'/');
        let digit_at = if close { 3 } else { 2 };
        match (bytes.get(digit_at - 1), bytes.get(digit_at)) {
            (Some(b'h'), Some(&d @ b'1'..=b'5'))
                if !close || bytes.get(digit_at + 1) == Some(&b'>') =>
            {
                out.push_str(if close { "</h" } else { "<h" });
                out.push(char::from(d + 1));
                rest = &tag[digit_at + 1..];
            }
            _ => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::demote_headings;

    #[test]
    fn headings_move_down_one_level_without_collisions() {
        assert_eq!(
            demote_headings("<h1 id=\"a\">A</h1><h2>B</h2><p>&lt;h1&gt;</p><h6>F</h6>"),
            "<h2 id=\"a\">A</h2><h3>B</h3><p>&lt;h1&gt;</p><h6>F</h6>"
        );
        assert_eq!(
            demote_headings("<hr><h5>x</h5><h4 class=\"t\">é</h4>< h1</h2 >"),
            "<hr><h6>x</h6><h5 class=\"t\">é</h5>< h1</h2 >"
        );
    }
}
