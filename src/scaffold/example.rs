//! The small working example `quarterdeck init` writes: one quarter (the
//! current one) with two sections, KPIs, objectives with key results, a
//! drill-down, a narrative slide and a roster, plus the JSON Schemas and
//! the editor modelines that use them. It passes `check --strict`.

use super::Files;
use crate::model::{FiscalCalendar, FiscalQuarter, FyLabel};
use crate::schema;
use chrono::{Days, NaiveDate};

/// Today's date from the system clock (UTC).
pub fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(Days::new(days)))
        .unwrap_or_default()
}

/// Every file of the new repository, for the quarter `today` falls in.
pub fn files(today: NaiveDate) -> Files {
    let Some(cal) = FiscalCalendar::new(1, FyLabel::Span) else {
        return Vec::new();
    };
    let Some(q) = cal.quarter_of(today) else {
        return Vec::new();
    };
    let start = cal.start(q);
    let day = |n: u64| start.checked_add_days(Days::new(n)).unwrap_or(start);
    let meeting = cal.end(q).checked_sub_days(Days::new(7)).unwrap_or(start);
    let veteran_start = NaiveDate::from_ymd_opt(
        chrono::Datelike::year(&start) - 3,
        chrono::Datelike::month(&start),
        10,
    )
    .unwrap_or(start);
    let dir = format!("content/quarters/{}", cal.slug(q));
    let mut files: Files = vec![
        (".gitignore".into(), "/output/\n".into()),
        ("README.md".into(), readme(&cal, q)),
        ("content/site.yaml".into(), SITE.into()),
        (
            "content/people.yaml".into(),
            format!(
                "people:\n  - name: Ada Example\n    team: Platform\n    start: {veteran_start}\n  \
                 - name: Grace Example\n    team: Support\n    start: {}\n",
                day(14)
            ),
        ),
        (
            format!("{dir}/quarter.yaml"),
            format!(
                "fiscal_year: {}\nquarter: {}\ntitle: Quarterly review\nmeeting:\n  date: {meeting}\n  \
                 attendees: [Ada Example, Grace Example]\nsections: [platform, support]\n\
                 highlights:\n  wins:\n    - team: Platform\n      text: Deploys are a third faster than last quarter.\n  \
                 upcoming:\n    - Self-service environments for every team.\n",
                q.fiscal_year, q.quarter
            ),
        ),
        (format!("{dir}/sections/platform.yaml"), PLATFORM.into()),
        (format!("{dir}/sections/support.yaml"), SUPPORT.into()),
        (format!("{dir}/narrative/welcome.md"), WELCOME.into()),
    ];
    // Editor set-up: each YAML file names its schema on its first line.
    for (path, text) in &mut files {
        if let Some(rel) = path.strip_prefix("content/")
            && let Some(line) = schema::modeline(rel, "../schema")
        {
            *text = format!("{line}\n{text}");
        }
    }
    for s in schema::schemas() {
        files.push((
            format!("schema/{}", s.file_name),
            schema::to_text(&s.schema),
        ));
    }
    files
}

fn readme(cal: &FiscalCalendar, q: FiscalQuarter) -> String {
    format!(
        "# Quarterly reviews\n\n\
         The review content is in `content/`: `site.yaml`, the roster in\n\
         `people.yaml`, and one folder per quarter under `content/quarters/`\n\
         (this example has {}).\n\n\
         ```sh\n\
         quarterdeck serve               # live preview on http://127.0.0.1:8000/\n\
         quarterdeck check               # validate and link-check; writes nothing\n\
         quarterdeck build               # the site, into output/\n\
         quarterdeck new quarter         # start the next quarter from the latest\n\
         ```\n\n\
         `schema/` holds the JSON Schemas of the YAML files; each YAML file's\n\
         first line points an editor with the YAML language server at its\n\
         schema, for completion and inline errors.\n",
        cal.label(q)
    )
}

const SITE: &str = "\
organisation: Example Organisation
title: Quarterly reviews
fiscal_year_start_month: 1
";

const PLATFORM: &str = "\
title: Platform
kind: Team
owner: Ada Example
fte: 4
time_split:
  focus: 70
  strengthen: 30
overview: The services every other team builds on.
kpis:
  - id: availability
    name: Availability
    unit: \"%\"
    value: 99.95
    previous: 99.9
  - id: deploy-time
    name: Time to deploy
    unit: minutes
    direction: lower
    value: 12
    previous: 18
objectives:
  - id: faster-deploys
    title: Deploy in under ten minutes
    category: focus
    owner: Ada Example
    status: on-track
    measures:
      - Median deploy time below 10 minutes
    people: [Ada Example]
    key_results:
      - id: median-deploy
        title: Median deploy time
        unit: minutes
        baseline: 18
        target: 10
        value: 12
        status: on-track
";

const SUPPORT: &str = "\
title: Support
kind: Team
owner: Grace Example
fte: 2
time_split:
  focus: 50
  maintenance: 50
overview: Answers every question from the rest of the organisation.
kpis:
  - id: first-response
    name: First response time
    unit: hours
    direction: lower
    value: 6
    previous: 5
objectives:
  - id: self-service
    title: Answer common questions before they are asked
    category: experiment
    owner: Grace Example
    status: at-risk
    key_results:
      - id: articles
        title: Help articles published
        unit: articles
        baseline: 0
        target: 20
        value: 4
        status: at-risk
    drilldown:
      situation: Only four of twenty articles are out; the team was short-staffed.
      impact: Response times rose by an hour.
      recommendation: Pair each new article with the question that prompted it.
";

const WELCOME: &str = "\
---
title: Welcome
---

# Welcome {#welcome}

This is the example review that `quarterdeck init` created. Change any
file under `content/` while `quarterdeck serve` runs and this deck
rebuilds and reloads.

- Metrics and objectives: `sections/*.yaml` in the quarter's folder
- Slides like this one: `narrative/*.md`

::: notes
Speaker notes: shown in the presenter view, never on the slide.
:::
";
