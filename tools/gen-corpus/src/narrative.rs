//! The narrative-only corpus: pages of review prose (~440 words each:
//! headings, lists, a GFM table, emphasis, code and links), written as a
//! quarterdeck review repository and, optionally, as a minimal Hugo site,
//! so both tools build exactly the same words.
//!
//! In the review repository each page is the one narrative file of its own
//! quarter (`quarters/pNNNNN/narrative/page.md`, deck `[narrative: page]`),
//! cut into slides at its `##` headings, so 1,000 pages give 1,000 deck
//! pages plus the index, as Hugo gives 1,000 pages plus its index and
//! section list.

use crate::Files;
use crate::rng::Rng;
use crate::words::{
    FIRST_NAMES, OUTCOMES, PLANS, REGIONS, RISKS, TEAMS, THINGS, VERBS, capital, filler, grouped,
    slug,
};
use std::fmt::Write;

/// Words a page is topped up to, at least; pages average about 440.
const MIN_WORDS: usize = 425;

/// A page's title and Markdown body.
pub struct Page {
    pub title: String,
    pub body: String,
}

/// Page `i` (1-based) of the corpus for `seed`.
pub fn page(seed: u64, i: usize) -> Page {
    let mut rng = Rng::stream(seed, &[2, i as u64]);
    let team = TEAMS[i % TEAMS.len()];
    let q = i % 4 + 1;
    let year = 2015 + (i / 4) % 10;
    let thing = |rng: &mut Rng| rng.pick(THINGS);
    let mut b = String::with_capacity(3200);
    let _ = writeln!(b, "# {team} — Q{q} {year} review\n");
    let _ = writeln!(
        b,
        "This quarter the **{team}** team {} {} and {} {}. Headline: **{}% {}** against plan, \
         with the details in the [planning notes](https://wiki.example.com/{}/q{q}-{year}) and \
         on the [dashboard](https://metrics.example.com/d/{i:05}). {}\n",
        rng.pick(VERBS),
        thing(&mut rng),
        rng.pick(VERBS),
        thing(&mut rng),
        rng.range(5, 40),
        rng.pick(OUTCOMES),
        slug(team),
        filler(&mut rng, 2),
    );
    b.push_str("## Highlights\n\n");
    for _ in 0..4 {
        let _ = writeln!(
            b,
            "- **{} {}** ahead of schedule, cutting manual work by {}% for the teams that depend on it",
            capital(rng.pick(VERBS)),
            thing(&mut rng),
            rng.range(10, 60)
        );
    }
    let prev = (q + 2) % 4 + 1;
    let _ = writeln!(
        b,
        "\n## Key metrics\n\n| Metric | Q{prev} | Q{q} | Change | Target |\n|:-------|-----:|-----:|-------:|-------:|"
    );
    for kind in rng.sample(crate::words::KPIS, 5) {
        let a = rng.uniform(kind.lo, kind.hi);
        let v = rng.uniform(kind.lo, kind.hi);
        let target = rng.uniform(kind.lo, kind.hi);
        let unit = if kind.unit.is_empty() {
            String::new()
        } else {
            format!(" ({})", kind.unit)
        };
        let _ = writeln!(
            b,
            "| {}{unit} | {} | {} | {:+.1}% | {} |",
            kind.name,
            grouped(a, kind.decimals),
            grouped(v, kind.decimals),
            (v - a) / a * 100.0,
            grouped(target, kind.decimals)
        );
    }
    let _ = writeln!(
        b,
        "\n## What went well\n\n{} Moving to `{}` paid off: _{} of {}_ milestones landed on time.\n",
        filler(&mut rng, 3),
        rng.pick(&[
            "feature-flags",
            "canary-deploys",
            "trunk-based",
            "weekly-releases"
        ]),
        rng.range(5, 9),
        rng.range(10, 12)
    );
    b.push_str("## Risks and issues\n\n");
    for risk in rng.sample(RISKS, 3) {
        let _ = writeln!(
            b,
            "- {}; owner: **{}**",
            capital(risk),
            rng.pick(FIRST_NAMES)
        );
    }
    b.push_str("\n### Mitigations\n\n");
    for n in 1..=3 {
        let _ = writeln!(
            b,
            "{n}. {} {} work with a weekly checkpoint",
            rng.pick(&["Pair on", "Stagger", "Automate", "Budget for"]),
            thing(&mut rng)
        );
    }
    let _ = writeln!(b, "\n## Plan for Q{}\n", q % 4 + 1);
    for _ in 0..3 {
        let _ = writeln!(
            b,
            "- {} {} in {}",
            rng.pick(PLANS),
            thing(&mut rng),
            rng.pick(REGIONS)
        );
    }
    let _ = writeln!(b, "\n{}", filler(&mut rng, 2));
    while b.split_whitespace().count() < MIN_WORDS {
        let _ = writeln!(b, "\n{}", filler(&mut rng, 2));
    }
    Page {
        title: format!("{team} — Q{q} {year}"),
        body: b,
    }
}

/// Write `pages` pages as a review repository into `repo`, and, when
/// `hugo` is given, as a Hugo site into it.
pub fn write(seed: u64, pages: usize, repo: &mut Files, mut hugo: Option<&mut Files>) -> usize {
    repo.add(
        "site.yaml",
        "# Narrative-only benchmark corpus: one page per quarter.\n\
         organisation: Example Corporation\n\
         title: Quarterly reviews\n"
            .to_string(),
    );
    if let Some(h) = hugo.as_deref_mut() {
        for (path, text) in HUGO_FILES {
            h.add(path, (*text).to_string());
        }
    }
    let mut words = 0;
    for i in 1..=pages {
        let p = page(seed, i);
        words += p.body.split_whitespace().count();
        let dir = format!("quarters/p{i:05}");
        let fiscal_year = 2000 + (i - 1) / 4;
        let quarter = (i - 1) % 4 + 1;
        repo.add(
            &format!("{dir}/quarter.yaml"),
            format!(
                "fiscal_year: {fiscal_year}\nquarter: {quarter}\ntitle: {}\ndeck:\n  - narrative: page\n",
                crate::yaml_str(&p.title)
            ),
        );
        if let Some(h) = hugo.as_deref_mut() {
            h.add(
                &format!("content/pages/p{i:05}.md"),
                format!(
                    "+++\ntitle = {}\nweight = {i}\n+++\n{}",
                    toml_str(&p.title),
                    p.body
                ),
            );
        }
        repo.add(&format!("{dir}/narrative/page.md"), as_slides(&p.body));
    }
    words
}

/// The page as a deck: a new slide at each `##` heading, so each slide
/// holds what one screen can. Only the separators are added: the words
/// are those Hugo builds.
pub fn as_slides(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 64);
    for line in body.lines() {
        if line.starts_with("## ") {
            out.push_str("---\n\n");
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The minimal Hugo site: no feeds, sitemap, taxonomies or 404 page, one
/// plain layout per page kind.
const HUGO_FILES: &[(&str, &str)] = &[
    (
        "hugo.toml",
        "baseURL = \"http://localhost/\"\n\
         title = \"Quarterly reviews\"\n\
         disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n",
    ),
    (
        "layouts/_default/single.html",
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n\
         <body><main>{{ .Content }}</main></body>\n</html>\n",
    ),
    (
        "layouts/_default/list.html",
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n\
         <body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body>\n</html>\n",
    ),
    (
        "layouts/index.html",
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>{{ .Site.Title }}</title></head>\n\
         <body><ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body>\n</html>\n",
    ),
];

/// A TOML basic string.
fn toml_str(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_about_440_words_and_deterministic() {
        let total: usize = (1..=200)
            .map(|i| page(9, i).body.split_whitespace().count())
            .sum();
        let average = total / 200;
        assert!((425..=460).contains(&average), "average {average} words");
        assert_eq!(page(9, 3).body, page(9, 3).body);
        assert_ne!(page(9, 3).body, page(10, 3).body);
    }

    #[test]
    fn pages_have_every_markdown_feature_and_no_slide_separator() {
        let body = page(1, 1).body;
        for needle in [
            "# ",
            "## ",
            "### ",
            "- **",
            "1. ",
            "|:---",
            "**",
            "_",
            "`",
            "](https://",
        ] {
            assert!(body.contains(needle), "missing {needle:?}");
        }
        assert!(
            !body
                .lines()
                .any(|l| l.trim_end() == "---" || l.starts_with(":::"))
        );
    }

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(toml_str("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
    }
}
